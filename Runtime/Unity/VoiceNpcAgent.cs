using System;
using System.IO;
using System.Threading;
using UnityEngine;
using VoiceNpc.Audio;
using VoiceNpc.Audio.Native;
using VoiceNpc.Conversation;
using VoiceNpc.Hosting;
using VoiceNpc.Providers;

namespace VoiceNpc.Unity
{
    /// <summary>
    /// An NPC the player talks to. The voice plays through this GameObject's AudioSource (3D position, AudioMixer group,
    /// pause and volume apply): the source loops a clip of 1.0 and OnAudioFilterRead multiplies the NPC's voice into it
    /// from a lock-free ring (<see cref="CallbackPlayback"/>), whose played-sample count times subtitles, visemes and
    /// what the player heard. The conversation (<see cref="ConversationHost"/>) runs on its own threads; Update delivers
    /// its events on the main thread. Everything is released on disable, destroy, quit and before a domain reload.
    /// </summary>
    [RequireComponent(typeof(AudioSource))]
    [DisallowMultipleComponent]
    [AddComponentMenu("VoiceNpc/Voice Npc Agent")]
    public sealed partial class VoiceNpcAgent : MonoBehaviour
    {
        /// <summary>How long StopConversation waits for the conversation's threads and devices.</summary>
        public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(3);

        [Header("Character")]
        [Tooltip("The character asset (VoiceNpc/Character) holding the *.character.json")]
        public VoiceNpcCharacter? character;

        [Tooltip("Who is talking: memory is kept per character and player")]
        public string playerId = "player";

        [Tooltip("Offer the cloud providers (OpenAI, ElevenLabs, Deepgram) a character's fallback chains may name; keys come from the " +
            "environment or the secrets file. Off: only the embedded providers.")]
        public bool cloudProviders = true;

        [Header("Capture")]
        [Tooltip("Native capture cancels the NPC's echo (Linux today); Unity's Microphone works everywhere, without echo cancellation")]
        public CaptureSource capture = CaptureSource.NativeWithEchoCancellation;

        [Tooltip("The microphone's device name; empty: the system default")]
        public string microphoneDevice = "";

        [Tooltip("The microphone is muted except while the push-to-talk key is held (or BeginPushToTalk/EndPushToTalk are called)")]
        public bool pushToTalk;

        [Tooltip("Held to talk with the legacy Input Manager; with the Input System, call BeginPushToTalk/EndPushToTalk")]
        public KeyCode pushToTalkKey = KeyCode.V;

        [Tooltip("Native capture: delay the echo reference by Unity's output buffer queue (AudioSettings.GetDSPBufferSize), " +
            "which every block waits before the speakers play it; the canceller converges fastest when the echo follows its reference closely")]
        public bool automaticEchoReferenceDelay = true;

        [Tooltip("Native capture, automatic delay off: how much later than Unity renders it the echo reference meets the microphone " +
            "(0-400 ms; NativeCaptureOptions.ReferenceDelayMilliseconds)")]
        [Range(0, ReferenceDelay.MaxMilliseconds)] public int echoReferenceDelayMilliseconds;

        [Header("Folders (empty: under Application.persistentDataPath/VoiceNpc)")]
        public string memoryFolder = "";
        public string cacheFolder = "";

        [Header("Life cycle")]
        [Tooltip("Start the conversation when the component is enabled")]
        public bool startOnEnable = true;

        [Tooltip("Log conversation errors and failures to the console")]
        public bool logErrors = true;

        public VoiceNpcAgentEvents events = new VoiceNpcAgentEvents();

        private ConversationHost? _host;
        private CallbackPlayback? _playback;
        private CallbackPlayback? _rendering;   // what the audio thread renders; null while stopped
        private AgentCapture? _capture;
        private MicrophonePermission? _permission;
        private AudioSource? _source;
        private AudioClip? _carrier;
        private int _outputRate;
        private bool _talking;
        private bool _muted;
        private EchoRouting? _echo;   // native capture only
        private int _handedOver;
        private bool _failed;   // the host failed during the last Pump
        private int _reopenedReported;   // 1 once the host opened the device (it disposes it)

        /// <summary>Providers to use instead of the default catalog; set before the conversation starts.</summary>
        public ProviderCatalog? Catalog { get; set; }

