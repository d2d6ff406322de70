using System;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// One registered Flite voice. Its feature set is shared by every synthesis, so prosody is set before each one
    /// (under <see cref="FliteEngine"/>'s lock) and a request without a pitch gets the voice's own pitch back.
    /// </summary>
    internal sealed unsafe class FliteVoice
    {
        private readonly IntPtr features;
        private readonly float? ownPitch;    // null: the voice's model picks its pitch
        private readonly float ownStretch;

        public FliteVoice(FliteNative.Voice* voice)
        {
            Handle = (IntPtr)voice;
            features = voice->Features;
            ownPitch = IsSet(FliteName.F0Mean)
                ? FliteNative.flite_get_param_float(features, FliteName.F0Mean.Pointer, 0f)
                : (float?)null;
            ownStretch = FliteNative.flite_get_param_float(features, FliteName.DurationStretch.Pointer, 1f);
        }

        public IntPtr Handle { get; }

        /// <summary>Mean pitch in Hz (null: the voice's own) and speed relative to the voice's natural speed.</summary>
        public void ApplyProsody(float? pitch, float rate)
        {
            float? target = pitch ?? ownPitch;
            if (target.HasValue)
                FliteNative.flite_feat_set_float(features, FliteName.F0Mean.Pointer, target.Value);
            else
                FliteNative.flite_feat_remove(features, FliteName.F0Mean.Pointer);
            FliteNative.flite_feat_set_float(features, FliteName.DurationStretch.Pointer, ownStretch / rate);
        }

        private bool IsSet(FliteName name) =>
            FliteNative.flite_get_param_val(features, name.Pointer, IntPtr.Zero) != IntPtr.Zero;
    }
}
