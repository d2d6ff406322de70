using System.Runtime.InteropServices;

namespace VoiceNpc.Storage
{
    /// <summary>The POSIX calls crash-safe saving needs and .NET Standard lacks: atomic rename over a file, hard links, fsync of a folder.</summary>
    internal static class PosixFiles
    {
        [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
        public static extern int Rename([MarshalAs(UnmanagedType.LPUTF8Str)] string from, [MarshalAs(UnmanagedType.LPUTF8Str)] string to);

        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        public static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

        [DllImport("libc", EntryPoint = "unlink", SetLastError = true)]
        public static extern int Unlink([MarshalAs(UnmanagedType.LPUTF8Str)] string path);

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int descriptor);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int descriptor);
    }
}
