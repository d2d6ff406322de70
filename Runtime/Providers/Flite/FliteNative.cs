using System;
using System.Runtime.InteropServices;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// The Flite 2.x C API this provider uses. The only file that imports Flite. Flite, its US English lexicon and the
    /// voices are one library of the package (libvoicenpc_flite, built by Tools~/native-deps.sh); the name is bare so
    /// it resolves on every platform. Nothing here is thread-safe: callers hold <see cref="FliteEngine"/>'s lock.
    /// </summary>
    internal static unsafe class FliteNative
    {
        internal const string Library = "voicenpc_flite";
        internal const string Purpose = "Flite text-to-speech";

        /// <summary>Mirrors <c>cst_wave</c>; sequential layout matches the C struct's padding on 32- and 64-bit.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Wave
        {
            public IntPtr Type;
            public int SampleRate;
            public int NumSamples;
            public int NumChannels;
            public short* Samples;
        }

        /// <summary>The leading fields of <c>cst_voice</c>; only <see cref="Features"/> is read.</summary>
        [StructLayout(LayoutKind.Sequential)]
        internal struct Voice
        {
            public IntPtr Name;
            public IntPtr Features;
        }

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int flite_init();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr flite_synth_text(byte* text, IntPtr voice);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern void delete_utterance(IntPtr utterance);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern Wave* utt_wave(IntPtr utterance);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr utt_relation(IntPtr utterance, byte* name);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr relation_head(IntPtr relation);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr item_next(IntPtr item);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr item_prev(IntPtr item);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr item_as(IntPtr item, byte* relationName);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr item_daughter(IntPtr item);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr item_last_daughter(IntPtr item);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int item_feat_present(IntPtr item, byte* name);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern float item_feat_float(IntPtr item, byte* name);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr item_feat_string(IntPtr item, byte* name);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern IntPtr flite_get_param_val(IntPtr features, byte* name, IntPtr defaultValue);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern float flite_get_param_float(IntPtr features, byte* name, float defaultValue);

        /// <summary>Flite keeps <paramref name="name"/> by pointer: pass a string that lives forever.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern void flite_feat_set_float(IntPtr features, byte* name, float value);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern int flite_feat_remove(IntPtr features, byte* name);

        // Each voice takes the directory of external voice data (NULL: the data is built in).
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern Voice* register_cmu_us_kal(byte* voxdir);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern Voice* register_cmu_us_kal16(byte* voxdir);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern Voice* register_cmu_us_awb(byte* voxdir);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern Voice* register_cmu_us_rms(byte* voxdir);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        internal static extern Voice* register_cmu_us_slt(byte* voxdir);
    }
}
