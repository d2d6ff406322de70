using System;
using System.Collections.Generic;
using System.Threading.Channels;
using VoiceNpc.Audio;
using VoiceNpc.Brain;
using VoiceNpc.Characters;
using VoiceNpc.Timing;
using VoiceNpc.Tts;
using VoiceNpc.Vad;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The managed audio pump: once per 20 ms frame it reads the microphone, runs the VAD, drives turn taking
    /// (endpoint, barge-in, thinking budget), hands audio to the STT worker and NPC speech to the speakers. Single
    /// threaded, and allocation-free per frame while nobody is speaking or being heard. The game's controls (typed text,
    /// lines, interrupt, push-to-talk, mute) are applied at the start of a frame (<c>ConversationPump.Controls.cs</c>).
    /// </summary>
    internal sealed partial class ConversationPump
    {
        private readonly IAudioDevice _device;
        private readonly IClock _clock;
        private readonly TurnTakingSettings _settings;
        private readonly EventQueue _events;
        private readonly VadChain _vad;
        private readonly SpeechSegmenter _segmenter;
        private readonly PreRollBuffer _preRoll;
        private readonly FramePool _pool;
        private readonly TrackedChannel<SttInput> _stt;
        private readonly ChannelReader<PlaybackItem> _playback;
        private readonly PlaybackScheduler _scheduler;
        private readonly FillerLines _fillers;
        private readonly ConversationMemory _memory;
        private readonly CharacterDefinition _character;
        private readonly ConversationControls _controls;
        private readonly TrackedChannel<ReplyRequest> _replies;
        private readonly short[] _frame = new short[AudioFormat.FrameSamples];
        private readonly List<PlaybackMark> _dueMarks = new List<PlaybackMark>();
        private TurnContext? _utterance;
        private TimeSpan _utteranceStart;
        private TurnContext? _reply;
        private TimeSpan _thinkingSince;
        private bool _fillerPlayed, _lineStarted;
        private TimeSpan? _firstSampleOut;
        private int _nextTurnId = 1;
        private bool _faultReported;
        private TimeSpan _previousFrameAt;

        public ConversationPump(IAudioDevice device, IClock clock, CharacterDefinition character, EventQueue events, VadChain vad,
            FramePool pool, TrackedChannel<SttInput> stt, ChannelReader<PlaybackItem> playback, FillerLines fillers, ConversationMemory memory,
            ConversationControls controls, TrackedChannel<ReplyRequest> replies)
        {
            _character = character;
            _controls = controls;
            _replies = replies;
            _device = device;
            _clock = clock;
            _settings = character.TurnTaking;
            _events = events;
            _vad = vad;
            _pool = pool;
            _stt = stt;
            _playback = playback;
            _fillers = fillers;
            _memory = memory;
            _segmenter = new SpeechSegmenter(_settings.SpeechStartSeconds, _settings.VadStopSeconds);
            _preRoll = new PreRollBuffer((int)((_settings.PreRollSeconds + _settings.SpeechStartSeconds) * AudioFormat.SampleRate) + AudioFormat.FrameSamples);
            _scheduler = new PlaybackScheduler(device);
        }

        public TurnState State { get; private set; } = TurnState.Listening;

        /// <summary>Frames the STT stage could not take because it fell behind (dropped, counted).</summary>
        public long DroppedFrames { get; private set; }

        public void ProcessFrame()
        {
            var now = _clock.Now;
            if (!_controls.IsEmpty) ApplyControls(now);
            int read = _device.ReadCapture(_frame);
            if (read < _frame.Length) Array.Clear(_frame, read, _frame.Length - read);
            if (_controls.MicrophoneMuted) Array.Clear(_frame, 0, _frame.Length);   // heard as silence: the VAD ends an utterance as usual
            ReportDeviceFault(now);

            bool voiced = _vad.Process(_frame, now) >= _settings.VadThreshold;
            var signal = _segmenter.Update(voiced, now);
            _preRoll.Write(_frame);
            HandleSpeech(signal, now);
            ServicePlayback(now);
        }

        /// <summary>
        /// The speaking half of a frame, also run between frames for a live device whose microphone delivers in
        /// bursts, so the speakers never wait for the microphone.
        /// </summary>
        public void ServicePlayback() => ServicePlayback(_clock.Now);

        private void ServicePlayback(TimeSpan now)
        {
            if (_reply != null) HandleReply(now);
            _scheduler.Feed();
            AnnounceMarks(now);
            _previousFrameAt = now;
        }

        private void HandleSpeech(SpeechSegmenter.Signal signal, TimeSpan now)
        {
            if (signal == SpeechSegmenter.Signal.Started)
            {
                if (_utterance == null) BeginUtterance(now);
                return;
            }
            if (_utterance == null) return;
            SendFrame(_frame, _frame.Length);
            bool candidateBargeIn = _reply != null;
            if (signal == SpeechSegmenter.Signal.Stopped)
            {
                if (candidateBargeIn) CancelUtterance();   // too short to interrupt: a cough or an "mhm"
                else Endpoint(now);
                return;
            }
            if (candidateBargeIn)
            {
                if (_segmenter.SpeechDuration.TotalSeconds >= _settings.BargeInMinSeconds) BargeIn(now);
            }
            else if (_utterance.SttEndOfSpeech || (now - _utteranceStart).TotalSeconds >= _settings.MaxTurnSeconds)
            {
                Endpoint(now);
            }
        }

        private void BeginUtterance(TimeSpan now)
        {
            _utterance = new TurnContext(_nextTurnId++);
            _utteranceStart = _segmenter.SpeechStart;
            Post(SttInputKind.Begin, _utterance);
            // The pre-roll ends with the current frame, so it replaces sending this frame live.
            int preRoll = Math.Min(_preRoll.Count, (int)(_settings.PreRollSeconds * AudioFormat.SampleRate) + _segmenter.StartFrames * AudioFormat.FrameSamples);
            for (int sent = 0; sent < preRoll; sent += _pool.FrameSamples)
            {
                int length = Math.Min(_pool.FrameSamples, preRoll - sent);
                if (!_pool.TryRent(out var frame)) { DroppedFrames++; continue; }
                _preRoll.CopyNewest(preRoll, sent, new Span<short>(frame, 0, length));
                PostFrame(frame, length);
            }
            if (_reply == null) SetState(TurnState.PlayerSpeaking, now);
        }

        private void SendFrame(short[] source, int length)
        {
            if (!_pool.TryRent(out var frame)) { DroppedFrames++; return; }
            Array.Copy(source, frame, length);
            PostFrame(frame, length);
        }

        private void PostFrame(short[] frame, int length)
        {
            if (_stt.TryWrite(new SttInput(SttInputKind.Audio, _utterance!, frame, length))) return;
            _pool.Return(frame);
            DroppedFrames++;
        }

        private void Post(SttInputKind kind, TurnContext turn)
        {
            // Control messages are not dropped: the channel has room for them beyond the audio the pool can lend out.
            if (!_stt.TryWrite(new SttInput(kind, turn))) DroppedFrames++;
        }

        private void CancelUtterance()
        {
            Post(SttInputKind.Cancel, _utterance!);
            _utterance!.Dispose();
            _utterance = null;
        }

        private void Endpoint(TimeSpan now)
        {
            var turn = _utterance!;
            turn.EndOfSpeech = _segmenter.LastVoicedEnd;
            Post(SttInputKind.Finalize, turn);
            _utterance = null;
            AwaitReply(turn, now);
        }

        /// <summary>The NPC's turn begins: it thinks (or, for a line, synthesizes) until its audio reaches the speakers.</summary>
        private void AwaitReply(TurnContext turn, TimeSpan now)
        {
            _reply = turn;
            _thinkingSince = now;
            _fillerPlayed = turn.Origin == TurnOrigin.Line;   // a line is not an answer the NPC thinks about: no filler
            _lineStarted = false;
            _firstSampleOut = null;
            SetState(TurnState.Thinking, now);
        }

        private void BargeIn(TimeSpan now)
        {
            CutOff(now);
            SetState(TurnState.PlayerSpeaking, now);
        }

        /// <summary>Stops the reply now (brain and voice cancelled, playback cleared); memory keeps the words the speakers reached.</summary>
        private void CutOff(TimeSpan now)
        {
            var interrupted = _reply!;
            interrupted.Cancel();
            string heard = LeadingWords(interrupted.NpcText, _scheduler.HeardWordCount(interrupted));
            _scheduler.Clear();
            FinishReply(now, interrupted: true, heard);
        }

        /// <summary>The text up to the end of its <paramref name="count"/>-th word, punctuation kept.</summary>
        private static string LeadingWords(string text, int count)
        {
            int i = 0;
            for (int word = 0; word < count && i < text.Length; word++)
            {
                while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
                while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            }
            return text.Substring(0, i).Trim();
        }

        private void HandleReply(TimeSpan now)
        {
            var turn = _reply!;
            // Read the completion flag before draining: everything written before it is then in the channel.
            bool complete = turn.ReplyComplete;
            while (_playback.TryRead(out var item))
            {
                if (item.Turn == turn && !turn.IsCancelled) _scheduler.Enqueue(turn, item.Chunk, false, turn.NpcText);
            }
            if (turn.Origin != TurnOrigin.Line && turn.TranscriptReady && turn.PlayerText.Length == 0)
            {
                FinishReply(now, interrupted: false, "");
                return;
            }
            if (!_fillerPlayed && !turn.FirstAudioAt.HasValue && (now - _thinkingSince).TotalSeconds >= _settings.ThinkingBudgetSeconds)
                PlayFiller(turn, now);
            if (complete && _scheduler.IsDrained) FinishReply(now, interrupted: false, turn.NpcText);
        }

        private void PlayFiller(TurnContext turn, TimeSpan now)
        {
            _fillerPlayed = true;
            var filler = _fillers.Next();
            if (filler == null) return;
            _scheduler.Enqueue(turn, filler.Value.Audio, true, filler.Value.Text);
            _events.Post(new FillerStarted(now, turn.Id, filler.Value.Text));
        }

        private void FinishReply(TimeSpan now, bool interrupted, string heard)
        {
            var turn = _reply!;
            _reply = null;
            if (_lineStarted) _events.Post(new NpcLineEnded(now, turn.Id, turn.NpcText, heard, interrupted, _device.PlayedSamples));
            Remember(turn, heard, interrupted);
            _events.Post(new TurnCompleted(now, new TurnMetrics(
                turn.Id, turn.PlayerText, heard, interrupted, _fillerPlayed && turn.Origin != TurnOrigin.Line, turn.SttProvider, turn.LlmProvider,
                turn.TtsProvider, turn.EndOfSpeech, turn.FinalTranscriptAt, turn.FirstTokenAt, turn.FirstClauseAt, turn.FirstAudioAt, _firstSampleOut)
            { Origin = turn.Origin }));
            _scheduler.Forget(turn);
            turn.Dispose();
            if (!interrupted) SetState(_utterance != null ? TurnState.PlayerSpeaking : TurnState.Listening, now);
        }

        private void AnnounceMarks(TimeSpan now)
        {
            _scheduler.TakeDueMarks(_dueMarks);
            if (_dueMarks.Count == 0) return;
            long played = _device.PlayedSamples;
            foreach (var mark in _dueMarks)
            {
                // The speakers passed the mark during the last frame: place it at its own time, not the frame's end,
                // but never before that frame began (frames run late and back to back when the pump catches up).
                var at = now - AudioFormat.DurationOf(played - mark.Position);
                if (at < _previousFrameAt) at = _previousFrameAt;
                if (mark.Turn != _reply) continue;
                switch (mark.Kind)
                {
                    case PlaybackMarkKind.SegmentStart:
                        if (State == TurnState.Thinking) SetState(TurnState.NpcSpeaking, at);
                        if (!mark.IsFiller && !_lineStarted)
                        {
                            _lineStarted = true;
                            _firstSampleOut = at;
                            _events.Post(new NpcLineStarted(at, mark.Turn.Id, mark.Turn.NpcText, mark.Position));
                        }
                        break;
                    case PlaybackMarkKind.Word:
                        _events.Post(new SubtitleWord(at, mark.Turn.Id, mark.Text, mark.Duration));
                        break;
                    case PlaybackMarkKind.Phone:
                        _events.Post(new VisemeChanged(at, mark.Turn.Id, VisemeMap.ForPhone(mark.Text), mark.Duration));
                        break;
                }
            }
            _dueMarks.Clear();
        }

        private void ReportDeviceFault(TimeSpan now)
        {
            if (_device.Fault == null) { _faultReported = false; return; }   // healthy (again, after a reopen)
            if (_faultReported) return;
            _faultReported = true;
            _events.Post(new ConversationError(now, "audio", _device.Fault, null));
        }

        private void SetState(TurnState state, TimeSpan at)
        {
            if (state == State) return;
            _events.Post(new StateChanged(at, State, state));
            State = state;
        }
    }
}
