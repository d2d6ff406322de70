namespace VoiceNpc.Characters
{
    /// <summary>One thing wrong with a character file: where (file and JSON path), and what was expected there.</summary>
    public sealed record CharacterProblem(string File, string JsonPath, string Expected)
    {
        public override string ToString() => $"{File}: {JsonPath}: expected {Expected}";
    }
}
