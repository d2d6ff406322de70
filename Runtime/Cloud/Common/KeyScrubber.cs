using System.Collections.Generic;
using System.Text;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// Removes from a text every run of <see cref="MinimumRun"/> or more characters that also occurs in the key, wherever
    /// in the key it starts: a vendor that echoes a prefix, a suffix ("…cdef1234") or the middle of a key leaves none of
    /// it behind. Every 8-character window of the key is kept as two packed 64-bit words, so a text is scanned once with a
    /// sliding window and a set look-up per character: linear in the text, whatever the key.
    /// </summary>
    internal sealed class KeyScrubber
    {
        public const int MinimumRun = 8;
        private const string Replacement = "[key]";
        private readonly string _key;
        private readonly HashSet<(ulong Low, ulong High)> _windows = new HashSet<(ulong, ulong)>();

        public KeyScrubber(string key)
        {
            _key = key;
            if (key.Length < MinimumRun) return;
            var window = Pack(key, 0);
            _windows.Add(window);
            for (int i = MinimumRun; i < key.Length; i++)
            {
                window = Slide(window, key[i]);
                _windows.Add(window);
            }
        }

        public string Scrub(string text)
        {
            if (_key.Length == 0) return text;
            if (_key.Length < MinimumRun) return text.Replace(_key, Replacement);
            if (text.Length < MinimumRun) return text;
            StringBuilder? scrubbed = null;
            int copied = 0, runStart = -1, runEnd = -1;   // the run being covered: [runStart, runEnd)
            var window = Pack(text, 0);
            for (int start = 0; ; start++)
            {
                if (_windows.Contains(window))
                {
                    if (start > runEnd) { Flush(); runStart = start; }
                    runEnd = start + MinimumRun;
                }
                int next = start + MinimumRun;
                if (next >= text.Length) break;
                window = Slide(window, text[next]);
            }
            Flush();
            if (scrubbed == null) return text;
            scrubbed.Append(text, copied, text.Length - copied);
            return scrubbed.ToString();

            void Flush()
            {
                if (runStart < 0) return;
                scrubbed ??= new StringBuilder(text.Length);
                scrubbed.Append(text, copied, runStart - copied).Append(Replacement);
                copied = runEnd;
                runStart = -1;
            }
        }

        /// <summary>Characters start..start+7, four per word (16 bits each): exact, so a look-up never matches wrongly.</summary>
        private static (ulong Low, ulong High) Pack(string text, int start)
        {
            ulong low = 0, high = 0;
            for (int i = 0; i < 4; i++)
            {
                low |= (ulong)text[start + i] << (16 * i);
                high |= (ulong)text[start + 4 + i] << (16 * i);
            }
            return (low, high);
        }

        /// <summary>The window one character on: the first character drops out, <paramref name="next"/> comes in last.</summary>
        private static (ulong Low, ulong High) Slide((ulong Low, ulong High) window, char next) =>
            ((window.Low >> 16) | ((window.High & 0xFFFF) << 48), (window.High >> 16) | ((ulong)next << 48));
    }
}
