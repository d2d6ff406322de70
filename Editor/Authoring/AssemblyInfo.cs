using System.Runtime.CompilerServices;

// In code, not in the csproj: Unity compiles the asmdef and never reads the csproj.
[assembly: InternalsVisibleTo("VoiceNpc.Tests")]
