using System;

namespace VoiceNpc.FakeCloud
{
    /// <summary>
    /// How a fake misbehaves, the same knobs for every vendor: slow first byte, paced chunks, error statuses with the
    /// vendor's error body (for the first N requests, or all), malformed frames, a dropped connection after N chunks,
    /// a total outage. Changeable while the fake runs (tests turn faults on and off between turns).
    /// </summary>
    public sealed class FaultKnobs
    {
        /// <summary>Delay before the first byte of a response.</summary>
        public TimeSpan FirstByteLatency { get; set; }

        /// <summary>Delay between streamed chunks (a slow stream when large).</summary>
        public TimeSpan ChunkInterval { get; set; }

        /// <summary>Answer with this HTTP status (or refuse the WebSocket handshake with it) and the vendor's error body.</summary>
        public int? ErrorStatus { get; set; }

        /// <summary>The vendor's error code for <see cref="ErrorStatus"/> (e.g. OpenAI "rate_limit_exceeded", "insufficient_quota").</summary>
        public string ErrorCode { get; set; } = "";

        /// <summary>Only the first N requests get the error; null: all of them.</summary>
        public int? ErrorCount { get; set; }

        /// <summary>Send a frame that is not valid JSON after this many chunks (an answer sent whole is cut short).</summary>
        public int? MalformedAfterChunks { get; set; }

        /// <summary>End the stream after this many chunks, mid-reply (no finish, no end marker); an OpenAI chat answered whole drops before it.</summary>
        public int? DisconnectAfterChunks { get; set; }

        /// <summary>Only the first N streams are cut by <see cref="DisconnectAfterChunks"/>; null: all of them.</summary>
        public int? DisconnectCount { get; set; }

        /// <summary>Close every connection at once without answering: the service is down.</summary>
        public bool Outage { get; set; }

        /// <summary>Whether the current request should get the configured error (counts it).</summary>
        internal bool TakeError(ref int errorsSent)
        {
            if (ErrorStatus == null) return false;
            if (ErrorCount is int limit && errorsSent >= limit) return false;
            errorsSent++;
            return true;
        }
    }
}
