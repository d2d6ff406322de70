using Microsoft.Win32.SafeHandles;

namespace VoiceNpc.Audio.Native
{
    /// <summary>Owns a vna_engine: destroying it stops the audio thread and closes the devices exactly once.</summary>
    internal sealed class NativeEngineHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public NativeEngineHandle() : base(ownsHandle: true) { }

        protected override bool ReleaseHandle()
        {
            NativeMethods.EngineDestroy(handle);
            return true;
        }
    }
}
