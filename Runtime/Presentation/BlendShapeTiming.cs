using System;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// How fast one blend shape follows its target: the time constants (seconds) of an exponential approach while it
    /// rises (<see cref="AttackSeconds"/>) and while it falls (<see cref="ReleaseSeconds"/>); 0 jumps at once.
    /// </summary>
    public readonly struct BlendShapeTiming
    {
        public BlendShapeTiming(double attackSeconds, double releaseSeconds)
        {
            AttackSeconds = Check(attackSeconds, nameof(attackSeconds));
            ReleaseSeconds = Check(releaseSeconds, nameof(releaseSeconds));
        }

        public double AttackSeconds { get; }
        public double ReleaseSeconds { get; }

        private static double Check(double seconds, string name) =>
            seconds >= 0 && seconds <= 10 ? seconds : throw new ArgumentOutOfRangeException(name, seconds, "a time constant is 0 to 10 seconds");
    }
}
