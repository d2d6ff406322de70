using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Characters;
using VoiceNpc.Cli;
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
        public IRealTimeAudioDevice Device { get; }
        public DeviceProbe Probe { get; }
        public VoiceConversation Conversation { get; }
        public List<ConversationEvent> Events { get; } = new List<ConversationEvent>();

        public DeviceSession(NativeAudioOptions npcDevices) : this(NativeAudioDevice.Open(npcDevices)) { }

        /// <summary>The NPC on any device (e.g. a <see cref="SplitAudioDevice"/>); the session disposes it.</summary>
        public DeviceSession(IRealTimeAudioDevice device)
        {
            Device = device;
            Probe = new DeviceProbe(Clock, "Monitor of " + PulseAudioRig.Speakers, PulseAudioRig.Microphone);
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var providers = EmbeddedProviders.CreateCatalog().Resolve(character, () => Clock.Now);
            Conversation = VoiceConversation.StartAsync(character, providers, Device, Clock).GetAwaiter().GetResult();
            Conversation.EventRaised += Events.Add;
        }

        /// <summary>Pumps events until one matches; fails with the events seen if none does within <paramref name="limitSeconds"/>.</summary>
        public T WaitFor<T>(Func<T, bool>? match = null, double limitSeconds = 30) where T : ConversationEvent
        {
            T? found = null;
            try
            {
                ConversationWaits.PumpUntil(Conversation, () => (found = Events.OfType<T>().FirstOrDefault(e => match == null || match(e))) != null,
                    "a " + typeof(T).Name, TimeSpan.FromSeconds(limitSeconds));
            }
            catch (TimeoutException e) { Assert.Fail($"{e.Message}; events: {string.Join(" | ", Events.Select(x => x.ToString()))}"); }
            return found!;
        }

        /// <summary>Pumps events (so the game side keeps running) until <paramref name="condition"/> holds.</summary>
        public void PumpUntil(Func<bool> condition, string what, double limitSeconds = 20)
        {
            try { ConversationWaits.PumpUntil(Conversation, condition, what, TimeSpan.FromSeconds(limitSeconds)); }
            catch (TimeoutException e) { Assert.Fail(e.Message); }
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
