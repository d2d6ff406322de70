using VoiceNpc.Tts;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Flite;

namespace VoiceNpc.FakeCloud
{
    /// <summary>Real audio for the fakes' voices: Flite's deterministic kal16 voice, in the pipeline format.</summary>
    public class OfflineSpeaker
    {
        private readonly FliteTextToSpeech _flite = new FliteTextToSpeech();

        public virtual async Task<short[]> SpeakAsync(string text, CancellationToken cancellationToken)
        {
            var speech = await SpeechChunks.SynthesizeWholeAsync(_flite, text, new VoiceSettings("kal16"), cancellationToken).ConfigureAwait(false);
            return speech?.Samples ?? new short[0];
        }
    }
}
