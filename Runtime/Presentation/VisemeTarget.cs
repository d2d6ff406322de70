using System;
using VoiceNpc.Conversation;

namespace VoiceNpc.Presentation
{
    /// <summary>How far one blend shape (a channel of <see cref="VisemeWeights"/>) opens for one mouth shape.</summary>
    public readonly struct VisemeTarget
    {
        /// <param name="viseme">The mouth shape.</param>
        /// <param name="channel">The blend shape's channel index, 0 to the channel count less one.</param>
        /// <param name="weight">The channel's weight while the mouth shape shows (a blend shape's 0..100, or any scale).</param>
        public VisemeTarget(Viseme viseme, int channel, float weight)
        {
            if (channel < 0) throw new ArgumentOutOfRangeException(nameof(channel), channel, "a channel index is 0 or more");
            if (float.IsNaN(weight) || float.IsInfinity(weight))
                throw new ArgumentOutOfRangeException(nameof(weight), weight, "a weight must be a finite number");
            Viseme = viseme;
            Channel = channel;
            Weight = weight;
        }

        public Viseme Viseme { get; }
        public int Channel { get; }
        public float Weight { get; }
    }
}
