using System;
using System.Runtime.InteropServices;
using System.Text;

namespace VoiceNpc.Providers.Flite
{
    /// <summary>
    /// A constant, NUL-terminated UTF-8 name (relation or feature) in unmanaged memory that is never freed: Flite keeps
    /// feature names by pointer, so a name it was once given must outlive every voice.
    /// </summary>
    internal sealed unsafe class FliteName
    {
        public static readonly FliteName Segment = new FliteName("Segment");
        public static readonly FliteName Word = new FliteName("Word");
        public static readonly FliteName SylStructure = new FliteName("SylStructure");
        public static readonly FliteName Name = new FliteName("name");
        public static readonly FliteName End = new FliteName("end");
        public static readonly FliteName F0Mean = new FliteName("int_f0_target_mean");
        public static readonly FliteName DurationStretch = new FliteName("duration_stretch");

        private FliteName(string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            IntPtr memory = Marshal.AllocHGlobal(bytes.Length + 1);
            Marshal.Copy(bytes, 0, memory, bytes.Length);
            Marshal.WriteByte(memory, bytes.Length, 0);
            Pointer = (byte*)memory;
        }

        public byte* Pointer { get; }
    }
}
