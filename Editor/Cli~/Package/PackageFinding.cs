namespace VoiceNpc.Cli.Package
{
    /// <summary>One thing wrong with the package: the file (relative to the package root) and what is wrong with it.</summary>
    public sealed record PackageFinding(string Path, string Problem)
    {
        public override string ToString() => $"{Path}: {Problem}";
    }
}
