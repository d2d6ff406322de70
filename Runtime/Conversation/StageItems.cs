using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    internal enum SttInputKind { Begin, Audio, Finalize, Cancel }

    /// <summary>What the audio pump sends the STT worker. A struct, so the per-frame hand-off allocates nothing.</summary>
    internal readonly struct SttInput
    {
        public SttInput(SttInputKind kind, TurnContext turn, short[]? frame = null, int length = 0)
        {
            Kind = kind;
            Turn = turn;
            Frame = frame;
            Length = length;
        }

        public SttInputKind Kind { get; }
        public TurnContext Turn { get; }
        public short[]? Frame { get; }
        public int Length { get; }
    }

    /// <summary>A clause for the TTS worker; a null <see cref="Text"/> marks the end of the reply.</summary>
    internal sealed record ClauseItem(TurnContext Turn, string? Text);

    /// <summary>Synthesized audio for the pump to play (the end of a reply is <see cref="TurnContext.ReplyComplete"/>).</summary>
    internal sealed record PlaybackItem(TurnContext Turn, SpeechChunk Chunk);
}
