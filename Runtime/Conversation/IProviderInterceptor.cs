using VoiceNpc.Brain;
using VoiceNpc.Stt;
using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    /// <summary>Wraps each provider a catalog creates (the editor's outage rehearsal puts faults in this way). Return the provider to leave it alone.</summary>
    public interface IProviderInterceptor
    {
        ISpeechToText Stt(string name, ISpeechToText provider);
        ICharacterBrain Llm(string name, ICharacterBrain provider);
        ITextToSpeech Tts(string name, ITextToSpeech provider);
    }
}
