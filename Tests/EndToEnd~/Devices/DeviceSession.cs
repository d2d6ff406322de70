using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using VoiceNpc.Audio.Native;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers;
using VoiceNpc.Tests.Support;
using VoiceNpc.Timing;

namespace VoiceNpc.Tests.EndToEnd.Devices
{
    /// <summary>
    /// Brenna on the embedded providers, hearing and speaking through real OpenAL devices, with a probe as the
    /// player. The test thread plays the game: it pumps events while it waits for the ones it expects.
    /// </summary>
    public sealed class DeviceSession : IDisposable
    {
        public SystemClock Clock { get; } = new SystemClock();
        public NativeAudioDevice Device { get; }
        public DeviceProbe Probe { get; }
        public VoiceConversation Conversation { get; }
        public List<ConversationEvent> Events { get; } = new List<ConversationEvent>();

        public DeviceSession(NativeAudioOptions npcDevices)
        {
            Device = NativeAudioDevice.Open(npcDevices);
            Probe = new DeviceProbe(Clock);
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var providers = EmbeddedProviders.CreateCatalog().Resolve(character, () => Clock.Now);
            Conversation = VoiceConversation.StartAsync(character, providers, Device, Clock).GetAwaiter().GetResult();
            Conversation.EventRaised += Events.Add;
        }

        /// <summary>Pumps events until one matches; fails with the events seen if none does within <paramref name="limit"/>.</summary>
        public T WaitFor<T>(Func<T, bool>? match = null, double limitSeconds = 30) where T : ConversationEvent
        {
            int seen = 0;
            var deadline = Clock.Now + TimeSpan.FromSeconds(limitSeconds);
            while (true)
            {
                for (; seen < Events.Count; seen++)
                    if (Events[seen] is T e && (match == null || match(e))) return e;
                if (Clock.Now > deadline) break;
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
                try { Conversation.WaitForEventsAsync(wait.Token).GetAwaiter().GetResult(); }
                catch (OperationCanceledException) { }
                Conversation.Pump();
            }
            Assert.Fail($"no {typeof(T).Name} within {limitSeconds} s; events: {string.Join(" | ", Events.Select(e => e.ToString()))}");
            return null!;
        }

        /// <summary>Pumps events (so the game side keeps running) until <paramref name="condition"/> holds.</summary>
        public void PumpUntil(Func<bool> condition, string what, double limitSeconds = 20)
        {
            var deadline = Clock.Now + TimeSpan.FromSeconds(limitSeconds);
            while (!condition())
            {
                if (Clock.Now > deadline) Assert.Fail($"{what} did not happen within {limitSeconds} s");
                using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
                try { Conversation.WaitForEventsAsync(wait.Token).GetAwaiter().GetResult(); }
                catch (OperationCanceledException) { }
                Conversation.Pump();
            }
        }

        public void Dispose()
        {
            Conversation.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Conversation.Pump();
            Probe.Dispose();
            Device.Dispose();
        }
    }
}
