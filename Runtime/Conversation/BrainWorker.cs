using System;
using System.Threading.Tasks;
using VoiceNpc.Brain;
using VoiceNpc.Timing;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Streams each reply from the brain chain and cuts it into clauses for TTS as it streams. A provider that fails
    /// before saying anything is replaced by the next in the chain within the same turn.
    /// </summary>
    internal sealed class BrainWorker
    {
        private readonly TrackedChannel<ReplyRequest> _input;
        private readonly TrackedChannel<ClauseItem> _output;
        private readonly StageChain<ICharacterBrain> _chain;
        private readonly IClock _clock;
        private readonly EventQueue _events;

        public BrainWorker(TrackedChannel<ReplyRequest> input, TrackedChannel<ClauseItem> output, StageChain<ICharacterBrain> chain, IClock clock, EventQueue events)
        {
            _input = input;
            _output = output;
            _chain = chain;
            _clock = clock;
            _events = events;
        }

        public async Task RunAsync()
        {
            await _input.ConsumeAsync(ReplyAsync, e => _events.Post(new ConversationError(_clock.Now, "llm", e.Message, e))).ConfigureAwait(false);
            _output.Complete();
        }

        private async Task ReplyAsync(ReplyRequest request)
        {
            var turn = request.Turn;
            var chunker = new ClauseChunker();
            try
            {
                while (!turn.IsCancelled)
                {
                    var brain = _chain.Current;
                    turn.LlmProvider = brain.Name;
                    bool saidAnything = false;
                    try
                    {
                        await foreach (var piece in brain.StreamReplyAsync(request.Request, turn.Token).ConfigureAwait(false))
                        {
                            turn.MarkFirstToken(_clock.Now);
                            saidAnything = true;
                            turn.AppendNpcText(piece);
                            foreach (var clause in chunker.Append(piece)) await SendAsync(turn, clause).ConfigureAwait(false);
                        }
                        break;
                    }
                    catch (OperationCanceledException) when (turn.IsCancelled) { return; }
                    catch (Exception e)
                    {
                        // Once words are out, a second brain would contradict them: keep what was said.
                        if (saidAnything || !Failover.Report(_chain, brain, brain.Name, e, _events, _clock.Now)) break;
                    }
                }
                string? rest = chunker.Flush();
                if (rest != null && !turn.IsCancelled) await SendAsync(turn, rest).ConfigureAwait(false);
            }
            finally
            {
                await _output.WriteAsync(new ClauseItem(turn, null)).ConfigureAwait(false);
            }
        }

        private async Task SendAsync(TurnContext turn, string clause)
        {
            turn.MarkFirstClause(_clock.Now);
            await _output.WriteAsync(new ClauseItem(turn, clause)).ConfigureAwait(false);
        }
    }
}
