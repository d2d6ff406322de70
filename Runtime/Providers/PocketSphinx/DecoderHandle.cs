using System;
using System.Runtime.InteropServices;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// A ps_decoder_t. It keeps its configuration alive (SafeHandle reference count) because the
    /// decoder reads the configuration until ps_free, even during finalization.
    /// </summary>
    internal sealed class DecoderHandle : SafeHandle
    {
        private readonly ConfigHandle _config;

        private DecoderHandle(ConfigHandle config) : base(IntPtr.Zero, ownsHandle: true)
        {
            _config = config;
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        /// <summary>Loads the models named in <paramref name="config"/>; null when ps_init fails.</summary>
        public static DecoderHandle? Create(ConfigHandle config)
        {
            var decoder = new DecoderHandle(config);
            bool added = false;
            config.DangerousAddRef(ref added);
            var native = PocketSphinxNative.ps_init(config.DangerousGetHandle());
            if (native == IntPtr.Zero)
            {
                config.DangerousRelease();
                GC.SuppressFinalize(decoder);
                return null;
            }

            decoder.SetHandle(native);
            return decoder;
        }

        protected override bool ReleaseHandle()
        {
            PocketSphinxNative.ps_free(handle);
            _config.DangerousRelease();
            return true;
        }
    }
}
