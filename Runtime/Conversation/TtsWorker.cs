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
    /// spoken again by the next provider of the chain. A provider that takes streamed input gets the rest of the
    /// reply over one stream (not cached); if that stream fails, the next provider says the clauses it had not spoken.
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
        private StreamedReply? _streamed;

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
            if (_streamed != null && _streamed.Turn != item.Turn) EndStream();   // a cancelled turn's leftovers
            if (item.Text == null)
            {
                if (_streamed != null) await FinishStreamAsync(item.Turn).ConfigureAwait(false);
                item.Turn.CompleteReply();
            }
            else if (item.Turn.IsCancelled) { }
            else if (_streamed != null || _chain.Current is IStreamingInputSpeech) await SayAsync(item.Turn, item.Text).ConfigureAwait(false);
            else await SpeakAsync(item.Turn, item.Text).ConfigureAwait(false);
        }

        /// <summary>A clause into the reply's stream (opened on the first clause a streaming provider cannot take from the cache), else on its own.</summary>
        private async Task SayAsync(TurnContext turn, string clause)
        {
            if (_streamed == null && _chain.Current is IStreamingInputSpeech streaming)
            {
                if (await TryPlayCachedAsync(turn, streaming.Name, clause).ConfigureAwait(false)) return;
                try
                {
                    var stream = await streaming.OpenStreamAsync(VoiceFor(streaming.Name), turn.Token).ConfigureAwait(false);
                    turn.TtsProvider = streaming.Name;
                    _streamed = new StreamedReply(turn, streaming, stream, chunk => PlayAsync(turn, chunk));
                }
                catch (OperationCanceledException) when (turn.IsCancelled) { return; }
                catch (Exception e)
                {
                    if (!Failover.Report(_chain, streaming, streaming.Name, e, _events, _clock.Now)) return;
                }
            }
            var reply = _streamed;
            if (reply == null)
            {
                await SpeakAsync(turn, clause).ConfigureAwait(false);
                return;
            }
            if (reply.Reading.IsFaulted)
            {
                await RecoverAsync(turn, reply, reply.Reading.Exception!.GetBaseException(), clause).ConfigureAwait(false);
                return;
            }
            try { await reply.SendAsync(clause).ConfigureAwait(false); }
            catch (OperationCanceledException) when (turn.IsCancelled) { }
            catch (Exception e) { await RecoverAsync(turn, reply, e, null).ConfigureAwait(false); }   // the clause is among the unspoken ones
        }

        private async Task FinishStreamAsync(TurnContext turn)
        {
            var reply = _streamed;
            if (reply == null) return;
            try
            {
                await reply.FinishAsync().ConfigureAwait(false);
                EndStream();
            }
            catch (OperationCanceledException) when (turn.IsCancelled) { EndStream(); }
            catch (Exception e) { await RecoverAsync(turn, reply, e, null).ConfigureAwait(false); }
        }

        /// <summary>The stream failed: the chain moves on and the next provider says what the stream had not, then <paramref name="pending"/>.</summary>
        private async Task RecoverAsync(TurnContext turn, StreamedReply reply, Exception failure, string? pending)
        {
            _streamed = null;
            var (cause, unspoken) = await reply.StopAsync(failure).ConfigureAwait(false);
            if (turn.IsCancelled || !Failover.Report(_chain, reply.Provider, reply.Provider.Name, cause, _events, _clock.Now)) return;
            foreach (var clause in unspoken) await SpeakAsync(turn, clause).ConfigureAwait(false);
            if (pending != null) await SayAsync(turn, pending).ConfigureAwait(false);
        }

        private void EndStream()
        {
            _streamed?.Dispose();
            _streamed = null;
        }

        private async Task<bool> TryPlayCachedAsync(TurnContext turn, string provider, string clause)
        {
            if (_cache == null || !_cache.TryGet(new AudioCacheKey(provider, VoiceFor(provider), clause), out var cached)) return false;
            turn.TtsProvider = CacheProviderName;
            await PlayAsync(turn, cached).ConfigureAwait(false);
            return true;
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
                try
                {
                    var chunks = await SynthesizeAsync(turn, tts, clause, key.Voice).ConfigureAwait(false);
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

        /// <summary>Plays a clause's audio as it comes, each chunk under the stage's deadline; returns the chunks for the cache.</summary>
        private async Task<List<SpeechChunk>> SynthesizeAsync(TurnContext turn, ITextToSpeech tts, string clause, VoiceSettings voice)
        {
            var chunks = new List<SpeechChunk>();
            using var deadline = new StageDeadline(_clock, _character.Deadlines.Tts, tts.Name, "deadlines.ttsSeconds", turn.Token);
            var audio = tts.SynthesizeAsync(clause, voice, deadline.Token).GetAsyncEnumerator(deadline.Token);
            try
            {
                while (await deadline.RunAsync(audio, static (a, _) => a.MoveNextAsync(), chunks.Count == 0 ? "the first audio" : "the next audio")
                           .ConfigureAwait(false))
                {
                    chunks.Add(audio.Current);
                    await PlayAsync(turn, audio.Current).ConfigureAwait(false);
                }
            }
            finally { await deadline.ReleaseAsync(audio).ConfigureAwait(false); }
            return chunks;
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
