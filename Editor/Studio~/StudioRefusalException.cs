using System;

namespace VoiceNpc.Studio
{
    /// <summary>A request the studio will not carry out (answered 403 with the message), e.g. a file reached through a link out of its folder.</summary>
    internal sealed class StudioRefusalException : Exception
    {
        public StudioRefusalException(string message) : base(message) { }
    }
}
