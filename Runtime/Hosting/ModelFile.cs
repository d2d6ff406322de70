namespace VoiceNpc.Hosting
{
    /// <summary>
    /// One model file the runtime loads: its name in the model folder (ending in ".bytes", so Unity imports it as a
    /// TextAsset), its exact length and SHA-256 (so a truncated or damaged copy is caught before a native library reads it).
    /// </summary>
    public sealed class ModelFile
    {
        internal ModelFile(string fileName, long length, string sha256, string description)
        {
            FileName = fileName;
            Length = length;
            Sha256 = sha256;
            Description = description;
        }

        public string FileName { get; }

        public long Length { get; }

        /// <summary>Lowercase hex.</summary>
        public string Sha256 { get; }

        /// <summary>What the file is, for messages: "the Silero VAD model".</summary>
        public string Description { get; }

        public override string ToString() => FileName;
    }
}
