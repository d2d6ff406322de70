using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Providers.Scripted;
using VoiceNpc.Stt;
using VoiceNpc.Testing;
using VoiceNpc.Timing;
using VoiceNpc.Tts;
using VoiceNpc.Vad;

namespace VoiceNpc.Tests.Support
{
    /// <summary>
    /// Runs a whole conversation on a virtual clock with deterministic providers: tone "speech" in, scripted
    /// transcripts, the scripted brain, tone "speech" out. Collects every event game code would see.
    /// </summary>
    public sealed class ConversationHarness
    {
        public VirtualClock Clock { get; } = new VirtualClock();
        public List<ConversationEvent> Events { get; } = new List<ConversationEvent>();
        public ScriptedSpeechToText Stt { get; }
        public DelayedBrain Brain { get; }
        public ToneTextToSpeech Tts { get; }
        public CharacterDefinition Character { get; set; }
        public List<ISpeechToText> ExtraStt { get; } = new List<ISpeechToText>();
        /// <summary>A recogniser tried before <see cref="Stt"/>.</summary>
        public ISpeechToText? FirstStt { get; set; }
        public List<ICharacterBrain> ExtraBrains { get; } = new List<ICharacterBrain>();

        /// <summary>A brain tried before <see cref="Brain"/> (a cloud brain whose fallback is the scripted one).</summary>
        public ICharacterBrain? FirstBrain { get; set; }
        public List<ITextToSpeech> ExtraTts { get; } = new List<ITextToSpeech>();

        /// <summary>A voice tried before <see cref="Tts"/> (a cloud voice whose fallback is the tone one), with its voice id.</summary>
        public (ITextToSpeech Provider, string Voice)? FirstTts { get; set; }
        /// <summary>The thread that called Pump last: events must arrive on it.</summary>
        public int PumpingThread { get; private set; }

        /// <summary>Events raised on any other thread than the one calling Pump: must stay zero.</summary>
        public int WrongThreadEvents { get; private set; }
        public VirtualAudioDevice? Device { get; private set; }
        public ConversationMemory? Memory { get; private set; }

        /// <summary>The audio cache the conversation speaks through; none when null.</summary>
        public global::VoiceNpc.Caching.AudioCache? Cache { get; set; }

        /// <summary>The memory the conversation starts from (a loaded <c>PlayerMemory</c>); a fresh one when null.</summary>
        public ConversationMemory? InitialMemory { get; set; }

        /// <summary>The conversation being run (set once it has started; kept after it stopped).</summary>
        public VoiceConversation? Conversation => _conversation;

        private volatile VoiceConversation? _conversation;
        private readonly List<(Func<ConversationHarness, bool> Condition, Action<VoiceConversation> Action)> _triggers =
            new List<(Func<ConversationHarness, bool>, Action<VoiceConversation>)>();
        private Exception? _triggerFailure;

        /// <summary>
        /// Runs <paramref name="action"/> once, on the audio pump's thread, at the first frame where
        /// <paramref name="condition"/> holds (checked before the frame's capture is read): a control called there takes
        /// effect at the next frame, so the test is exact on the virtual clock. Conditions may read the harness, its
        /// clock, device and conversation (known before the pump's first frame; start-up may still be under way).
        /// </summary>
        public ConversationHarness When(Func<ConversationHarness, bool> condition, Action<VoiceConversation> action)
        {
            _triggers.Add((condition, action));
            return this;
        }

        /// <summary>Runs <paramref name="action"/> at the first frame at or after <paramref name="seconds"/> of virtual time.</summary>
        public ConversationHarness At(double seconds, Action<VoiceConversation> action) =>
            When(h => h.Clock.Now >= TimeSpan.FromSeconds(seconds), action);

        /// <summary>The conversation's state as the pump sees it (Listening before it started).</summary>
        public TurnState State => _conversation?.State ?? TurnState.Listening;

