using System;
using System.Runtime.InteropServices;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// The C API of PocketSphinx 5prealpha and SphinxBase, both in the package's libvoicenpc_sphinx (built by
    /// Tools~/native-deps.sh; the name is bare so it resolves on every platform). Every argument is blittable: strings
    /// are NUL-terminated UTF-8 we allocate, audio is pinned.
    /// </summary>
    internal static unsafe class PocketSphinxNative
    {
        internal const string Library = "voicenpc_sphinx";
        internal const string Purpose = "PocketSphinx speech-to-text";

        // --- sphinxbase: configuration, log-math ---

        /// <summary>Parses name/value pairs. The argv strings become hash keys: keep them alive until cmd_ln_free_r.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern IntPtr cmd_ln_parse_r(IntPtr inoutConfig, IntPtr definitions, int argc, byte** argv, int strict);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int cmd_ln_free_r(IntPtr config);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern double logmath_exp(IntPtr logmath, int logProbability);

        // --- pocketsphinx: decoder ---

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern IntPtr ps_args();

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern IntPtr ps_init(IntPtr config);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int ps_free(IntPtr decoder);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern IntPtr ps_get_logmath(IntPtr decoder);

        /// <summary>Restarts frame counting (segment times are stream-relative) and the voice-activity detector.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int ps_start_stream(IntPtr decoder);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int ps_start_utt(IntPtr decoder);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int ps_process_raw(IntPtr decoder, short* data, UIntPtr sampleCount, int noSearch, int fullUtterance);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int ps_end_utt(IntPtr decoder);

        /// <summary>Returns 1 while the front end's voice-activity detector hears speech.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern byte ps_get_in_speech(IntPtr decoder);

        /// <summary>The decoder owns the returned string; it is valid until the next decoder call.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern byte* ps_get_hyp(IntPtr decoder, int* bestScore);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern IntPtr ps_seg_iter(IntPtr decoder);

        /// <summary>Returns the next segment, or NULL after freeing the iterator.</summary>
        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern IntPtr ps_seg_next(IntPtr segment);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern byte* ps_seg_word(IntPtr segment);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern void ps_seg_frames(IntPtr segment, int* startFrame, int* endFrame);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern int ps_seg_prob(IntPtr segment, int* acousticScore, int* languageScore, int* backoff);

        [DllImport(Library, CallingConvention = CallingConvention.Cdecl, ExactSpelling = true)]
        public static extern void ps_seg_free(IntPtr segment);

        /// <summary>Reads a NUL-terminated UTF-8 string owned by the library.</summary>
        public static string ToManaged(byte* text) =>
            text == null ? string.Empty : Marshal.PtrToStringUTF8((IntPtr)text) ?? string.Empty;
    }
}
