using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.Characters;
using VoiceNpc.Providers.Flite;
using VoiceNpc.Tts;

namespace VoiceNpc.Authoring
{
    /// <summary>A typed player line turned into speech for the virtual microphone, so rehearsals and text chat go through the real recogniser.</summary>
    public static class PlayerVoice
    {
        /// <summary>The player's voice: a Flite voice the recognisers understand well.</summary>
        public const string Voice = "kal16";

        public static async Task<short[]> SpeakAsync(string line, CancellationToken cancellationToken)
        {
            using var flite = new FliteTextToSpeech();
            var speech = await SpeechChunks.SynthesizeWholeAsync(flite, line, new VoiceSettings(Voice), cancellationToken).ConfigureAwait(false);
            return speech?.Samples ?? new short[0];
        }
    }
}
