using System;
using System.Collections.Generic;
using System.Linq;

namespace VoiceNpc.Cli
{
    /// <summary>Nearest-rank percentiles of a sample.</summary>
    public static class Percentiles
    {
        public static double Of(IReadOnlyCollection<double> values, double percentile)
        {
            if (values.Count == 0) return double.NaN;
            var sorted = values.OrderBy(v => v).ToArray();
            int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
            return sorted[Math.Max(0, Math.Min(sorted.Length - 1, rank - 1))];
        }
    }
}
