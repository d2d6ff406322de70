using System;

namespace VoiceNpc.Native
{
    /// <summary>
    /// A native library the package ships is missing, damaged, built for another platform or lacks a function this
    /// runtime calls. Raised where the provider or device that needs it is created, so a character's chain falls back
    /// to its next provider and the reason is reported; the message names the file, the platform and what to do.
    /// </summary>
    public sealed class NativeLibraryUnavailableException : Exception
    {
        public NativeLibraryUnavailableException(string library, string platform, string message, Exception inner)
            : base(message, inner)
        {
            Library = library;
            Platform = platform;
        }

        /// <summary>The file the loader looked for, such as libvoicenpc_flite.so.</summary>
        public string Library { get; }

        /// <summary>The platform it was looked for on, such as linux-x64.</summary>
        public string Platform { get; }
    }
}
