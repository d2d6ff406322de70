using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Timing;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// Holds a conversation whose player is a list of audio clips and whose speakers are a recording, in real time on
    /// the system clock (or as fast as the pipeline allows on a virtual one). This thread plays the game: it pumps
    /// the conversation's events and hands each one to <see cref="EventSeen"/>.
    /// </summary>
    public sealed class FileConversation
    {
        private readonly CharacterDefinition _character;
        private readonly ProviderCatalog _catalog;
        private readonly IClock _clock;

        public FileConversation(CharacterDefinition character, ProviderCatalog catalog, IClock clock)
        {
            _character = character;
            _catalog = catalog;
            _clock = clock;
        }

        public event Action<ConversationEvent>? EventSeen;

        /// <summary>How long the player waits after the NPC went quiet before speaking the next clip.</summary>
        public TimeSpan ReplyGap { get; init; } = TimeSpan.FromMilliseconds(700);

        public VirtualAudioDevice? Device { get; private set; }

        /// <summary>The clips (by index) in which the conversation heard no speech at all, once <see cref="RunAsync"/> ended.</summary>
        public IReadOnlyList<int> UnheardClips => Device?.UnheardClips ?? new int[0];

        /// <summary>What the NPC remembers from earlier sessions (a loaded <c>PlayerMemory</c>); fresh when null.</summary>
        public ConversationMemory? Memory { get; init; }

        /// <summary>Completes once the providers are ready and the conversation is listening.</summary>
        public Task Started => _started.Task;

        private readonly TaskCompletionSource<bool> _started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<TurnResult>> RunAsync(IReadOnlyList<short[]> clips, TimeSpan? bargeInAfter, CancellationToken cancellationToken)
        {
            Device = new VirtualAudioDevice(new PlayerScript(clips) { BargeInAfter = bargeInAfter, ReplyGap = ReplyGap });
            var providers = _catalog.Resolve(_character, () => _clock.Now);
            var results = new List<TurnResult>();
            var fallbacks = new List<ProviderFellBack>();
            var errors = new List<ConversationError>();
            long lineStart = -1, lineEnd = -1;
            VoiceConversation conversation;
            try { conversation = await VoiceConversation.StartAsync(_character, providers, Device, _clock, Memory, cancellationToken).ConfigureAwait(false); }
            finally { _started.TrySetResult(true); }
            // Read on the audio pump's own thread, as the device plays the player: a clip the conversation never left
            // Listening for was not heard as speech, and the player goes on without waiting for an answer.
            Device.Hearing = () => conversation.State != TurnState.Listening;
            conversation.EventRaised += e =>
            {
                switch (e)
                {
                    case ProviderFellBack f: fallbacks.Add(f); break;
                    case ConversationError error: errors.Add(error); break;
                    case NpcLineStarted s: lineStart = s.PlaybackSample; break;
                    case NpcLineEnded ended: lineEnd = ended.PlaybackSample; break;
                    case TurnCompleted t:
                        results.Add(new TurnResult(t.Metrics, Math.Max(0, lineStart), Math.Max(0, Math.Max(lineStart, lineEnd)), fallbacks.ToList())
                        {
                            Errors = errors.ToList(),
                        });
                        fallbacks.Clear();
                        errors.Clear();
                        lineStart = lineEnd = -1;
                        break;
                }
                EventSeen?.Invoke(e);
            };
            try
            {
                while (!(Device.ScriptFinished && conversation.State == TurnState.Listening))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // The host's frame loop: ~50 updates a second, waking early when events arrive.
                    using var frame = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    frame.CancelAfter(TimeSpan.FromMilliseconds(20));
                    try { await conversation.WaitForEventsAsync(frame.Token).ConfigureAwait(false); }
                    catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
                    conversation.Pump();
                }
            }
            finally
            {
                await conversation.DisposeAsync().ConfigureAwait(false);
                conversation.Pump();
            }
            return results;
        }
    }
}
