using System;
using System.Collections.Generic;
using VoiceNpc.Conversation;

namespace VoiceNpc.Presentation
{
    /// <summary>
    /// Blend shape weights for lip-sync, driven by <see cref="VisemeChanged"/> events (raised when the speakers reach
    /// each phone, so they are timed by the played-sample clock). <see cref="Show"/> sets every channel's target to the
    /// mouth shape's pose for the phone's duration, after which the mouth closes (silence) unless another phone came;
    /// <see cref="Advance"/> moves each channel toward its target with its own attack and release. Game thread only;
    /// nothing allocates after construction.
    /// </summary>
    public sealed class VisemeWeights
    {
        // Etc is the last mouth shape (Enum.GetValues is not AOT-safe); a test shows every Viseme has a pose.
        private const int VisemeCount = (int)Viseme.Etc + 1;

        private readonly BlendShapeTiming[] _timing;
        private readonly float[][] _poses;   // per viseme: every channel's target
        private readonly float[] _weights;
        private float[] _target;
        private double _holdSeconds;

        /// <param name="channels">One timing per blend shape channel.</param>
        /// <param name="targets">Each mouth shape's channel weights; a channel a mouth shape does not name is 0 for it.</param>
        public VisemeWeights(IReadOnlyList<BlendShapeTiming> channels, IEnumerable<VisemeTarget> targets)
        {
            if (channels == null) throw new ArgumentNullException(nameof(channels));
            if (targets == null) throw new ArgumentNullException(nameof(targets));
            _timing = new BlendShapeTiming[channels.Count];
            for (int i = 0; i < _timing.Length; i++) _timing[i] = channels[i];
            _poses = new float[VisemeCount][];
            for (int v = 0; v < VisemeCount; v++) _poses[v] = new float[_timing.Length];
            foreach (var target in targets)
            {
                if (target.Channel >= _timing.Length)
                    throw new ArgumentOutOfRangeException(nameof(targets), target.Channel,
                        $"{target.Viseme} names channel {target.Channel}, but there are {_timing.Length} channels");
                _poses[(int)target.Viseme][target.Channel] = target.Weight;
            }
            _weights = new float[_timing.Length];
            _target = _poses[(int)Viseme.Silence];
        }

        /// <summary>The blend shape channels' current weights.</summary>
        public IReadOnlyList<float> Weights => _weights;

        /// <summary>The mouth shape whose pose the channels move toward now.</summary>
        public Viseme Current { get; private set; }

        /// <summary>Shows <paramref name="viseme"/> for <paramref name="duration"/> (a phone's length), then silence.</summary>
        public void Show(Viseme viseme, TimeSpan duration)
        {
            int index = (int)viseme;
            if (index < 0 || index >= VisemeCount) throw new ArgumentOutOfRangeException(nameof(viseme), viseme, "not a Viseme");
            Current = viseme;
            _target = _poses[index];
            _holdSeconds = Math.Max(0, duration.TotalSeconds);
        }

        /// <summary>Closes the mouth now (the line ended or was interrupted); the channels release from where they are.</summary>
        public void Silence()
        {
            Current = Viseme.Silence;
            _target = _poses[(int)Viseme.Silence];
            _holdSeconds = 0;
        }

        /// <summary>Closes the mouth at once: every weight 0 (the face is disabled or the conversation stopped).</summary>
        public void Reset()
        {
            Silence();
            Array.Clear(_weights, 0, _weights.Length);
        }

        /// <summary>Moves the weights <paramref name="seconds"/> of game time on (the frame's delta time).</summary>
        public void Advance(double seconds)
        {
            if (!(seconds >= 0)) throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "time moves forward");
            if (Current != Viseme.Silence)
            {
                _holdSeconds -= seconds;
                if (_holdSeconds <= 0) Silence();
            }
            for (int i = 0; i < _weights.Length; i++)
            {
                float target = _target[i];
                double tau = target > _weights[i] ? _timing[i].AttackSeconds : _timing[i].ReleaseSeconds;
                double step = tau <= 0 ? 1 : 1 - Math.Exp(-seconds / tau);
                _weights[i] += (float)((target - _weights[i]) * step);
            }
        }
    }
}
