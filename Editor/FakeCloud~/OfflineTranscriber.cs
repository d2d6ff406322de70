using System;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Providers.PocketSphinx;
using VoiceNpc.Stt;

namespace VoiceNpc.FakeCloud
{
    /// <summary>Real text for the fakes' recognisers: PocketSphinx's generic English model (the development tree's), one utterance at a time.</summary>
    public class OfflineTranscriber
    {
        private readonly SemaphoreSlim _one = new SemaphoreSlim(1, 1);
        private PocketSphinxSpeechToText? _sphinx;

        public virtual async Task<string> TranscribeAsync(short[] pcm, CancellationToken cancellationToken)
        {
            await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_sphinx == null)
                {
                    var sphinx = new PocketSphinxSpeechToText(new PocketSphinxOptions { UseCharacterModel = false, LanguageModelPath = DevelopmentModels.GenericLanguageModel });
                    await sphinx.PrepareAsync(new RecognitionContext(Array.Empty<string>(), Array.Empty<string>()), cancellationToken).ConfigureAwait(false);
                    _sphinx = sphinx;
                }
                using var stream = await _sphinx.StartAsync(NoEvents.Instance, cancellationToken).ConfigureAwait(false);
                await stream.WriteAsync(pcm, cancellationToken).ConfigureAwait(false);
                return (await stream.FinalizeAsync(cancellationToken).ConfigureAwait(false)).Text;
            }
            finally { _one.Release(); }
        }

        private sealed class NoEvents : ISpeechRecognitionEvents
        {
            public static readonly NoEvents Instance = new NoEvents();
            public void OnInterim(Transcript transcript) { }
            public void OnEndOfSpeech() { }
        }
    }
}
