using System;
using System.Collections.Generic;
using VoiceNpc.Brain;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Stt;
using VoiceNpc.Tts;
using VoiceNpc.Vad;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Knows how to make each provider by name. <see cref="Resolve"/> builds a character's chains, skipping (and
    /// reporting) providers that cannot start, such as Silero without its model file.
    /// </summary>
    public sealed class ProviderCatalog
    {
        private readonly Dictionary<string, Func<CharacterDefinition, IVoiceActivityDetector>> _vad = new Dictionary<string, Func<CharacterDefinition, IVoiceActivityDetector>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Func<CharacterDefinition, ISpeechToText>> _stt = new Dictionary<string, Func<CharacterDefinition, ISpeechToText>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Func<CharacterDefinition, ICharacterBrain>> _llm = new Dictionary<string, Func<CharacterDefinition, ICharacterBrain>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Func<CharacterDefinition, ITextToSpeech>> _tts = new Dictionary<string, Func<CharacterDefinition, ITextToSpeech>>(StringComparer.OrdinalIgnoreCase);

        public ProviderCatalog AddVad(string name, Func<IVoiceActivityDetector> create) { _vad[name] = _ => create(); return this; }
        public ProviderCatalog AddStt(string name, Func<ISpeechToText> create) { _stt[name] = _ => create(); return this; }
        public ProviderCatalog AddLlm(string name, Func<ICharacterBrain> create) { _llm[name] = _ => create(); return this; }
        public ProviderCatalog AddTts(string name, Func<ITextToSpeech> create) { _tts[name] = _ => create(); return this; }

        /// <summary>Providers made per character (its own cloud settings, for instance).</summary>
        public ProviderCatalog AddStt(string name, Func<CharacterDefinition, ISpeechToText> create) { _stt[name] = create; return this; }
        public ProviderCatalog AddLlm(string name, Func<CharacterDefinition, ICharacterBrain> create) { _llm[name] = create; return this; }
        public ProviderCatalog AddTts(string name, Func<CharacterDefinition, ITextToSpeech> create) { _tts[name] = create; return this; }

        /// <summary>Every conversation resolved from here speaks through this audio cache.</summary>
        public ProviderCatalog WithCache(AudioCache cache) { _cache = cache; return this; }

        private AudioCache? _cache;

        /// <summary>A copy of this catalog whose providers come out of <paramref name="interceptor"/>.</summary>
        public ProviderCatalog Intercepted(IProviderInterceptor interceptor)
        {
            var copy = new ProviderCatalog { _cache = _cache };
            foreach (var entry in _vad) copy._vad[entry.Key] = entry.Value;
            foreach (var entry in _stt) copy._stt[entry.Key] = c => interceptor.Stt(entry.Key, entry.Value(c));
            foreach (var entry in _llm) copy._llm[entry.Key] = c => interceptor.Llm(entry.Key, entry.Value(c));
            foreach (var entry in _tts) copy._tts[entry.Key] = c => interceptor.Tts(entry.Key, entry.Value(c));
            return copy;
        }

        /// <summary>The text-to-speech providers registered, by name.</summary>
        public IReadOnlyCollection<string> TtsNames => _tts.Keys;

        /// <summary>One voice on its own (previews, baking); the caller disposes it. Throws when the name is unknown or the provider cannot start.</summary>
        public ITextToSpeech CreateTts(string name, CharacterDefinition character) =>
            _tts.TryGetValue(name, out var create) ? create(character)
                : throw new InvalidOperationException($"no text-to-speech provider named \"{name}\" is registered (registered: {string.Join(", ", _tts.Keys)})");

        public ConversationProviders Resolve(CharacterDefinition character, Func<TimeSpan> now)
        {
            var skipped = new List<ProviderFellBack>();
            return new ConversationProviders(
                Build("vad", character, character.Fallbacks.Vad, _vad, skipped, now),
                Build("stt", character, character.Fallbacks.Stt, _stt, skipped, now),
                Build("llm", character, character.Fallbacks.Llm, _llm, skipped, now),
                Build("tts", character, character.Fallbacks.Tts, _tts, skipped, now),
                skipped) { Cache = _cache };
        }

        private static StageChain<T> Build<T>(string stage, CharacterDefinition character, IReadOnlyList<string> names, Dictionary<string, Func<CharacterDefinition, T>> factories,
            List<ProviderFellBack> skipped, Func<TimeSpan> now) where T : class, IDisposable
        {
            var providers = new List<(string, T)>();
            var failures = new List<(string Name, string Reason)>();
            foreach (var name in names)
            {
                try
                {
                    if (!factories.TryGetValue(name, out var create)) throw new InvalidOperationException($"no provider named \"{name}\" is registered");
                    var provider = create(character);
                    foreach (var (failedName, reason) in failures) skipped.Add(new ProviderFellBack(now(), stage, failedName, name, reason));
                    failures.Clear();
                    providers.Add((name, provider));
                }
                catch (Exception e)
                {
                    failures.Add((name, e.Message));
                }
            }
            if (providers.Count == 0)
            {
                string reasons = string.Join("; ", failures.ConvertAll(f => $"{f.Name}: {f.Reason}"));
                throw new InvalidOperationException($"no {stage} provider of the character's chain could start ({reasons})");
            }
            return new StageChain<T>(stage, providers);
        }
    }
}
