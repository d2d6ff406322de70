using System;
using System.IO;

namespace VoiceNpc.Vad
{
    /// <summary>
    /// Where the Silero model is looked for: the VOICENPC_MODELS_DIR folder, then a "models" folder next to the
    /// application. Set-up (./build.sh) fetches it from the npm package @livekit/agents-plugin-silero and checks its SHA-256.
    /// </summary>
    public static class VadModels
    {
        public const string SileroFileName = "silero_vad.onnx";
        public const string SileroSha256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";

        public static string? FindSilero()
        {
            string? fromEnvironment = Environment.GetEnvironmentVariable("VOICENPC_MODELS_DIR");
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                string candidate = Path.Combine(fromEnvironment, SileroFileName);
                return File.Exists(candidate) ? candidate : null;
            }
            string beside = Path.Combine(AppContext.BaseDirectory, "models", SileroFileName);
            return File.Exists(beside) ? beside : null;
        }
    }
}
