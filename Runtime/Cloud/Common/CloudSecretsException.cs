using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>The user's secrets file cannot be used: the file, the JSON path and what was expected there (never a value from it).</summary>
    public sealed class CloudSecretsException : Exception
    {
        public CloudSecretsException(string file, string jsonPath, string expected)
            : base($"{file}: {jsonPath}: expected {expected}")
        {
            File = file;
            JsonPath = jsonPath;
        }

        public string File { get; }
        public string JsonPath { get; }
    }
}
