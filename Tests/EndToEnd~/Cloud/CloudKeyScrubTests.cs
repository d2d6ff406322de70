using System.Linq;
using System.Text;
using NUnit.Framework;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Tests.EndToEnd.Cloud
{
    /// <summary>What a vendor echoes of a key never reaches a fallback reason or a trace: any run of 8+ of its characters.</summary>
    public class CloudKeyScrubTests
    {
        private const string Secret = "sk-proj-Ab3dEf7hIj1lMn5pQr9tUv2xYz4bCd6fGh8jKl0nOp";
        private static readonly CloudKey Key = CloudKey.FromValue(Secret);

        [Test]
        public void TheWholeKeyAPrefixAMiddleRunAndASuffixAreAllRemoved()
        {
            string middle = Secret.Substring(17, 16), suffix = Secret.Substring(Secret.Length - 16), prefix = Secret.Substring(0, 12);
            string text = $"Incorrect API key {Secret}; you sent {prefix}…, ends in {suffix}, contains {middle}.";
            Assert.That(Key.Scrub(text), Is.EqualTo("Incorrect API key [key]; you sent [key]…, ends in [key], contains [key]."));
        }

        [Test]
        public void EveryRunOfEightIsRemovedAndSevenAreLeft()
        {
            for (int start = 0; start + 8 <= Secret.Length; start++)
                Assert.That(Key.Scrub("<" + Secret.Substring(start, 8) + ">"), Is.EqualTo("<[key]>"), $"the 8 characters from {start}");
            Assert.That(Key.Scrub("id " + Secret.Substring(20, 7) + "!"), Is.EqualTo("id " + Secret.Substring(20, 7) + "!"), "7 characters are too few to mean anything");
        }

        [Test]
        public void TextWithoutTheKeyIsReturnedUnchanged()
        {
            const string text = "The server had an error while processing your request.";
            Assert.That(Key.Scrub(text), Is.SameAs(text));
        }

        [Test]
        public void AShortKeyIsRemovedWhole() =>
            Assert.That(CloudKey.FromValue("k-123").Scrub("bad key k-123 given"), Is.EqualTo("bad key [key] given"));

        [Test]
        public void AMegabyteBodyEchoingTheKeyIsScrubbedThroughout()
        {
            // A repetitive key against a body made of it is the worst case for a naive substring search.
            var key = CloudKey.FromValue(new string('a', 200));
            var body = new StringBuilder().Append('x').Append('a', 1 << 20).Append("y").Append(Secret.Substring(30)).ToString();
            Assert.That(key.Scrub(body), Is.EqualTo("x[key]y" + Secret.Substring(30)));
            string echoes = string.Concat(Enumerable.Repeat("err " + Secret.Substring(5, 20) + " ", 40_000));
            Assert.That(Key.Scrub(echoes), Is.EqualTo(string.Concat(Enumerable.Repeat("err [key] ", 40_000))));
        }
    }
}
