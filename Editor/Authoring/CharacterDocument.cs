using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using VoiceNpc.Storage;

namespace VoiceNpc.Authoring
{
    /// <summary>
    /// A character file open for editing. Saving never loses an edit: invalid content is refused with its issues,
    /// a file changed on disk since it was loaded is not overwritten, and the replace is atomic (a temp file, fsync,
    /// a ".bak" of the previous version, rename), so a crash leaves the old file or the new one, never half of one.
    /// </summary>
    public sealed class CharacterDocument
    {
        /// <summary>The bytes as loaded, while <see cref="Text"/> is still their (leniently decoded) text.</summary>
        private byte[]? _loaded;

        private CharacterDocument(string path, string text, string stamp, byte[]? loaded = null)
        {
            Path = path;
            Text = text;
            Stamp = stamp;
            _loaded = loaded;
        }

        public string Path { get; }

        /// <summary>The content as last loaded or saved.</summary>
        public string Text { get; private set; }

        /// <summary>SHA-256 of the bytes on disk when loaded or saved: what "changed since" is measured against.</summary>
        public string Stamp { get; private set; }

        /// <summary>
        /// The issues the game would find: of the bytes on disk until the text is saved, so a file the editor can only
        /// show with replacement characters (invalid UTF-8) is still reported, and saving the repaired text fixes it.
        /// </summary>
        public IReadOnlyList<ValidationIssue> Issues => _loaded != null ? CharacterValidator.Validate(_loaded, Path) : CharacterValidator.Validate(Text, Path);

        public static CharacterDocument Open(string path)
        {
            var bytes = File.ReadAllBytes(path);
            return new CharacterDocument(path, Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), StampOf(bytes), bytes);
        }

        /// <summary>Writes <paramref name="text"/> if it is valid and the file is as loaded; <paramref name="expectedStamp"/> overrides the loaded stamp (a browser's copy).</summary>
        public void Save(string text, string? expectedStamp = null)
        {
            lock (SaveGate) SaveLocked(text, expectedStamp);
        }

        /// <summary>One save at a time in this process, so two editors cannot both pass the "changed on disk" check before either writes.</summary>
        private static readonly object SaveGate = new object();

        private void SaveLocked(string text, string? expectedStamp)
        {
            var issues = CharacterValidator.Validate(text, Path);
            if (CharacterValidator.HasErrors(issues)) throw new CharacterSaveException(Path, "the content is not a valid character", issues);
            string expected = expectedStamp ?? Stamp;
            string onDisk = File.Exists(Path) ? StampOf(File.ReadAllBytes(Path)) : "";
            if (onDisk != expected)
                throw new CharacterSaveException(Path, "the file changed on disk since it was loaded; reload it (your edits are kept in the editor) and save again", Array.Empty<ValidationIssue>(), stale: true);
            var bytes = Encoding.UTF8.GetBytes(text);
            AtomicFile.Write(Path, bytes);
            Text = text;
            Stamp = StampOf(bytes);
            _loaded = null;
        }

        /// <summary>Writes a new file; refuses to replace one that exists.</summary>
        public static CharacterDocument Create(string path, string text)
        {
            if (File.Exists(path)) throw new CharacterSaveException(path, "a file is already there; choose another name or edit that one", Array.Empty<ValidationIssue>());
            var issues = CharacterValidator.Validate(text, path);
            if (CharacterValidator.HasErrors(issues)) throw new CharacterSaveException(path, "the content is not a valid character", issues);
            var bytes = Encoding.UTF8.GetBytes(text);
            AtomicFile.Write(path, bytes, keepBackup: false);
            return new CharacterDocument(path, text, StampOf(bytes));
        }

        public static string StampOf(byte[] bytes)
        {
            using var sha = SHA256.Create();
            return BitConverter.ToString(sha.ComputeHash(bytes)).Replace("-", "").ToLowerInvariant();
        }
    }
}
