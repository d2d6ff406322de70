using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Authoring;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Timing;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// A conversation through a real microphone and speakers, until cancelled (Ctrl+C). This thread plays the game:
    /// it pumps the conversation's events and hands each one to <see cref="EventSeen"/>.
    /// </summary>
    public sealed class LiveConversation
    {
        private readonly CharacterDefinition _character;
        private readonly ProviderCatalog _catalog;
        private readonly IClock _clock = new SystemClock();
        private readonly TaskCompletionSource<bool> _started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public LiveConversation(CharacterDefinition character, ProviderCatalog catalog)
        {
            _character = character;
            _catalog = catalog;
        }

        public event Action<ConversationEvent>? EventSeen;

        /// <summary>What the NPC remembers from earlier sessions (a loaded <c>PlayerMemory</c>); fresh when null.</summary>
        public ConversationMemory? Memory { get; init; }

        /// <summary>Completes once the providers are ready and the conversation is listening.</summary>
        public Task Started => _started.Task;

        public async Task<IReadOnlyList<TurnResult>> RunAsync(IAudioDevice device, CancellationToken cancellationToken)
        {
            var results = new List<TurnResult>();
            var fallbacks = new List<ProviderFellBack>();
            VoiceConversation conversation;
            try
            {
                conversation = await VoiceConversation.StartAsync(_character, _catalog.Resolve(_character, () => _clock.Now), device, _clock, Memory, cancellationToken)
                    .ConfigureAwait(false);
            }
            finally { _started.TrySetResult(true); }
            conversation.EventRaised += e =>
            {
                if (e is ProviderFellBack f) fallbacks.Add(f);
                if (e is TurnCompleted t)
                {
                    results.Add(new TurnResult(t.Metrics, 0, 0, fallbacks.ToList()));
                    fallbacks.Clear();
                }
                EventSeen?.Invoke(e);
            };
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    try { await conversation.WaitForEventsAsync(cancellationToken).ConfigureAwait(false); }
                    catch (OperationCanceledException) { break; }
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
