using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>A cloud service answered with an error status (our own HTTP/WebSocket clients): the status, and whether retrying can help.</summary>
    public sealed class CloudStatusException : Exception
    {
        public CloudStatusException(int status, string message, bool transient) : base(message)
        {
            Status = status;
            Transient = transient;
        }

        public int Status { get; }
        public bool Transient { get; }
    }
}
