using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// A parsed decoder configuration (cmd_ln_t) and the argv strings behind it: SphinxBase keeps the
    /// argument names as hash keys without copying them, so they are freed only after the configuration.
    /// </summary>
    internal sealed unsafe class ConfigHandle : SafeHandle
    {
        private readonly IntPtr _argv;
        private readonly int _argc;

        private ConfigHandle(IntPtr argv, int argc) : base(IntPtr.Zero, ownsHandle: true)
        {
            _argv = argv;
            _argc = argc;
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        /// <summary>Parses "-name value" pairs against ps_args().</summary>
        public static ConfigHandle Parse(IReadOnlyList<KeyValuePair<string, string>> options)
        {
            int argc = options.Count * 2;
            var argv = Marshal.AllocHGlobal(IntPtr.Size * argc);
            var config = new ConfigHandle(argv, argc);
            var strings = (byte**)argv;
            for (int i = 0; i < options.Count; i++)
            {
                strings[2 * i] = AllocUtf8(options[i].Key);
                strings[2 * i + 1] = AllocUtf8(options[i].Value);
            }

            var parsed = PocketSphinxNative.cmd_ln_parse_r(IntPtr.Zero, PocketSphinxNative.ps_args(), argc, strings, 1);
            if (parsed == IntPtr.Zero)
            {
                config.FreeArguments();
                GC.SuppressFinalize(config);
                throw new ProviderException(PocketSphinxSpeechToText.ProviderName, "the decoder rejected its configuration");
            }

            config.SetHandle(parsed);
            return config;
        }

        protected override bool ReleaseHandle()
        {
            PocketSphinxNative.cmd_ln_free_r(handle);
            FreeArguments();
            return true;
        }

        private void FreeArguments()
        {
            var strings = (byte**)_argv;
            for (int i = 0; i < _argc; i++)
            {
                Marshal.FreeHGlobal((IntPtr)strings[i]);
            }

            Marshal.FreeHGlobal(_argv);
        }

        private static byte* AllocUtf8(string text)
        {
            int length = Encoding.UTF8.GetByteCount(text);
            var buffer = (byte*)Marshal.AllocHGlobal(length + 1);
            fixed (char* chars = text)
            {
                Encoding.UTF8.GetBytes(chars, text.Length, buffer, length);
            }

            buffer[length] = 0;
            return buffer;
        }
    }
}
