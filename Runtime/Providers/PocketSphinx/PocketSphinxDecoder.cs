using System;
using System.Collections.Generic;
using VoiceNpc.Stt;

namespace VoiceNpc.Providers.PocketSphinx
{
    /// <summary>
    /// One loaded decoder. Every native call holds a lock, so disposing while another thread is
    /// decoding waits for that call instead of freeing memory under it.
    /// </summary>
    internal sealed unsafe class PocketSphinxDecoder : IDisposable
    {
        // -frate 100: one feature frame per 10 ms.
        private static readonly TimeSpan FrameDuration = TimeSpan.FromMilliseconds(10);

        private readonly object _gate = new object();
        private readonly ConfigHandle _config;
        private readonly DecoderHandle _decoder;

        private PocketSphinxDecoder(ConfigHandle config, DecoderHandle decoder)
        {
            _config = config;
            _decoder = decoder;
        }

        /// <summary>Loads the acoustic model, a language model and its dictionary.</summary>
        public static PocketSphinxDecoder Load(SphinxModel model, string languageModel, string dictionary)
        {
            var options = new List<KeyValuePair<string, string>>(model.AcousticOptions)
            {
                Option("-lm", languageModel),
                Option("-dict", dictionary),
                Option("-frate", "100"),
                Option("-logfn", "/dev/null"),
            };
            var config = ConfigHandle.Parse(options);
            var decoder = DecoderHandle.Create(config);
            if (decoder == null)
            {
                config.Dispose();
                throw new ProviderException(PocketSphinxSpeechToText.ProviderName,
                    $"ps_init failed for the acoustic model {model.AcousticOptions[0].Value}, language model {languageModel} and dictionary {dictionary}");
            }

            return new PocketSphinxDecoder(config, decoder);
        }

        /// <summary>Each utterance is its own stream, so word times count from its first sample.</summary>
        public void StartUtterance()
        {
            lock (_gate)
            {
                Check(PocketSphinxNative.ps_start_stream(Native()), "ps_start_stream");
                Check(PocketSphinxNative.ps_start_utt(Native()), "ps_start_utt");
            }
        }

        /// <summary>Decodes more audio; returns whether the front end hears speech now.</summary>
        public bool Process(ReadOnlySpan<short> pcm)
        {
            lock (_gate)
            {
                fixed (short* samples = pcm)
                {
                    Check(PocketSphinxNative.ps_process_raw(Native(), samples, (UIntPtr)pcm.Length, 0, 0), "ps_process_raw");
                }

                return PocketSphinxNative.ps_get_in_speech(Native()) != 0;
            }
        }

        /// <summary>The best hypothesis so far, fillers excluded.</summary>
        public string Hypothesis()
        {
            lock (_gate)
            {
                int score;
                return PocketSphinxNative.ToManaged(PocketSphinxNative.ps_get_hyp(Native(), &score));
            }
        }

        /// <summary>Ends the utterance and reads its words, their times and posterior probabilities.</summary>
        public Transcript EndUtterance()
        {
            lock (_gate)
            {
                var decoder = Native();
                Check(PocketSphinxNative.ps_end_utt(decoder), "ps_end_utt");
                var logmath = PocketSphinxNative.ps_get_logmath(decoder);
                var words = new List<RecognizedWord>();
                for (var segment = PocketSphinxNative.ps_seg_iter(decoder); segment != IntPtr.Zero; segment = PocketSphinxNative.ps_seg_next(segment))
                {
                    var word = SpokenWord(PocketSphinxNative.ToManaged(PocketSphinxNative.ps_seg_word(segment)));
                    if (word == null)
                    {
                        continue;
                    }

                    int start, end, acoustic, language, backoff;
                    PocketSphinxNative.ps_seg_frames(segment, &start, &end);
                    int posterior = PocketSphinxNative.ps_seg_prob(segment, &acoustic, &language, &backoff);
                    // Log-math rounding can put a certain word a hair above 1.
                    var confidence = (float)Math.Min(1.0, PocketSphinxNative.logmath_exp(logmath, posterior));
                    words.Add(new RecognizedWord(word, Frames(start), Frames(end + 1), confidence));
                }

                return words.Count == 0
                    ? Transcript.Empty
                    : new Transcript(string.Join(" ", words.ConvertAll(w => w.Text)), words, IsFinal: true);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _decoder.Dispose();
                _config.Dispose();
            }
        }

        /// <summary>Null for markers and fillers (&lt;s&gt;, &lt;sil&gt;, [NOISE]); "word(2)" becomes "word".</summary>
        internal static string? SpokenWord(string word)
        {
            if (word.Length == 0 || word[0] == '<' || word[0] == '[' || word[0] == '+')
            {
                return null;
            }

            return PronunciationDictionary.BaseForm(word);
        }

        private static TimeSpan Frames(int frames) => TimeSpan.FromTicks(FrameDuration.Ticks * frames);

        private static KeyValuePair<string, string> Option(string name, string value) => new KeyValuePair<string, string>(name, value);

        private IntPtr Native()
        {
            if (_decoder.IsClosed)
            {
                throw new ObjectDisposedException(nameof(PocketSphinxDecoder));
            }

            return _decoder.DangerousGetHandle();
        }

        private static void Check(int result, string function)
        {
            if (result < 0)
            {
                throw new ProviderException(PocketSphinxSpeechToText.ProviderName, $"{function} failed ({result})");
            }
        }
    }
}
