namespace VoiceNpc.Authoring
{
    public enum IssueSeverity { Error, Warning }

    /// <summary>
    /// One finding about a character file: where (file and JSON path), what was expected there, and a hint for fixing
    /// it. An error makes the file unusable; a warning is legal but likely to disappoint a player.
    /// </summary>
    public sealed record ValidationIssue(string File, string JsonPath, string Expected, string Hint, IssueSeverity Severity)
    {
        public override string ToString() =>
            $"{File}: {JsonPath}: {(Severity == IssueSeverity.Warning ? "warning: " : "")}expected {Expected}{(Hint.Length > 0 ? $" (hint: {Hint})" : "")}";
    }
}
