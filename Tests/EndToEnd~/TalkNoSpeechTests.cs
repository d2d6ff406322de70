using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;
using VoiceNpc.Audio;
using VoiceNpc.Tests.Support;

namespace VoiceNpc.Tests.EndToEnd
{
    /// <summary>`voicenpc talk` with inputs that hold no speech: it says so, at once, instead of waiting for an answer.</summary>
    public class TalkNoSpeechTests
    {
        private string _folder = "";
        private string _silence = "";

        [SetUp]
        public void MakeSilence()
        {
            _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "voicenpc-silence-" + Guid.NewGuid().ToString("N"))).FullName;
            _silence = Path.Combine(_folder, "silence.wav");
            WavFile.Write(_silence, new short[AudioFormat.SamplesIn(TimeSpan.FromSeconds(2))]);
        }

        [TearDown]
        public void Remove() => Directory.Delete(_folder, recursive: true);

        [Test]
        public void AnInputWithNoSpeechIsNamedAndTheNextOneIsAnswered()
        {
            var (code, stdout, stderr) = VoicenpcProcess.Run("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", _silence,
                "--input", RepoPaths.PlayerLine("02-what-do-you-sell.wav"), "--output", Path.Combine(_folder, "out"), "--json");

            Assert.That(code, Is.Zero, stderr);
            Assert.That(stderr, Does.Contain($"voicenpc talk: no speech was heard in {_silence}"));
            var report = JsonDocument.Parse(stdout).RootElement;
            Assert.That(report.GetProperty("unheard_inputs").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { _silence }));
            Assert.That(report.GetProperty("turns").EnumerateArray().Single().GetProperty("player_text").GetString(), Is.EqualTo("what do you sell"));
        }

        [Test]
        public void OnlySilenceFailsWithTheReasonWithoutWaitingForAnAnswer()
        {
            var (code, _, stderr) = VoicenpcProcess.Run("talk", "--character", RepoPaths.BlacksmithCharacter, "--input", _silence,
                "--output", Path.Combine(_folder, "out"));

            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr, Does.Contain("no speech was heard in any input"));
            // The whole session as recorded: lead-in, the 2 s of silence and 2 s waiting to be heard, not a 20 s wait for a reply.
            var session = WavFile.ReadAsPipelineAudio(Path.Combine(_folder, "out", "conversation.wav"));
            Assert.That(session.Length / (double)AudioFormat.SampleRate, Is.LessThan(6));
        }
    }
}
