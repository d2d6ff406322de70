using System;
using System.Collections.Generic;
using System.Threading;
using VoiceNpc.Characters;

namespace VoiceNpc.Tts
{
    /// <summary>A text-to-speech provider. Text arrives clause by clause; audio streams back in pipeline format.</summary>
    public interface ITextToSpeech : IDisposable
    {
        string Name { get; }

        /// <summary>Speaks <paramref name="text"/> in <paramref name="voice"/>, streaming chunks as they are ready.</summary>
        IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken);
    }
}
