using System;

namespace VoiceNpc.Cli.Package
{
    /// <summary>A package that cannot be read, built or checked at all (a missing folder, an unreadable tarball); the message says which and
    /// why.</summary>
    public sealed class PackageException : Exception
    {
        public PackageException(string message) : base(message) { }
    }
}
