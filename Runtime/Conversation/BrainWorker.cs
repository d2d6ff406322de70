using System;
using System.Threading.Tasks;
using VoiceNpc.Brain;
using VoiceNpc.Timing;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Streams each reply from the brain chain and cuts it into clauses for TTS as it streams. A brain that fails, or
    /// keeps the turn waiting past the character's deadline, is replaced by the next in the chain within the same turn:
    /// before its first words the next brain answers afresh; after them it continues the reply from the words already
    /// spoken, so the NPC is never cut off silently and says nothing twice. A line the game gave the NPC
    /// (<see cref="VoiceConversation.Say"/>) skips the brain: its clauses go to the voice as they are.
    /// </summary>
    internal sealed class BrainWorker
    {
        private const string Setting = "deadlines.llmSeconds";
        private readonly TrackedChannel<ReplyRequest> _input;
        private readonly TrackedChannel<ClauseItem> _output;
        private readonly StageChain<ICharacterBrain> _chain;
        private readonly IClock _clock;
        private readonly EventQueue _events;
        private readonly TimeSpan _deadline;

        public BrainWorker(TrackedChannel<ReplyRequest> input, TrackedChannel<ClauseItem> output, StageChain<ICharacterBrain> chain,
            IClock clock, EventQueue events, TimeSpan deadline)
        {
            _input = input;
            _output = output;
            _chain = chain;
            _clock = clock;
            _events = events;
            _deadline = deadline;
        }

        public async Task RunAsync()
        {
            await _input.ConsumeAsync(ReplyAsync, e => _events.Post(new ConversationError(_clock.Now, "llm", e.Message, e))).ConfigureAwait(false);
            _output.Complete();
        }

        private async Task ReplyAsync(ReplyRequest item)
        {
            var turn = item.Turn;
            var chunker = new ClauseChunker();
            try
            {
                if (item.Line != null) await SayLineAsync(turn, item.Line, chunker).ConfigureAwait(false);
                else await AnswerAsync(turn, item.Request!, chunker).ConfigureAwait(false);
                string? rest = chunker.Flush();
                if (rest != null && !turn.IsCancelled) await SendAsync(turn, rest).ConfigureAwait(false);
            }
            finally
            {
                await _output.WriteAsync(new ClauseItem(turn, null)).ConfigureAwait(false);
            }
        }

        /// <summary>A line the game gave the NPC: its clauses go to the voice as a reply's would, with no brain asked.</summary>
        private async Task SayLineAsync(TurnContext turn, string line, ClauseChunker chunker)
        {
            foreach (var clause in chunker.Append(line))
            {
                if (turn.IsCancelled) return;
                await SendAsync(turn, clause).ConfigureAwait(false);
            }
        }

        private async Task AnswerAsync(TurnContext turn, BrainRequest request, ClauseChunker chunker)
        {
            while (!turn.IsCancelled)
            {
                var brain = _chain.Current;
                turn.LlmProvider = brain.Name;
                var reply = new ReplyProgress();
                try
                {
                    await StreamAsync(brain, request, turn, chunker, reply).ConfigureAwait(false);
                    break;
                }
                catch (OperationCanceledException) when (turn.IsCancelled) { return; }
                catch (Exception e)
                {
                    // The failed brain's unfinished clause was never spoken: the next brain says its own words instead.
                    chunker.Reset();
                    string stage = reply.Started ? "mid-reply: " : "";
                    if (!Failover.Report(_chain, brain, brain.Name, e, _events, _clock.Now, stage)) break;
                    if (turn.NpcText.Length > 0) request = request with { SpokenSoFar = turn.NpcText };
                }
            }
        }

        /// <summary>One brain's reply, each piece under the stage's deadline.</summary>
        private async Task StreamAsync(ICharacterBrain brain, BrainRequest request, TurnContext turn, ClauseChunker chunker, ReplyProgress reply)
        {
            using var deadline = new StageDeadline(_clock, _deadline, brain.Name, Setting, turn.Token);
            var pieces = brain.StreamReplyAsync(request, deadline.Token).GetAsyncEnumerator(deadline.Token);
            var restatement = new SpokenPrefixFilter(request.SpokenSoFar);
            try
            {
                while (await deadline.RunAsync(pieces, static (p, _) => p.MoveNextAsync(), reply.Started ? "the next words" : "the first words")
                           .ConfigureAwait(false))
                {
                    reply.Started = true;
                    turn.MarkFirstToken(_clock.Now);
                    await SendClausesAsync(turn, chunker, restatement.Filter(pieces.Current)).ConfigureAwait(false);
                }
                await SendClausesAsync(turn, chunker, restatement.Flush()).ConfigureAwait(false);
            }
            finally { await deadline.ReleaseAsync(pieces).ConfigureAwait(false); }
        }

        private async Task SendClausesAsync(TurnContext turn, ClauseChunker chunker, string text)
        {
            if (text.Length == 0) return;
            foreach (var clause in chunker.Append(text)) await SendAsync(turn, clause).ConfigureAwait(false);
        }

        private async Task SendAsync(TurnContext turn, string clause)
        {
            turn.MarkFirstClause(_clock.Now);
            turn.AppendNpcText(clause);
            await _output.WriteAsync(new ClauseItem(turn, clause)).ConfigureAwait(false);
        }

        /// <summary>Whether the current brain has said anything yet (its failure is then a mid-reply one).</summary>
        private sealed class ReplyProgress
        {
            public bool Started { get; set; }
        }
    }
}
