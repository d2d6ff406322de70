using System;
using System.Collections.Generic;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// The voices built into Flite, registered on first use and kept for the life of the process (Flite voices are
    /// process-wide; unregistering one another instance still uses would crash). Callers hold
    /// <see cref="FliteEngine"/>'s lock.
    /// </summary>
    internal static unsafe class FliteVoices
    {
        public static readonly IReadOnlyList<string> Names = new[] { "kal", "kal16", "awb", "rms", "slt" };

        private static readonly Dictionary<string, FliteVoice> Registered =
            new Dictionary<string, FliteVoice>(StringComparer.OrdinalIgnoreCase);

        public static bool IsKnown(string name)
        {
            foreach (string known in Names)
                if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) return true;
            return false;
        }

        /// <summary>The voice named <paramref name="name"/> (case-insensitive), registering it the first time.</summary>
        public static FliteVoice Get(string name)
        {
            if (Registered.TryGetValue(name, out FliteVoice? voice)) return voice;
            FliteNative.Voice* handle = Register(name.ToLowerInvariant());
            if (handle == null || handle->Features == IntPtr.Zero)
                throw new InvalidOperationException($"Flite could not register voice \"{name}\"");
            voice = new FliteVoice(handle);
            Registered.Add(name, voice);
            return voice;
        }

        private static FliteNative.Voice* Register(string name)
        {
            switch (name)
            {
                case "kal": return FliteNative.register_cmu_us_kal(null);
                case "kal16": return FliteNative.register_cmu_us_kal16(null);
                case "awb": return FliteNative.register_cmu_us_awb(null);
                case "rms": return FliteNative.register_cmu_us_rms(null);
                case "slt": return FliteNative.register_cmu_us_slt(null);
                default: throw new ArgumentException($"unknown Flite voice \"{name}\"", nameof(name));
            }
        }
    }
}
