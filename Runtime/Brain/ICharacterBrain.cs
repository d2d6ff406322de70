using System;
using System.Collections.Generic;
using System.Threading;

namespace VoiceNpc.Brain
{
    /// <summary>Thinks for a character: streams the reply as text pieces (tokens, words or whole lines).</summary>
    public interface ICharacterBrain : IDisposable
    {
        string Name { get; }

        /// <summary>Streams the NPC's reply. Cancelling the token (barge-in) stops the stream promptly.</summary>
        IAsyncEnumerable<string> StreamReplyAsync(BrainRequest request, CancellationToken cancellationToken);
    }
}
