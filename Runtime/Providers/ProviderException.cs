using System;

namespace VoiceNpc.Providers
{
    /// <summary>A provider could not do its job; the conversation falls back to the next provider of the stage.</summary>
    public sealed class ProviderException : Exception
    {
        public ProviderException(string provider, string message, Exception? inner = null)
            : base($"{provider}: {message}", inner)
        {
            Provider = provider;
        }

        public string Provider { get; }
    }
}
