using System;
using System.Collections.Generic;
using System.Threading.Channels;
using System.Threading.Tasks;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Timing;
using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Speaks each clause in the character's voice as soon as it arrives and hands the audio to the pump. A clause in
    /// the audio cache plays from there (provider "cache"); a synthesized one is added to it. A failed clause is
    /// spoken again by the next provider of the chain.
    /// </summary>
    internal sealed class TtsWorker
    {
        private readonly TrackedChannel<ClauseItem> _input;
        private readonly ChannelWriter<PlaybackItem> _output;
        private readonly StageChain<ITextToSpeech> _chain;
        private readonly AudioCache? _cache;
        private readonly CharacterDefinition _character;
        private readonly IClock _clock;
        private readonly EventQueue _events;

        public TtsWorker(TrackedChannel<ClauseItem> input, ChannelWriter<PlaybackItem> output, StageChain<ITextToSpeech> chain,
            AudioCache? cache, CharacterDefinition character, IClock clock, EventQueue events)
        {
            _input = input;
            _output = output;
            _chain = chain;
            _cache = cache;
            _character = character;
            _clock = clock;
            _events = events;
        }

        public async Task RunAsync()
        {
            await _input.ConsumeAsync(HandleAsync, e => _events.Post(new ConversationError(_clock.Now, "tts", e.Message, e))).ConfigureAwait(false);
            _output.TryComplete();
        }

        private async Task HandleAsync(ClauseItem item)
        {
            if (item.Text == null) item.Turn.CompleteReply();
            else if (!item.Turn.IsCancelled) await SpeakAsync(item.Turn, item.Text).ConfigureAwait(false);
        }

        private async Task SpeakAsync(TurnContext turn, string clause)
        {
            while (!turn.IsCancelled)
            {
                var tts = _chain.Current;
                var key = new AudioCacheKey(tts.Name, VoiceFor(tts.Name), clause);
                if (_cache != null && _cache.TryGet(key, out var cached))
                {
                    turn.TtsProvider = CacheProviderName;
                    await PlayAsync(turn, cached).ConfigureAwait(false);
                    return;
                }
                turn.TtsProvider = tts.Name;
                var chunks = new List<SpeechChunk>();
                try
                {
                    await foreach (var chunk in tts.SynthesizeAsync(clause, key.Voice, turn.Token).ConfigureAwait(false))
                    {
                        chunks.Add(chunk);
                        await PlayAsync(turn, chunk).ConfigureAwait(false);
                    }
                    if (_cache != null && chunks.Count > 0) _cache.Put(key, SpeechChunks.Join(chunks));
                    return;
                }
                catch (OperationCanceledException) when (turn.IsCancelled) { return; }
                catch (Exception e)
                {
                    if (!Failover.Report(_chain, tts, tts.Name, e, _events, _clock.Now)) return;
                }
            }
        }

        /// <summary>The provider name a turn reports when its speech came from the audio cache.</summary>
        public const string CacheProviderName = "cache";

        private async Task PlayAsync(TurnContext turn, SpeechChunk chunk)
        {
            turn.MarkFirstAudio(_clock.Now);
            // Not tracked as work: the pump that drains it is the clock's heartbeat, not a stage.
            await _output.WriteAsync(new PlaybackItem(turn, chunk)).ConfigureAwait(false);
        }

        private VoiceSettings VoiceFor(string provider) =>
            _character.Voices.TryGetValue(provider, out var voice) ? voice : new VoiceSettings("");
    }
}
