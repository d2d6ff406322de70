using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;

namespace VoiceNpc.Tts
{
    /// <summary>
    /// A text-to-speech provider that can also take a whole reply on one connection while it is being written: clauses
    /// go in as the LLM streams them and audio comes back continuously, without a request per clause, and spoken with
    /// the prosody of the whole reply.
    /// </summary>
    public interface IStreamingInputSpeech : ITextToSpeech
    {
        /// <summary>Opens a stream for one reply in <paramref name="voice"/>; the token covers the handshake (cancelling the read closes the stream).</summary>
        Task<ISpeechInputStream> OpenStreamAsync(VoiceSettings voice, CancellationToken cancellationToken);
    }
}
