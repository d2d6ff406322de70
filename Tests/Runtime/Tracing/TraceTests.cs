using System;
using System.IO;
using System.Linq;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Conversation;
using VoiceNpc.Storage;
using VoiceNpc.Tests.Support;
using VoiceNpc.Tracing;

namespace VoiceNpc.Tests.Tracing
{
    public class TraceTests
    {
        private string _path = "";

        [SetUp]
        public void ChoosePath() => _path = Path.Combine(Path.GetTempPath(), "voicenpc-trace-" + Guid.NewGuid().ToString("N") + ".vnpctrace");

        [TearDown]
        public void RemoveFile() { if (File.Exists(_path)) File.Delete(_path); }

        private static ConversationHarness Conversation()
        {
            var harness = new ConversationHarness("what do you sell", "how much is a shield");
            harness.Run(new PlayerScript(new[] { ConversationHarness.Speech(0.6), ConversationHarness.Speech(0.6) }), 2);
            return harness;
        }

        [Test]
        public void EveryEventComesBackWithItsFields()
        {
            var harness = Conversation();
            using (var writer = new TraceWriter(_path))
                foreach (var e in harness.Events) writer.Record(e);

            var trace = TraceFile.Read(_path);
            Assert.That(trace.Problem, Is.Null);
            Assert.That(trace.Records.Select(r => r.At), Is.EqualTo(harness.Events.Select(e => e.At)));
            Assert.That(trace.Records.Count(r => r.Kind == "word"), Is.EqualTo(harness.Of<SubtitleWord>().Count()));
            var metrics = harness.Of<TurnCompleted>().Last().Metrics;
            var turn = trace.Records.Last(r => r.Kind == "turn");
            Assert.That((turn.Turn, turn.Text("player"), turn.Text("npc"), turn.Text("tts")), Is.EqualTo((metrics.Turn, metrics.PlayerText, metrics.NpcText, metrics.TtsProvider)));
            Assert.That(turn.Time("first_sample_out"), Is.EqualTo(metrics.FirstSampleOut));
            Assert.That(turn.Time("end_of_speech"), Is.EqualTo(metrics.EndOfSpeech));
            var ended = trace.Records.First(r => r.Kind == "line-ended");
            Assert.That(ended.Text("heard"), Is.EqualTo(harness.Of<NpcLineEnded>().First().HeardText));
        }

        [Test]
        public void ACrashMidRecordLosesOnlyThatRecord()
        {
            var harness = Conversation();
            using (var writer = new TraceWriter(_path))
                foreach (var e in harness.Events) writer.Record(e);
            var bytes = File.ReadAllBytes(_path);
            File.WriteAllBytes(_path, bytes.Take(bytes.Length - 3).ToArray());

            var trace = TraceFile.Read(_path);
            Assert.That(trace.Records, Has.Count.EqualTo(harness.Events.Count - 1));
            Assert.That(trace.Problem, Does.Contain($"record {harness.Events.Count}").And.Contain("torn"));
        }

        [Test]
        public void ATraceStaysWithinItsSizeAndSaysWhereItStopped()
        {
            var harness = Conversation();
            using (var writer = new TraceWriter(_path, maxBytes: 2048))
                foreach (var e in harness.Events) writer.Record(e);

            Assert.That(new FileInfo(_path).Length, Is.LessThanOrEqualTo(2048));
            var trace = TraceFile.Read(_path);
            Assert.That(trace.Problem, Is.Null);
            Assert.That(trace.Records.Last().Kind, Is.EqualTo("trace-full"));
            Assert.That(trace.Records.Count, Is.LessThan(harness.Events.Count));
        }

        [Test]
        public void ARecordWithAnIntegerBeyondItsTypeIsWhereReadingStops()
        {
            using (var writer = new TraceWriter(_path))
                writer.Write(new TraceRecord("state", TimeSpan.FromSeconds(1), 0, new System.Collections.Generic.Dictionary<string, object?>()));
            TraceFrames.Append(_path, TraceFrames.TurnBeyondInt32());

            var trace = TraceFile.Read(_path);
            Assert.That(trace.Records.Select(r => r.Kind), Is.EqualTo(new[] { "state" }));
            Assert.That(trace.Problem, Does.StartWith("record 2 at byte").And.Contain("is unreadable at payload byte"));
        }

        [Test]
        public void AFolderIsRefusedByName()
        {
            Directory.CreateDirectory(_path);
            try
            {
                var error = Assert.Throws<StoredFileException>(() => TraceFile.Read(_path));
                Assert.That(error!.Message, Is.EqualTo(_path + ": is a folder, not a file"));
            }
            finally { Directory.Delete(_path); }
        }

        [Test]
        public void AFileThatIsNotATraceIsRefusedByName()
        {
            File.WriteAllText(_path, "hello");
            var error = Assert.Throws<StoredFileException>(() => TraceFile.Read(_path));
            Assert.That(error!.Message, Does.StartWith(_path).And.Contain("not a VoiceNpc trace"));
        }
    }
}
