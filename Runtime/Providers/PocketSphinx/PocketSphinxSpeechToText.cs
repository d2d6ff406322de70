using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Hosting;
using VoiceNpc.Native;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// Offline speech-to-text with CMU PocketSphinx (BSD). By default each character gets its own
    /// small language model built from its phrases, which hears in-domain speech far better than
    /// the generic en-US model. One decoder serves one utterance at a time.
    /// </summary>
    public sealed class PocketSphinxSpeechToText : ISpeechToText
    {
        public const string ProviderName = "pocketsphinx";

        private readonly PocketSphinxOptions _options;
        private readonly object _gate = new object();
        private PocketSphinxDecoder? _decoder;
        private PocketSphinxRecognitionStream? _openStream;
        private bool _disposed;

        public PocketSphinxSpeechToText() : this(new PocketSphinxOptions())
        {
        }

        public PocketSphinxSpeechToText(PocketSphinxOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            // Binds the library now, so a missing or broken one is a NativeLibraryUnavailableException where the
            // provider is created (the chain's next recogniser takes over) rather than a failure in the first turn.
            NativeLoad.Guard(PocketSphinxNative.Library, PocketSphinxNative.Purpose, PocketSphinxNative.ps_args);
        }

        public string Name => ProviderName;

        /// <summary>Words of the last prepared context the dictionary lacks; the caller may warn the designer.</summary>
        public IReadOnlyList<string> MissingWords { get; private set; } = Array.Empty<string>();

        /// <summary>True when the last PrepareAsync loaded the character's own language model.</summary>
        public bool UsesCharacterModel { get; private set; }

        public Task PrepareAsync(RecognitionContext context, CancellationToken cancellationToken)
        {
            if (context == null)
            {
                throw new ArgumentNullException(nameof(context));
            }

            // Loading the acoustic model takes a moment: keep it off the caller's thread.
            return Task.Run(() => Prepare(context, cancellationToken), cancellationToken);
        }

        public Task<ISpeechRecognitionStream> StartAsync(ISpeechRecognitionEvents events, CancellationToken cancellationToken)
        {
            if (events == null)
            {
                throw new ArgumentNullException(nameof(events));
            }

            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ThrowIfDisposed();
                var decoder = _decoder ?? throw new InvalidOperationException("PrepareAsync must complete before StartAsync.");
                if (_openStream != null)
                {
                    throw new InvalidOperationException("The PocketSphinx decoder is already recognising an utterance.");
                }

                decoder.StartUtterance();
                var interimSamples = AudioFormat.SamplesIn(_options.InterimInterval);
                _openStream = new PocketSphinxRecognitionStream(decoder, events, interimSamples, StreamClosed);
                return Task.FromResult<ISpeechRecognitionStream>(_openStream);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _decoder?.Dispose();
                _decoder = null;
            }
        }

        private void Prepare(RecognitionContext context, CancellationToken cancellationToken)
        {
            var model = SphinxModel.Locate(_options.ModelFolder);
            var character = _options.UseCharacterModel
                ? CharacterLanguageModel.Build(context, model.Dictionary, ModelFiles.SphinxDictionary.Sha256, _options.Cache)
                : null;
            bool useCharacter = character != null && !character.IsEmpty;
            string languageModel = useCharacter ? character!.LanguageModelPath : GenericLanguageModel();
            string dictionary = useCharacter ? character!.DictionaryPath : model.Dictionary;

            cancellationToken.ThrowIfCancellationRequested();
            var decoder = LoadDecoder(model, languageModel, dictionary);
            lock (_gate)
            {
                if (_disposed || _openStream != null)
                {
                    decoder.Dispose();
                    ThrowIfDisposed();
                    throw new InvalidOperationException("Cannot prepare while an utterance is being recognised.");
                }

                _decoder?.Dispose();
                _decoder = decoder;
                MissingWords = character?.MissingWords ?? Array.Empty<string>();
                UsesCharacterModel = useCharacter;
            }
        }

        /// <summary>Open speech needs a generic model the host supplies: the package ships only the acoustic model.</summary>
        private string GenericLanguageModel()
        {
            string? path = _options.LanguageModelPath;
            if (path == null)
            {
                throw new ProviderException(ProviderName, "no generic language model is set (PocketSphinxOptions.LanguageModelPath) and "
                    + (_options.UseCharacterModel ? "the character has no phrases to build one from" : "the character model is turned off"));
            }

            if (!File.Exists(path))
            {
                throw new ProviderException(ProviderName, $"the generic language model {path} was not found (PocketSphinxOptions.LanguageModelPath)");
            }

            return path;
        }

        private static PocketSphinxDecoder LoadDecoder(SphinxModel model, string languageModel, string dictionary)
        {
            try
            {
                return PocketSphinxDecoder.Load(model, languageModel, dictionary);
            }
            catch (Exception e) when (NativeLoad.IsLoadFailure(e))
            {
                string reason = NativeLoad.Unavailable(PocketSphinxNative.Library, PocketSphinxNative.Purpose, e).Message;
                throw new ProviderException(ProviderName, reason, e);
            }
        }

        private void StreamClosed(PocketSphinxRecognitionStream stream)
        {
            lock (_gate)
            {
                if (_openStream == stream)
                {
                    _openStream = null;
                }
            }
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(PocketSphinxSpeechToText));
            }
        }
    }
}