        /// <summary>The running conversation's host, null while stopped.</summary>
        public ConversationHost? Host => _host;

        /// <summary>Stopped, Starting, Running, Failed or Stopping.</summary>
        public HostState State => _host?.State ?? (FailureReason != null ? HostState.Failed : HostState.Stopped);

        /// <summary>Why the conversation failed to start or stopped working; null while healthy.</summary>
        public string? FailureReason { get; private set; }

        /// <summary>What the agent captures with ("native capture with echo cancellation", "Unity Microphone", ...).</summary>
        public string CaptureDescription =>
            _capture == null ? "none"
            : _echo == null ? _capture.Description
            : _capture.Description + (_echo.FromListener ? " (reference: the listener's mix)" : " (reference: its own voice)");

        /// <summary>The voice's callback counters (callbacks, rendered samples, underruns), null while stopped.</summary>
        public CallbackPlaybackStats? PlaybackStats => _playback?.Stats;

        /// <summary>Whether the microphone is treated as silence (muted, or push-to-talk not held).</summary>
        public bool MicrophoneMuted => Muted;

        /// <summary>Muted by <see cref="MuteMicrophone"/>, or push-to-talk is on and not held.</summary>
        private bool Muted => _muted || (pushToTalk && !_talking);

        /// <summary>Starts the conversation (main thread); it is running when <see cref="State"/> is Running.</summary>
        public void StartConversation()
        {
            if (_permission != null || (_host != null && _host.State != HostState.Failed)) return;
            if (_host != null) Release(announce: false);
            FailureReason = null;
            if (character == null)
            {
                Fail("the agent has no character: set its Character field to a VoiceNpc character asset", null);
                return;
            }
            _permission = capture == CaptureSource.None ? MicrophonePermission.NotNeeded() : MicrophonePermission.Request();
            ContinueStart();
        }

        /// <summary>Stops the conversation and releases its threads and devices (synchronous, up to <see cref="StopTimeout"/>).</summary>
        public void StopConversation() => Release(announce: true);

        /// <param name="announce">Raise Stopped (a stop asked for), or not (cleaning up after a failure, which stays reported).</param>
        private void Release(bool announce)
        {
            _permission = null;
            _failed = false;
            var host = _host;
            _host = null;
            Volatile.Write(ref _rendering, null);
            if (_source != null && _source.isPlaying) _source.Stop();
            // The listener tap lets go before the capture is disposed, so Unity's audio thread never outlives it.
            _echo?.Release();
            _echo = null;
            if (host != null)
            {
                host.EventRaised -= Raise;
                host.StateChanged -= OnHostStateChanged;
                if (!host.Stop(StopTimeout)) Debug.LogWarning($"VoiceNpc: the conversation did not stop within {StopTimeout.TotalSeconds} s", this);
            }
            ReleaseAudio(owned: Volatile.Read(ref _handedOver) == 1);
            TurnState = TurnState.Listening;
            if (host != null && announce)
            {
                FailureReason = null;
                RaiseHostState(HostState.Stopped);
            }
        }

        /// <summary>Typed player input: a turn without speech recognition, interrupting the NPC if it speaks.</summary>
        public void SendText(string text) => Running(nameof(SendText))?.SendText(text);

        /// <summary>Speaks a line in the NPC's voice without asking its brain (subtitles and visemes as for a reply).</summary>
        public void Say(string text) => Running(nameof(Say))?.Say(text);

        /// <summary>Stops the NPC now, as a barge-in without the player speaking.</summary>
        public void Interrupt() => Running(nameof(Interrupt))?.Interrupt();

        /// <summary>Treats the microphone as silence (true) or listens again (false).</summary>
        public void MuteMicrophone(bool muted)
        {
            _muted = muted;
            if (_host != null) _host.MicrophoneMuted = Muted;
        }

        /// <summary>Push-to-talk pressed: listens until <see cref="EndPushToTalk"/>.</summary>
        public void BeginPushToTalk()
        {
            _talking = true;
            if (_host != null) _host.MicrophoneMuted = Muted;
        }

        /// <summary>Push-to-talk released: the player's utterance ends now, and the microphone is muted again.</summary>
        public void EndPushToTalk()
        {
            if (!_talking) return;
            _talking = false;
            if (_host == null) return;
            _host.MicrophoneMuted = Muted;
            if (_host.State == HostState.Running) _host.EndTurn();
        }

