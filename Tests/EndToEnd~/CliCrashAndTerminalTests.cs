using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using Spectre.Console;
using VoiceNpc.Characters;
using VoiceNpc.Cli;
using VoiceNpc.Conversation;
using VoiceNpc.Memory;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tracing;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>How the CLI ends on a bug (its own exit code, one line) and how it prints text it did not write (no raw controls).</summary>
    public class CliCrashAndTerminalTests
    {
        private const string Hostile = "Brenna\u001b]0;owned\u0007\u001b[2J\r\u009b31m\u202Eevil";

        private string _folder = "";

        [SetUp]
        public void CreateFolder() => _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-terminal-" + Guid.NewGuid().ToString("N"))).FullName;

        [TearDown]
        public void RemoveFolder() => Directory.Delete(_folder, true);

        private static (int Code, string Err) RunWithABug(params string[] args)
        {
            var root = new RootCommand("test");
            var bug = new Command("bug");
            bug.SetAction((Func<ParseResult, int>)(_ => throw new InvalidOperationException("a bug\nwith a second line")));
            root.Subcommands.Add(bug);
            var error = new StringWriter();
            int code = CliInvocation.RunAsync(root, args, error).GetAwaiter().GetResult();
            return (code, error.ToString());
        }

        [Test]
        public void AnUnhandledExceptionHasItsOwnExitCodeAndOneLine()
        {
            var (code, err) = RunWithABug("bug");
            Assert.That(code, Is.EqualTo(CliInvocation.Crashed).And.EqualTo(70));
            Assert.That(err.Trim().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(err, Does.StartWith("voicenpc: internal error (InvalidOperationException): a bug").And.Contain("--verbose"));
            Assert.That(err, Does.Not.Contain("   at "));
        }

        [Test]
        public void VerbosePrintsTheStackTraceWhereverItIsGiven()
        {
            foreach (var args in new[] { new[] { "--verbose", "bug" }, new[] { "bug", "--verbose" } })
            {
                var (code, err) = RunWithABug(args);
                Assert.That(code, Is.EqualTo(CliInvocation.Crashed));
                Assert.That(err, Does.Contain("   at "), string.Join(" ", args));
            }
        }

        [Test]
        public void InvalidUsageIsNotACrash()
        {
            Assert.That(VoicenpcProcess.Run("no-such-verb").Code, Is.EqualTo(1));
        }

        [Test]
        public void ControlCharactersAreShownNotObeyed()
        {
            Assert.That(TerminalText.Clean(Hostile), Is.EqualTo(@"Brenna\x1B]0;owned\x07\x1B[2J\x0D\x9B31m\u202Eevil"));
            Assert.That(TerminalText.Clean("plain\ttext, “quoted” 🗡"), Is.EqualTo("plain\ttext, “quoted” 🗡"));
            Assert.That(TerminalText.Clean("two\nlines"), Is.EqualTo(@"two\x0Alines"), "a line cannot be forged");
            Assert.That(TerminalText.Markup("[red]x[/]\u001b"), Is.EqualTo(@"[[red]]x[[/]]\x1B"));
        }

        private static void AssertNoControls(string output)
        {
            Assert.That(output.Where(c => c != '\n' && c != '\r' && c != '\t' && (char.IsControl(c) || c == '\u202E')), Is.Empty, output);
        }

        [Test]
        public void TalksViewShowsControlsInCharacterTextAndTranscriptsAsText()
        {
            var character = CharacterLoader.Load(RepoPaths.BlacksmithCharacter) with { DisplayName = Hostile };
            var output = new StringWriter();
            var previous = AnsiConsole.Console;
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output),
            });
            try
            {
                var view = new HumanTalkView(character);
                view.WhileStartingAsync(System.Threading.Tasks.Task.FromResult(0), System.Threading.Tasks.Task.CompletedTask).GetAwaiter().GetResult();
                view.Show(new TranscriptReceived(TimeSpan.FromSeconds(1), 1, Hostile, true));
                view.Show(new NpcLineEnded(TimeSpan.FromSeconds(2), 1, Hostile, Hostile, false, 0));
                view.Show(new FillerStarted(TimeSpan.FromSeconds(2), 1, Hostile));
                view.Show(new ProviderFellBack(TimeSpan.FromSeconds(3), Hostile, Hostile, Hostile, Hostile));
                view.Show(new ConversationError(TimeSpan.FromSeconds(3), Hostile, Hostile, null));
            }
            finally { AnsiConsole.Console = previous; }

            AssertNoControls(output.ToString());
            Assert.That(output.ToString(), Does.Contain(@"Brenna\x1B]0;owned\x07"));
        }

        [Test]
        public void TraceShowAndMemoryShowPrintControlsAsText()
        {
            string trace = Path.Combine(_folder, "hostile.vnpctrace");
            using (var writer = new TraceWriter(trace))
            {
                writer.Write(new TraceRecord("transcript", TimeSpan.FromSeconds(1), 1, new Dictionary<string, object?> { ["text"] = Hostile, ["final"] = true }));
                writer.Write(new TraceRecord("line-ended", TimeSpan.FromSeconds(2), 1, new Dictionary<string, object?> { ["heard"] = Hostile }));
                writer.Write(new TraceRecord("turn", TimeSpan.FromSeconds(3), 1, new Dictionary<string, object?> { ["player"] = Hostile, ["stt"] = Hostile }));
            }
            var (traceCode, traceOut, _) = VoicenpcProcess.Run("trace", "show", trace);
            Assert.That(traceCode, Is.Zero);
            AssertNoControls(traceOut);
            Assert.That(traceOut, Does.Contain(@"Player: Brenna\x1B]0;owned\x07"));

            var memory = new NpcMemory("brenna-blacksmith", "p1") { Summary = Hostile };
            memory.Turns.Add(new RememberedTurn(Hostile, Hostile, false, DateTimeOffset.UtcNow));
            memory.Facts.Add(new MemoryFact(Hostile, Hostile, DateTimeOffset.UtcNow, "scripted"));
            new MemoryStore(_folder).Save(memory);
            var show = new[] { "memory", "show", "--folder", _folder, "--character", "brenna-blacksmith", "--player", "p1" };
            var (memoryCode, memoryOut, _) = VoicenpcProcess.Run(show);
            Assert.That(memoryCode, Is.Zero);
            AssertNoControls(memoryOut);
            Assert.That(memoryOut, Does.Contain(@"player: Brenna\x1B]0;owned\x07"));

            var (jsonCode, json, _) = VoicenpcProcess.Run(show.Append("--json").ToArray());
            Assert.That(jsonCode, Is.Zero);
            AssertNoControls(json);
            Assert.That(JsonDocument.Parse(json).RootElement.GetProperty("summary").GetString(), Is.EqualTo(Hostile), "JSON escapes controls and keeps them");
        }

        [Test]
        public void MemoryDeleteSaysWhatItRemoved()
        {
            var store = new MemoryStore(_folder);
            var memory = new NpcMemory("brenna-blacksmith", "aerin");
            store.Save(memory);
            store.Save(memory);
            string path = store.PathOf("brenna-blacksmith", "aerin");
            string temp = Path.Combine(Path.GetDirectoryName(path)!, $".aerin.npcmemory.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, NpcMemoryCodec.Encode(memory));

            var (code, stdout, _) = VoicenpcProcess.Run("memory", "delete", "--folder", _folder, "--character", "brenna-blacksmith", "--player", "aerin");

            Assert.That(code, Is.Zero);
            var lines = stdout.Trim().Split('\n').Select(l => l.Trim()).ToList();
            Assert.That(lines[0], Is.EqualTo("deleted 3 files:"));
            Assert.That(lines.Skip(1), Is.EquivalentTo(new[] { path, path + ".bak", temp }));
            Assert.That(File.Exists(temp), Is.False);
            Assert.That(VoicenpcProcess.Run("memory", "delete", "--folder", _folder, "--character", "brenna-blacksmith", "--player", "aerin").Out.Trim(),
                Is.EqualTo("nothing was saved"));
        }
    }
}