        private void FireTriggers()
        {
            for (int i = 0; i < _triggers.Count; i++)
            {
                var (condition, action) = _triggers[i];
                if (!condition(this)) continue;
                _triggers.RemoveAt(i--);
                try { action(_conversation!); }
                catch (Exception e) { _triggerFailure ??= e; }
            }
        }

        public ConversationHarness(params string[] playerTexts)
        {
            Stt = new ScriptedSpeechToText(Clock, playerTexts);
            Brain = new DelayedBrain(new ScriptedBrain(), Clock);
            Tts = new ToneTextToSpeech(Clock) { WordDuration = TimeSpan.FromMilliseconds(200) };
            Character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
        }

        public IEnumerable<T> Of<T>() where T : ConversationEvent => Events.OfType<T>();

        /// <summary>Plays the script into the virtual microphone and runs until <paramref name="expectedTurns"/> turns completed.</summary>
        public void Run(PlayerScript script, int expectedTurns)
        {
            RunAsync(script, expectedTurns).GetAwaiter().GetResult();
        }

        private async Task RunAsync(PlayerScript script, int expectedTurns)
        {
            Device = new VirtualAudioDevice(script);
            var device = new HookedAudioDevice(Device) { BeforeCapture = FireTriggers };
            var providers = new ConversationProviders(
                new StageChain<IVoiceActivityDetector>("vad", new[] { ("energy", (IVoiceActivityDetector)new EnergyVad()) }),
                new StageChain<ISpeechToText>("stt", (FirstStt == null ? new (string, ISpeechToText)[0] : new[] { (FirstStt.Name, FirstStt) })
                    .Concat(new[] { (Stt.Name, (ISpeechToText)Stt) }).Concat(ExtraStt.Select(s => (s.Name, s))).ToList()),
                new StageChain<ICharacterBrain>("llm", (FirstBrain == null ? new (string, ICharacterBrain)[0] : new[] { (FirstBrain.Name, FirstBrain) })
                    .Concat(new[] { (Brain.Name, (ICharacterBrain)Brain) }).Concat(ExtraBrains.Select(b => (b.Name, b))).ToList()),
                new StageChain<ITextToSpeech>("tts", (FirstTts == null ? new (string, ITextToSpeech)[0] : new[] { (FirstTts.Value.Provider.Name, FirstTts.Value.Provider) })
                    .Concat(new[] { (Tts.Name, (ITextToSpeech)Tts) }).Concat(ExtraTts.Select(t => (t.Name, t))).ToList()),
                Array.Empty<ProviderFellBack>()) { Cache = Cache };
            var voices = new Dictionary<string, VoiceSettings> { [Tts.Name] = new VoiceSettings("tone") };
            if (FirstTts is { } first) voices[first.Provider.Name] = new VoiceSettings(first.Voice);
            var character = Character with { Voices = voices };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var conversation = await VoiceConversation.StartAsync(character, providers, device, Clock, InitialMemory, timeout.Token,
                created: c => _conversation = c);
            Memory = conversation.Memory;
            conversation.EventRaised += e =>
            {
                if (Environment.CurrentManagedThreadId != PumpingThread) WrongThreadEvents++;
                Events.Add(e);
            };
            try
            {
                while (Of<TurnCompleted>().Count() < expectedTurns)
                {
                    if (Clock.Now > TimeSpan.FromMinutes(5)) throw new TimeoutException("the conversation did not finish in 5 virtual minutes");
                    if (_triggerFailure != null) throw new InvalidOperationException("a trigger failed on the pump's thread", _triggerFailure);
                    await conversation.WaitForEventsAsync(timeout.Token);
                    PumpingThread = Environment.CurrentManagedThreadId;
                    conversation.Pump();
                }
            }
            finally
            {
                await conversation.DisposeAsync();
                PumpingThread = Environment.CurrentManagedThreadId;
                conversation.Pump();
            }
            if (_triggerFailure != null) throw new InvalidOperationException("a trigger failed on the pump's thread", _triggerFailure);
        }

        public static short[] Speech(double seconds) => ToneSpeech.Make(TimeSpan.FromSeconds(seconds));
    }
}