        private void Awake() => _source = GetComponent<AudioSource>();

        private void OnEnable()
        {
            _outputRate = AudioSettings.outputSampleRate;
            AudioSettings.OnAudioConfigurationChanged += OnAudioConfigurationChanged;
            Application.quitting += StopConversation;
#if UNITY_EDITOR
            UnityEditor.AssemblyReloadEvents.beforeAssemblyReload += StopConversation;
#endif
            if (startOnEnable) StartConversation();
        }

        private void OnDisable()
        {
            AudioSettings.OnAudioConfigurationChanged -= OnAudioConfigurationChanged;
            Application.quitting -= StopConversation;
#if UNITY_EDITOR
            UnityEditor.AssemblyReloadEvents.beforeAssemblyReload -= StopConversation;
#endif
            StopConversation();
        }

        private void OnDestroy()
        {
            StopConversation();
            if (_carrier != null) UnityObjects.Destroy(_carrier);
            _carrier = null;
        }

        private void OnApplicationPause(bool paused) => _host?.Pause(paused);

        private void Update()
        {
            if (_permission != null && _permission.Status != MicrophonePermission.State.Pending) ContinueStart();
            if (_host == null) return;
            _capture?.Poll();
            ReportReopened();
            _echo?.Route();
            // A game paused with AudioListener.pause stops this source's callbacks: the voice waits, it has not stalled.
            if (_playback != null) _playback.OutputPaused = AudioListener.pause && _source != null && !_source.ignoreListenerPause;
            if (_capture != null && _capture.MicrophoneLost)
            {
                StopConversation();
                Fail("Unity's Microphone stopped recording (was the device unplugged?); StartConversation opens it again", null);
                return;
            }
            PollPushToTalkKey();
            _host?.Pump();
            if (!_failed) return;
            _failed = false;
            Release(announce: false);   // the microphone and the carrier stop; State stays Failed with the reason
            RaiseHostState(HostState.Failed);
        }

        /// <summary>Unity's audio thread: the NPC's voice into the carrier (or silence when stopped). No allocation, no lock.</summary>
        private void OnAudioFilterRead(float[] data, int channels)
        {
            var playback = Volatile.Read(ref _rendering);
            if (playback != null) playback.Render(data, channels, Volatile.Read(ref _outputRate));
            else Array.Clear(data, 0, data.Length);
        }

        private void ReportReopened()
        {
            int reopened = _capture?.Reopened ?? 0;
            if (reopened <= _reopenedReported) return;
            _reopenedReported = reopened;
            if (logErrors) Debug.Log("VoiceNpc: the microphone is back (native capture reopened)", this);
        }

        private void PollPushToTalkKey()
        {
#if ENABLE_LEGACY_INPUT_MANAGER
            if (!pushToTalk || pushToTalkKey == KeyCode.None) return;
            if (Input.GetKeyDown(pushToTalkKey)) BeginPushToTalk();
            if (Input.GetKeyUp(pushToTalkKey)) EndPushToTalk();
#endif
        }

        private void ContinueStart()
        {
            var permission = _permission;
            if (permission == null || permission.Status == MicrophonePermission.State.Pending) return;
            _permission = null;
            if (permission.Status == MicrophonePermission.State.Denied)
            {
                Fail(MicrophonePermission.DeniedMessage, null);
                return;
            }
            try { Open(); }
            catch (Exception e)
            {
                StopConversation();
                Fail(e.Message, e);
            }
        }

