using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
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
    /// A whole conversation hosted as Unity hosts it: the NPC's voice through a <see cref="CallbackPlayback"/> pulled by
    /// a real-time audio-callback thread (1024 frames at 48 kHz stereo), the player through a <see cref="ClipCapture"/>
    /// of a looping 48 kHz clip the same "device" records into after each block, and a game loop that polls the clip
    /// and pumps events once per callback block. Every event is kept with the played position when it was raised.
    /// </summary>
    public sealed class CallbackConversationRig : IDisposable
    {
        public const int Rate = 48000, Frames = 1024, Channels = 2;

        // A 4 s clip and a 300 ms lead: a test thread or pump the machine starves for a while loses neither the player's
        // words nor the NPC's (an underrun would split a word in the rendered output, where the tests count words).
        private readonly FakeMicrophoneClip _clip = new FakeMicrophoneClip(Rate, 1, 4 * Rate);
        private readonly float[] _silence = new float[Frames];
        private float[]? _speech;
        private int _speechAt;
        private VoiceConversation? _conversation;

        public CallbackConversationRig(int seconds, params string[] playerTexts)
        {
            Playback = new CallbackPlayback(new CallbackPlaybackOptions { PlaybackLeadSamples = 4800 });
            Capture = new ClipCapture(_clip, new ClipCaptureOptions { Clock = Clock });
            Callback = new AudioCallbackThread(Playback, Frames, Channels, Rate, seconds * Rate / Frames)
            {
                Period = TimeSpan.FromTicks(TimeSpan.TicksPerSecond * Frames / Rate), Now = () => Clock.Now, AfterBlock = Record,
            };
            Stt = new ScriptedSpeechToText(Clock, playerTexts);
        }

        public SystemClock Clock { get; } = new SystemClock();
        public CallbackPlayback Playback { get; }
        public ClipCapture Capture { get; }
        public AudioCallbackThread Callback { get; }
        public ScriptedSpeechToText Stt { get; }
        public List<(ConversationEvent Event, long Played)> Events { get; } = new List<(ConversationEvent, long)>();
        public ConversationMemory Memory => _conversation!.Memory;

        /// <summary>Run on the callback thread after each block, before the microphone records (e.g. to start speaking).</summary>
        public Action<int>? OnBlock { get; set; }

        public IEnumerable<(T Event, long Played)> Of<T>() where T : ConversationEvent =>
            Events.Where(e => e.Event is T).Select(e => ((T)e.Event, e.Played));

        public void Start()
        {
            Callback.Start();
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter);
            var tts = new GappedToneSpeech();
            character = character with { Voices = new Dictionary<string, VoiceSettings> { [tts.Name] = new VoiceSettings("tone") } };
            var providers = new ConversationProviders(
                new StageChain<IVoiceActivityDetector>("vad", new[] { ("energy", (IVoiceActivityDetector)new EnergyVad()) }),
                new StageChain<ISpeechToText>("stt", new[] { (Stt.Name, (ISpeechToText)Stt) }),
                new StageChain<ICharacterBrain>("llm", new[] { ("scripted", (ICharacterBrain)new DelayedBrain(new ScriptedBrain(), Clock)) }),
                new StageChain<ITextToSpeech>("tts", new[] { (tts.Name, (ITextToSpeech)tts) }),
                Array.Empty<ProviderFellBack>());
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            _conversation = VoiceConversation.StartAsync(character, providers, new SplitAudioDevice(Capture, Playback), Clock, null, timeout.Token)
                .GetAwaiter().GetResult();
            _conversation.EventRaised += e => Events.Add((e, Playback.PlayedSamples));
        }

        /// <summary>The player says <paramref name="pcm"/> (pipeline audio) into the microphone from the next block on.</summary>
        public void Say(short[] pcm) => Say(AtDeviceRate(pcm));

        /// <summary>The player says <paramref name="audio"/> (at the device rate): cheap enough for the callback thread.</summary>
        public void Say(float[] audio)
        {
            Volatile.Write(ref _speechAt, 0);
            Volatile.Write(ref _speech, audio);
        }

        public static float[] AtDeviceRate(short[] pcm) => Resampler.Resample(pcm, AudioFormat.SampleRate, Rate).Select(s => s / 32768f).ToArray();

        /// <summary>The game loop: poll the microphone and pump events once per rendered block until <paramref name="done"/>.</summary>
        public void RunUntil(Func<bool> done, string what)
        {
            while (!done())
            {
                if (Callback.Failure != null) throw new InvalidOperationException("the callback thread failed", Callback.Failure);
                if (Callback.Completed == Callback.Blocks) throw new TimeoutException($"the rig's {Callback.Blocks} blocks ran out before {what}");
                Callback.WaitForBlock(TimeSpan.FromSeconds(1));
                Capture.Poll();
                _conversation!.Pump();
            }
        }

        /// <summary>The rendered left channel.</summary>
        public float[] Rendered() => Signal.Channel(Callback.Output, Channels, 0);

        /// <summary>The stream position a rendered output index shows, read from the end of its block (the voice flows there).</summary>
        public long StreamPositionOf(int outputIndex)
        {
            int block = outputIndex / Frames;
            return Callback.PlayedAfter[block] - (Frames - outputIndex % Frames) * AudioFormat.SampleRate / Rate;
        }

        private void Record(int block)
        {
            OnBlock?.Invoke(block);
            var speech = Volatile.Read(ref _speech);
            if (speech == null) { _clip.Record(_silence); return; }
            int at = _speechAt;
            int n = Math.Min(Frames, speech.Length - at);
            _clip.Record(new ReadOnlySpan<float>(speech, at, n));
            if (n < Frames) _clip.Record(new ReadOnlySpan<float>(_silence, 0, Frames - n));
            if (at + n >= speech.Length) Volatile.Write(ref _speech, null);
            else _speechAt = at + n;
        }

        public void Dispose()
        {
            _conversation?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _conversation?.Pump();
            Callback.Dispose();
        }
    }
}
