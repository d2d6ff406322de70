using System.Collections.Generic;
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
            var samples = new List<short>();
            await foreach (var chunk in _flite.SynthesizeAsync(text, new VoiceSettings("kal16"), cancellationToken).ConfigureAwait(false)) samples.AddRange(chunk.Samples);
            return samples.ToArray();
        }
    }
}
