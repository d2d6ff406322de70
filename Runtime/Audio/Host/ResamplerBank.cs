using System;
using System.Collections.Generic;
using System.Threading;

namespace VoiceNpc.Audio
{
    /// <summary>
    /// The 16 kHz → output-rate resamplers a <see cref="CallbackPlayback"/> may need, built off the audio thread and
    /// published copy-on-write, so the callback finds one by rate without allocating or locking.
    /// </summary>
    internal sealed class ResamplerBank
    {
        private StreamingResampler[] _resamplers;

        public ResamplerBank(IEnumerable<int> rates)
        {
            var built = new List<StreamingResampler>();
            foreach (int rate in rates)
            {
                if (rate <= 0) throw new ArgumentOutOfRangeException(nameof(rates), rate, "output sample rates must be positive");
                if (built.Exists(r => r.OutputRate == rate)) continue;
                built.Add(new StreamingResampler(AudioFormat.SampleRate, rate));
            }
            _resamplers = built.ToArray();
        }

        /// <summary>The resampler to <paramref name="rate"/>, or null when none was prepared. Audio thread.</summary>
        public StreamingResampler? Find(int rate)
        {
            var resamplers = Volatile.Read(ref _resamplers);
            for (int i = 0; i < resamplers.Length; i++)
                if (resamplers[i].OutputRate == rate) return resamplers[i];
            return null;
        }

        /// <summary>Builds the resampler to <paramref name="rate"/> if missing. Any thread but the audio thread.</summary>
        public void Prepare(int rate)
        {
            if (rate <= 0) throw new ArgumentOutOfRangeException(nameof(rate), rate, "output sample rate must be positive");
            if (Find(rate) != null) return;
            var added = new StreamingResampler(AudioFormat.SampleRate, rate);
            while (true)
            {
                var current = Volatile.Read(ref _resamplers);
                if (Array.Exists(current, r => r.OutputRate == rate)) return;
                var next = new StreamingResampler[current.Length + 1];
                current.CopyTo(next, 0);
                next[current.Length] = added;
                if (Interlocked.CompareExchange(ref _resamplers, next, current) == current) return;
            }
        }
    }
}