        private void Open()
        {
            VoiceNpcModels.Install();
            var definition = character!.Load();
            _playback = new CallbackPlayback(new CallbackPlaybackOptions
            {
                Mix = PlaybackMix.Multiply,
                OutputSampleRates = _outputRate == 48000 || _outputRate == 44100 ? new[] { 48000, 44100 } : new[] { _outputRate, 48000, 44100 },
            });
            _capture = AgentCapture.Open(capture, microphoneDevice, _outputRate, EchoReferenceDelay());
            if (_capture.FallbackReason != null)
                Raise(new ProviderFellBack(TimeSpan.Zero, "capture", "native", "unity-microphone", _capture.FallbackReason));
            if (_capture.EchoReference != null) _echo = new EchoRouting(_capture.EchoReference, _playback);
            _echo?.Route();
            var device = new SplitAudioDevice(_capture.Capture, _playback);
            Volatile.Write(ref _handedOver, 0);
            _host = new ConversationHost(new ConversationHostSettings
            {
                Character = definition,
                Catalog = Catalog ?? (cloudProviders ? CloudProviders.CreateCatalog() : EmbeddedProviders.CreateCatalog()),
                OpenDevice = () =>
                {
                    Volatile.Write(ref _handedOver, 1);   // from now on the host disposes it
                    return device;
                },
                PlayerId = playerId,
                MemoryFolder = Folder(memoryFolder, "memory"),
                CacheFolder = Folder(cacheFolder, "cache"),
            });
            _host.MicrophoneMuted = Muted;
            _host.EventRaised += Raise;
            _host.StateChanged += OnHostStateChanged;
            PlayCarrier();
            _host.Start();
        }

        private void PlayCarrier()
        {
            if (_carrier == null) _carrier = CarrierClip.Create(Math.Max(8000, _outputRate));
            var source = _source!;
            source.clip = _carrier;
            source.loop = true;
            source.bypassEffects = false;   // bypassed, the filter would not run and the clip of 1.0 would play raw
            Volatile.Write(ref _rendering, _playback);
            source.Play();
        }

        /// <param name="owned">Whether a host took the device over (it disposes capture and playback when it stops).</param>
        private void ReleaseAudio(bool owned)
        {
            _echo?.Release();
            _echo = null;
            if (owned) _capture?.EndRecording();
            else
            {
                try { _capture?.Dispose(); }
                finally { _playback?.Dispose(); }
            }
            _capture = null;
            _playback = null;
            _reopenedReported = 0;
        }

        /// <summary>Main thread (an engine call): the reference delay native capture opens with.</summary>
        private int EchoReferenceDelay()
        {
            if (!automaticEchoReferenceDelay) return echoReferenceDelayMilliseconds;
            AudioSettings.GetDSPBufferSize(out int bufferLength, out int numBuffers);
            return ReferenceDelay.ForOutputQueue(bufferLength, numBuffers, _outputRate);
        }

        /// <summary>Main thread, when Unity reset its output (device change, AudioSettings.Reset): the rate may differ.</summary>
        private void OnAudioConfigurationChanged(bool deviceWasChanged)
        {
            int previous = _outputRate;
            _outputRate = AudioSettings.outputSampleRate;
            if (_host == null) return;
            if (previous != _outputRate) _playback?.PrepareOutputRate(_outputRate);   // silent at a new rate until prepared
            if (_capture?.EchoReference != null && previous != _outputRate)
            {
                // The canceller's reference rate is fixed when native capture opens: open it again at the new rate.
                Debug.Log($"VoiceNpc: the output rate changed from {previous} to {_outputRate} Hz; restarting the conversation", this);
                StopConversation();
                StartConversation();
                return;
            }
            if (_source != null && !_source.isPlaying) _source.Play();   // Unity stops every source when it resets the output
        }

        private void OnHostStateChanged(HostState state)
        {
            if (state != HostState.Failed)
            {
                RaiseHostState(state);
                return;
            }
            FailureReason = _host?.FailureReason ?? "the conversation failed";
            _failed = true;   // released after this Pump, so the failure's own events still arrive
        }

        /// <summary>The host when it runs; otherwise null, with a warning naming the action and the state.</summary>
        private ConversationHost? Running(string action)
        {
            if (_host != null && _host.State == HostState.Running) return _host;
            if (logErrors) Debug.LogWarning($"VoiceNpc: {action} needs a running conversation; it is {State} (call StartConversation, " +
                "then wait for Running)", this);
            return null;
        }

        private void Fail(string reason, Exception? exception)
        {
            FailureReason = reason;
            if (exception != null && logErrors) Debug.LogException(exception, this);
            events.error.Invoke("start: " + reason);
            RaiseHostState(HostState.Failed);
        }

        private static string Folder(string configured, string kind) =>
            configured.Length > 0 ? configured : Path.Combine(Application.persistentDataPath, "VoiceNpc", kind);
    }
}
