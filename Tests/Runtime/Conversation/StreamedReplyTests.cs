using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tts;

namespace VoiceNpc.Tests.Conversation
{
    /// <summary>A reply on a streamed-input voice whose stream breaks: the next voice says every clause, each once.</summary>
    public class StreamedReplyTests
    {
        /// <summary>A voice whose stream takes the first clause, refuses the second and never produces audio.</summary>
        private sealed class BreakingVoice : IStreamingInputSpeech
        {
            public string Name => "breaking";
            public Task<ISpeechInputStream> OpenStreamAsync(VoiceSettings voice, CancellationToken cancellationToken) => Task.FromResult<ISpeechInputStream>(new Stream());
            public IAsyncEnumerable<SpeechChunk> SynthesizeAsync(string text, VoiceSettings voice, CancellationToken cancellationToken) => throw new ProviderException(Name, "down");
            public void Dispose() { }

            private sealed class Stream : ISpeechInputStream
            {
                private readonly CancellationTokenSource _closed = new CancellationTokenSource();
                private int _sends;
                public int ClausesSpoken => 0;

                public Task SendAsync(string clause, CancellationToken cancellationToken) =>
                    ++_sends >= 2 ? Task.FromException(new ProviderException("breaking", "the connection dropped")) : Task.CompletedTask;

                public Task CompleteAsync(CancellationToken cancellationToken) => Task.CompletedTask;

                public async IAsyncEnumerable<SpeechChunk> ReadAudioAsync([EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closed.Token);
                    try { await Task.Delay(Timeout.Infinite, both.Token); }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
                    throw new ProviderException("breaking", "aborted");
#pragma warning disable CS0162 // an iterator needs a yield
                    yield break;
#pragma warning restore CS0162
                }

                public void Dispose() => _closed.Cancel();
            }
        }

        [Test]
        public void ASendThatFailsHandsEveryClauseToTheNextVoiceOnce()
        {
            var harness = new ConversationHarness("what do you sell") { FirstTts = (new BreakingVoice(), "v") };
            harness.Character = harness.Character with { Fillers = new string[0] };
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.6) }), 1);

            var turn = harness.Of<TurnCompleted>().Single().Metrics;
            Assert.That(turn.NpcText, Does.StartWith("Swords, axes and shields"));
            Assert.That(string.Join(" ", harness.Tts.Spoken.Select(c => c.Trim())), Is.EqualTo(turn.NpcText), "each clause once, in order");
            var fell = harness.Of<ProviderFellBack>().Single();
            Assert.That((fell.Stage, fell.From, fell.To), Is.EqualTo(("tts", "breaking", harness.Tts.Name)));
        }
    }
}
