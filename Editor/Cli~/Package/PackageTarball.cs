using System;
using System.Collections.Generic;
using System.Formats.Tar;
using System.IO;
using System.IO.Compression;

namespace VoiceNpc.Cli.Package
{
    /// <summary>
    /// Writes and reads the UPM tarball: gzip'd tar with every file under a top-level "package/" folder, as `npm pack`
    /// makes it and Unity's "Add package from tarball" expects. Written in C# (System.Formats.Tar) rather than with
    /// `npm pack`, so what goes in is <see cref="PackageSource"/>'s rule and not an .npmignore beside it, and so entries
    /// are in ordinal order with a fixed time and mode: the same sources give the same bytes. GNU format, because .NET's
    /// ustar writer refuses names over 100 characters and its pax headers are named after the process id.
    /// </summary>
    public static class PackageTarball
    {
        public const string Prefix = "package/";

        /// <summary>npm's fixed entry time, for reproducible tarballs.</summary>
        private static readonly DateTimeOffset EntryTime = new DateTimeOffset(1985, 10, 26, 8, 15, 0, TimeSpan.Zero);

        public static void Write(string tarball, IEnumerable<(string Path, byte[] Bytes)> files)
        {
            using var output = File.Create(tarball);
            using var gzip = new GZipStream(output, CompressionLevel.SmallestSize);
            using var tar = new TarWriter(gzip, TarEntryFormat.Gnu, leaveOpen: false);
            foreach (var (path, bytes) in files)
            {
                var entry = new GnuTarEntry(TarEntryType.RegularFile, Prefix + path)
                {
                    ModificationTime = EntryTime,
                    AccessTime = EntryTime,
                    ChangeTime = EntryTime,
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                    DataStream = new MemoryStream(bytes, writable: false),
                };
                tar.WriteEntry(entry);
            }
        }

        /// <summary>
        /// The files of a tarball by path inside "package/"; a file outside it, a link or an unreadable archive is a
        /// <see cref="PackageException"/>.
        /// </summary>
        public static PackageTree Read(string tarball)
        {
            if (!File.Exists(tarball)) throw new PackageException($"{tarball}: no such file");
            var files = new List<KeyValuePair<string, byte[]>>();
            try
            {
                using var input = File.OpenRead(tarball);
                using var gzip = new GZipStream(input, CompressionMode.Decompress);
                using var tar = new TarReader(gzip);
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType == TarEntryType.Directory) continue;
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                        throw new PackageException($"{tarball}: {entry.Name} is a {entry.EntryType}, not a file (Unity's import cannot use it)");
                    if (!entry.Name.StartsWith(Prefix, StringComparison.Ordinal))
                        throw new PackageException($"{tarball}: {entry.Name} is outside the top-level \"package/\" folder Unity expects");
                    using var bytes = new MemoryStream();
                    entry.DataStream?.CopyTo(bytes);
                    files.Add(KeyValuePair.Create(entry.Name.Substring(Prefix.Length), bytes.ToArray()));
                }
            }
            catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
            {
                throw new PackageException($"{tarball} is not a readable .tgz: {e.Message}");
            }
            return new PackageTree(files);
        }
    }
}
