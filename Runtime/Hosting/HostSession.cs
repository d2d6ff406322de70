using System;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Audio;
using VoiceNpc.Caching;
using VoiceNpc.Characters;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;
using VoiceNpc.Timing;

namespace VoiceNpc.Hosting
{
    /// <summary>
    /// One <see cref="ConversationHost.Start"/>: opens the device, loads the memory, resolves the providers and starts
    /// the conversation on a worker, then tears it all down once, in the reverse order, when asked. Its events go to
    /// the host's queue; it never throws into the game loop.
    /// </summary>
    internal sealed class HostSession
    {
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly object _gate = new object();
        private readonly HostPlan _plan;
        private readonly EventQueue _events;
        private IAudioDevice? _device;
        private PlayerMemory? _memory;
        private MemorySaver? _saver;
        private volatile VoiceConversation? _conversation;
        private Task? _teardown;

        public HostSession(HostPlan plan, EventQueue events)
        {
            _plan = plan;
            _events = events;
        }

        /// <summary>Runs the start on a worker; <paramref name="started"/> or <paramref name="failed"/> is called from there.</summary>
        public void Start(Action<HostSession> started, Action<HostSession, string, Exception> failed) =>
            Starting = Task.Run(() => StartAsync(started, failed));

        /// <summary>The start in progress or done; never faults.</summary>
        public Task Starting { get; private set; } = Task.CompletedTask;

        /// <summary>The running conversation, once started.</summary>
        public VoiceConversation? Conversation => _conversation;

        /// <summary>Completes when the memory saves requested so far have finished (tests).</summary>
        public Task SavesIdle => _saver?.Idle ?? Task.CompletedTask;

        /// <summary>Stops everything this session opened (once; later calls get the same task, which never faults).</summary>
        public Task Teardown()
        {
            lock (_gate) return _teardown ??= Task.Run(TeardownAsync);
        }

        private async Task StartAsync(Action<HostSession> started, Action<HostSession, string, Exception> failed)
        {
            var token = _cancel.Token;
            string step = "open the audio device";
            ConversationProviders? providers = null;
            try
            {
                _device = _plan.OpenDevice() ?? throw new InvalidOperationException("ConversationHostSettings.OpenDevice returned null");
                token.ThrowIfCancellationRequested();
                step = "load the player's memory";
                _memory = OpenMemory();
                step = "open the audio cache";
                var cache = _plan.CacheFolder == null ? null : new AudioCache(_plan.CacheFolder);
                step = "resolve the character's providers";
                providers = _plan.Catalog.Resolve(_plan.Character, () => _plan.Clock.Now);
                if (cache != null) providers.Cache = cache;
                token.ThrowIfCancellationRequested();
                step = "start the conversation";
                var owned = providers;
                providers = null;   // the conversation owns them now, and disposes them if it fails to start
                var conversation = await VoiceConversation.StartAsync(_plan.Character, owned, _device, _plan.Clock, _memory?.Conversation, token)
                    .ConfigureAwait(false);
                if (_memory != null) _saver = new MemorySaver(_memory.Save, SaveFailed);
                conversation.EventRaised += Forward;
                _conversation = conversation;
            }
            catch (Exception e)
            {
                providers?.Dispose();
                ReleaseDevice();
                if (!token.IsCancellationRequested) failed(this, $"could not {step}: {e.Message}", e);
                return;
            }
            started(this);
        }

        private PlayerMemory? OpenMemory()
        {
            if (_plan.MemoryFolder == null) return null;
            var memory = PlayerMemory.Open(new MemoryStore(_plan.MemoryFolder), _plan.Character, _plan.PlayerId);
            var loaded = memory.Loaded;
            if (loaded.Problem != null)
            {
                string source = loaded.Source == MemorySource.Backup ? "the previous save" : "a new memory";
                string kept = string.IsNullOrEmpty(loaded.DamagedCopy) ? "" : $" (the damaged file is kept as {loaded.DamagedCopy})";
                _events.Post(new ConversationError(_plan.Clock.Now, "memory", $"{loaded.Problem.Message}; using {source}{kept}", loaded.Problem));
            }
            return memory;
        }

        /// <summary>The conversation's events, taken by the host's Pump (or the teardown): saves after turns, queued for the game.</summary>
        private void Forward(ConversationEvent e)
        {
            if (e is TurnCompleted) _saver?.Request();
            _events.Post(e);
        }

        private void SaveFailed(Exception e) => _events.Post(new ConversationError(_plan.Clock.Now, "memory",
            $"the memory of player \"{_plan.PlayerId}\" was not saved (it is kept and saved again after the next turn): {e.Message}", e));

        private async Task TeardownAsync()
        {
            _cancel.Cancel();
            await Starting.ConfigureAwait(false);
            var conversation = _conversation;
            _conversation = null;
            if (conversation != null)
            {
                try { await conversation.DisposeAsync().ConfigureAwait(false); }
                catch (Exception e) { Report("shutdown", "the conversation did not stop cleanly: " + e.Message, e); }
                conversation.Drain(Forward);   // its last events (shutdown errors) go to the host's queue, raising nothing here
            }
            ReleaseDevice();
            if (_saver != null)
            {
                _saver.Request();   // what changed since the last turn: facts, a turn cut short by the stop
                await _saver.Idle.ConfigureAwait(false);
            }
        }

        private void ReleaseDevice()
        {
            var device = _device;
            _device = null;
            try { device?.Dispose(); }
            catch (Exception e) { Report("audio", "the audio device did not close cleanly: " + e.Message, e); }
        }

        private void Report(string stage, string message, Exception e) => _events.Post(new ConversationError(_plan.Clock.Now, stage, message, e));
    }
}
