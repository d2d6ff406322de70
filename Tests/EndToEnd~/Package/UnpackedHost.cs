using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security;
using NUnit.Framework;

namespace VoiceNpc.Tests.EndToEnd.Package
{
    /// <summary>
    /// A tiny game host compiled from the unpacked package alone: the Runtime asmdef's C# files and the package's
    /// managed plugins (no project reference into the repository, no NuGet), run with the package's native folder
    /// as the library search path.
    /// </summary>
    public static class UnpackedHost
    {
        /// <summary>Builds the host into <paramref name="folder"/> and returns the path of its DLL.</summary>
        public static string Build(UnpackedPackage package, string folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "Program.cs"), Program);
            File.WriteAllText(Path.Combine(folder, "UnpackedHost.csproj"), HostProject(package));
            Directory.CreateDirectory(Path.Combine(folder, "runtime"));
            File.WriteAllText(Path.Combine(folder, "runtime", "VoiceNpc.Runtime.csproj"), RuntimeProject(package));
            var (code, output) = Run("dotnet", new[] { "build", Path.Combine(folder, "UnpackedHost.csproj"), "-c", "Release", "-nologo", "-v", "q",
                "-clp:ErrorsOnly", "-o", Path.Combine(folder, "bin") }, new Dictionary<string, string>(), 600);
            Assert.That(code, Is.EqualTo(0), "the host did not compile from the unpacked package:\n" + output);
            return Path.Combine(folder, "bin", "UnpackedHost.dll");
        }

        /// <summary>
        /// Runs the host with the loader tracing which libraries it loads (LD_DEBUG=libs writes to stderr). No library
        /// path is set: as a Unity player does, the host loads each plugin by its full path, and the audio core finds
        /// OpenAL Soft through its RUNPATH $ORIGIN; the models reach the runtime through ModelExtraction.
        /// </summary>
        public static (int Code, string Output) Talk(string host, UnpackedPackage package, string work, string character,
            IEnumerable<string> clips)
        {
            var environment = new Dictionary<string, string> { ["LD_DEBUG"] = "libs", ["LD_LIBRARY_PATH"] = "" };
            var args = new[] { host, package.NativePlugins, package.Models, work, character }.Concat(clips);
            return Run("dotnet", args, environment, 300);
        }

        private static (int Code, string Output) Run(string file, IEnumerable<string> args, Dictionary<string, string> environment,
            int timeoutSeconds)
        {
            var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) info.ArgumentList.Add(a);
            foreach (var (name, value) in environment) info.Environment[name] = value;
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeoutSeconds * 1000))
            {
                process.Kill(true);
                Assert.Fail($"{file} {string.Join(" ", args)} did not finish in {timeoutSeconds} s");
            }
            return (process.ExitCode, stdout.Result + stderr.Result);
        }

        private static string References(UnpackedPackage package) =>
            string.Join("\n", package.ManagedDlls().Select(d => $"    <Reference Include=\"{SecurityElement.Escape(d)}\" />"));

        /// <summary>
        /// The Runtime asmdef's sources as Unity compiles them: netstandard 2.1, C# 9, against the package's DLLs alone
        /// (renamed VoiceNpc.Vendor.*; a net10.0 build would see the framework's own System.Text.Json beside them).
        /// </summary>
        private static string RuntimeProject(UnpackedPackage package)
        {
            string sources = string.Join("\n", package.RuntimeSources().Select(f => $"    <Compile Include=\"{SecurityElement.Escape(f)}\" />"));
            return $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.1</TargetFramework>
                    <AssemblyName>VoiceNpc.Runtime</AssemblyName>
                    <LangVersion>9.0</LangVersion>
                    <Nullable>enable</Nullable>
                    <AllowUnsafeBlocks>true</AllowUnsafeBlocks>
                    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <NoWarn>$(NoWarn);CS1591;CS8632</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                {sources}
                {References(package)}
                  </ItemGroup>
                </Project>
                """;
        }

        /// <summary>The game: an executable over that assembly, with the package's DLLs beside it.</summary>
        private static string HostProject(UnpackedPackage package) => $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <LangVersion>9.0</LangVersion>
                <Nullable>enable</Nullable>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
                <ImplicitUsings>disable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="Program.cs" />
                <ProjectReference Include="runtime/VoiceNpc.Runtime.csproj" />
            {References(package)}
              </ItemGroup>
            </Project>
            """;

        /// <summary>
        /// The host (C# 9, as a game would write it): lists the playback devices (loading the audio core and OpenAL Soft),
        /// then has the character answer each WAV on the embedded providers, printing "heard:" and "npc:" lines.
        /// </summary>
        private const string Program = """
            using System;
            using System.IO;
            using System.Linq;
            using System.Reflection;
            using System.Runtime.InteropServices;
            using System.Threading;
            using System.Threading.Tasks;
            using VoiceNpc.Audio;
            using VoiceNpc.Audio.Native;
            using VoiceNpc.Characters;
            using VoiceNpc.Conversation;
            using VoiceNpc.Hosting;
            using VoiceNpc.Providers;
            using VoiceNpc.Timing;

            public static class Program
            {
                // args: plugin folder, the package's model TextAssets folder, a writable folder, character, WAVs.
                public static async Task<int> Main(string[] args)
                {
                    string plugins = args[0];
                    // As Unity loads a plugin: by its full path in the plugin folder, never through a search path
                    // (names that are not plugins, such as libc, resolve as before).
                    DllImportResolver fromPlugins = (name, assembly, searchPath) =>
                    {
                        string file = Path.Combine(plugins, "lib" + name + ".so");
                        return File.Exists(file) ? NativeLibrary.Load(file) : IntPtr.Zero;
                    };
                    NativeLibrary.SetDllImportResolver(typeof(CharacterLoader).Assembly, fromPlugins);
                    NativeLibrary.SetDllImportResolver(Assembly.Load("VoiceNpc.Vendor.Microsoft.ML.OnnxRuntime"), fromPlugins);
                    // As VoiceNpcModels.Install does in Unity: the TextAssets' bytes, written once, proven.
                    VoiceNpcFolders.Models = ModelExtraction.ExtractTo(Path.Combine(args[2], "models"),
                        file => File.ReadAllBytes(Path.Combine(args[1], file.FileName)));
                    VoiceNpcFolders.Generated = Path.Combine(args[2], "generated");
                    Console.WriteLine("playback devices: " + AudioDevices.Playback.Count);
                    var character = CharacterLoader.Load(args[3]);
                    var clips = args.Skip(4).Select(WavFile.ReadAsPipelineAudio).ToList();
                    var clock = new SystemClock();
                    var device = new VirtualAudioDevice(new PlayerScript(clips));
                    var providers = EmbeddedProviders.CreateCatalog().Resolve(character, () => clock.Now);
                    using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(120));
                    var conversation = await VoiceConversation.StartAsync(character, providers, device, clock, null, deadline.Token);
                    device.Hearing = () => conversation.State != TurnState.Listening;
                    conversation.EventRaised += e =>
                    {
                        if (e is TranscriptReceived t && t.IsFinal) Console.WriteLine("heard: " + t.Text);
                        if (e is NpcLineStarted line) Console.WriteLine("npc: " + line.Text);
                        if (e is ProviderFellBack f) Console.WriteLine("fell back: " + f);
                        if (e is ConversationError error) Console.WriteLine("error: " + error);
                    };
                    while (!(device.ScriptFinished && conversation.State == TurnState.Listening))
                    {
                        if (deadline.IsCancellationRequested) { Console.WriteLine("timed out"); return 2; }
                        using (var frame = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token))
                        {
                            frame.CancelAfter(TimeSpan.FromMilliseconds(20)); // a game's frame: the loop also sees the player finish
                            try { await conversation.WaitForEventsAsync(frame.Token); } catch (OperationCanceledException) { }
                        }
                        conversation.Pump();
                    }
                    await conversation.DisposeAsync();
                    conversation.Pump();
                    return 0;
                }
            }
            """;
    }
}
