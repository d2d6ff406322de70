using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace VoiceNpc.Cli.Package
{
    /// <summary>The files of a package (from a tarball or from disk) by path relative to the package root, and the folders they imply.</summary>
    public sealed class PackageTree
    {
        private readonly SortedDictionary<string, byte[]> _files;

        public PackageTree(IEnumerable<KeyValuePair<string, byte[]>> files)
        {
            _files = new SortedDictionary<string, byte[]>(files.ToDictionary(f => f.Key, f => f.Value), System.StringComparer.Ordinal);
            Folders = new SortedSet<string>(_files.Keys.SelectMany(UnityAssetPaths.Parents), System.StringComparer.Ordinal);
        }

        public IEnumerable<string> Files => _files.Keys;

        public SortedSet<string> Folders { get; }

        public bool HasFile(string path) => _files.ContainsKey(path);

        public bool Exists(string path) => _files.ContainsKey(path) || Folders.Contains(path);

        public byte[] Bytes(string path) => _files[path];

        public string Text(string path) => Encoding.UTF8.GetString(_files[path]);

        public IEnumerable<string> FilesWithExtension(string extension) => Files.Where(f => UnityAssetPaths.Extension(f) == extension);
    }
}
