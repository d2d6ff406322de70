using System.IO;
using NUnit.Framework;
using VoiceNpc.Providers;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Tests.Providers
{
    /// <summary>A vendor's message or streamed line past the limit fails the provider instead of filling memory.</summary>
    public class VendorMessageLimitTests
    {
        [Test]
        public void AWebSocketMessagePastTheLimitFailsTheProvider()
        {
            var message = new MemoryStream();
            var frame = new byte[64 * 1024];
            for (int sent = 0; sent + frame.Length <= CloudSocket.MaxMessageBytes; sent += frame.Length)
                CloudSocket.Append(message, frame, frame.Length, "deepgram");
            Assert.That(message.Length, Is.EqualTo(CloudSocket.MaxMessageBytes));

            var error = Assert.Throws<ProviderException>(() => CloudSocket.Append(message, frame, 1, "deepgram"));
            Assert.That(error!.Message, Does.StartWith("deepgram: a message of more than 4 MiB"));
        }

        [Test]
        public void LinesAreReadAcrossBuffersAndAnEndlessLineFailsTheProvider()
        {
            string text = "{\"a\":1}\r\n" + new string('x', 20_000) + "\n\nlast";
            var lines = new BoundedLineReader(new StringReader(text), 30_000, "elevenlabs");
            Assert.That(lines.ReadLineAsync().Result, Is.EqualTo("{\"a\":1}"));
            Assert.That(lines.ReadLineAsync().Result, Has.Length.EqualTo(20_000));
            Assert.That(lines.ReadLineAsync().Result, Is.Empty);
            Assert.That(lines.ReadLineAsync().Result, Is.EqualTo("last"));
            Assert.That(lines.ReadLineAsync().Result, Is.Null);

            var endless = new BoundedLineReader(new StringReader(new string('x', 40_000)), 30_000, "elevenlabs");
            var error = Assert.Throws<System.AggregateException>(() => _ = endless.ReadLineAsync().Result);
            Assert.That(error!.InnerException, Is.TypeOf<ProviderException>());
            Assert.That(error.InnerException!.Message, Does.Contain("a line of more than 30000 characters"));
        }
    }
}
