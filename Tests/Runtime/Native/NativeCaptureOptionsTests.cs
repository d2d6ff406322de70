using System;
using NUnit.Framework;
using VoiceNpc.Audio.Native;

namespace VoiceNpc.Tests.Native
{
    /// <summary>Capture-only options out of range are refused before any device is touched, naming the option.</summary>
    public sealed class NativeCaptureOptionsTests
    {
        private static ArgumentOutOfRangeException Refused(Action<NativeCaptureOptions> change)
        {
            var options = new NativeCaptureOptions();
            change(options);
            return Assert.Throws<ArgumentOutOfRangeException>(() => NativeCaptureDevice.Open(options).Dispose())!;
        }

        [Test]
        public void EachOptionOutOfRangeIsNamed()
        {
            Assert.That(Refused(o => o.ReferenceSampleRate = 4000).Message,
                Does.Contain("NativeCaptureOptions.ReferenceSampleRate must be 8000 to 192000, found 4000"));
            Assert.That(Refused(o => o.DeviceSampleRate = 500000).ParamName, Is.EqualTo("DeviceSampleRate"));
            Assert.That(Refused(o => o.ReferenceDelayMilliseconds = 500).ParamName, Is.EqualTo("ReferenceDelayMilliseconds"));
            Assert.That(Refused(o => o.ReferenceDelayMilliseconds = -1).ParamName, Is.EqualTo("ReferenceDelayMilliseconds"));
            Assert.That(Refused(o => o.EchoTailMilliseconds = 10).ParamName, Is.EqualTo("EchoTailMilliseconds"));
            Assert.That(Refused(o => o.CaptureBufferMilliseconds = 5).ParamName, Is.EqualTo("CaptureBufferMilliseconds"));
            Assert.That(Refused(o => o.NoiseSuppressionDb = 3).Message,
                Does.Contain("NativeCaptureOptions.NoiseSuppressionDb must be -90 to 0, found 3"));
        }

        [Test]
        public void TheFullEnginesOptionsStillNameTheirOwnType()
        {
            var options = new NativeAudioOptions { EchoTailMilliseconds = 10 };
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => NativeAudioDevice.Open(options).Dispose())!;
            Assert.That(e.Message, Does.Contain("NativeAudioOptions.EchoTailMilliseconds must be 50 to 2000, found 10"));
        }

        [Test]
        public void TheReferenceDelayForAnOutputQueueIsTheQueuesLengthWithinTheEnginesRange()
        {
            Assert.That(ReferenceDelay.ForOutputQueue(1024, 4, 48000), Is.EqualTo(85), "Unity's default: 4 buffers of 1024 frames");
            Assert.That(ReferenceDelay.ForOutputQueue(256, 4, 44100), Is.EqualTo(23));
            Assert.That(ReferenceDelay.ForOutputQueue(4096, 8, 48000), Is.EqualTo(ReferenceDelay.MaxMilliseconds));
            Assert.That(ReferenceDelay.ForOutputQueue(1024, 0, 48000), Is.EqualTo(0), "no queue known");
            Assert.That(ReferenceDelay.ForOutputQueue(1024, 4, 0), Is.EqualTo(0), "audio disabled");
        }
    }
}
