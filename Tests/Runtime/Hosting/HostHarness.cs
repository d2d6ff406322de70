using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using VoiceNpc.Audio;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Testing;
using VoiceNpc.Tests.Support;
using VoiceNpc.Timing;
using VoiceNpc.Vad;

namespace VoiceNpc.Tests.Hosting
{
    /// <summary>
    /// A <see cref="ConversationHost"/> on a virtual clock with the Testing providers, its devices made from a player
    /// script, and everything it raised, with the thread it was raised on. The test thread plays the game loop.
    /// </summary>
    public sealed class HostHarness
    {
        public VirtualClock Clock { get; } = new VirtualClock();
        public List<ConversationEvent> Events { get; } = new List<ConversationEvent>();
        public List<HostState> States { get; } = new List<HostState>();
        public List<HookedAudioDevice> Devices { get; } = new List<HookedAudioDevice>();
        public List<DelayedBrain> Brains { get; } = new List<DelayedBrain>();
        public int PumpThread { get; } = Environment.CurrentManagedThreadId;

        /// <summary>Events or states raised on another thread than the test's: must stay zero.</summary>
        public int WrongThread { get; private set; }

        public CharacterDefinition Character { get; }
        public ProviderCatalog Catalog { get; }
        public Func<PlayerScript> Script { get; set; } = () => new PlayerScript(new[] { ConversationHarness.Speech(1.0) });
        public Action<HookedAudioDevice>? OnEachFrame { get; set; }

        public HostHarness(params string[] playerTexts)
        {
            var loaded = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            Character = loaded with
            {
                Fallbacks = new StageChains(new[] { "energy" }, new[] { "scripted-stt" }, new[] { "delayed" }, new[] { "tone-tts" }),
                Voices = new Dictionary<string, VoiceSettings> { ["tone-tts"] = new VoiceSettings("tone") },
            };
            Catalog = new ProviderCatalog()
                .AddVad("energy", () => new EnergyVad())
                .AddStt("scripted-stt", () => new ScriptedSpeechToText(Clock, playerTexts))
                .AddLlm("delayed", () => Brain())
                .AddTts("tone-tts", () => new ToneTextToSpeech(Clock) { WordDuration = TimeSpan.FromMilliseconds(200) });
        }

        public ConversationHostSettings Settings(string? memoryFolder = null) => new ConversationHostSettings
        {
            Character = Character,
            Catalog = Catalog,
            OpenDevice = OpenDevice,
            PlayerId = "aerin",
            MemoryFolder = memoryFolder,
            Clock = Clock,
        };

        public ConversationHost Host(ConversationHostSettings settings)
        {
            var host = new ConversationHost(settings);
            host.EventRaised += e =>
            {
                if (Environment.CurrentManagedThreadId != PumpThread) WrongThread++;
                Events.Add(e);
            };
            host.StateChanged += s =>
            {
                if (Environment.CurrentManagedThreadId != PumpThread) WrongThread++;
                States.Add(s);
            };
            return host;
        }

        public IEnumerable<T> Of<T>() where T : ConversationEvent => Events.OfType<T>();

        /// <summary>Plays the game loop: waits for the host's events and pumps them until <paramref name="done"/>.</summary>
        public void PumpUntil(ConversationHost host, Func<bool> done)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            // From now: an idle pump runs the virtual clock on while the test thread works (a Stop, a second Start).
            var limit = Clock.Now + TimeSpan.FromMinutes(5);
            while (!done())
            {
                if (Clock.Now > limit) throw new TimeoutException("nothing happened in 5 virtual minutes");
                host.WaitForEventsAsync(timeout.Token).GetAwaiter().GetResult();
                host.Pump();
            }
        }

        private IAudioDevice OpenDevice()
        {
            var device = new HookedAudioDevice(new VirtualAudioDevice(Script()));
            device.BeforeCapture = () => OnEachFrame?.Invoke(device);
            lock (Devices) Devices.Add(device);
            return device;
        }

        private DelayedBrain Brain()
        {
            var brain = new DelayedBrain(new ScriptedBrain(), Clock, "delayed");
            lock (Brains) Brains.Add(brain);
            return brain;
        }
    }
}
