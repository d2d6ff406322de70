using System.Text.Json;

namespace VoiceNpc.Providers.ElevenLabs
{
    /// <summary>A request's "voice_settings": the options' stability and similarity, the character's speed.</summary>
    internal sealed record ElevenLabsVoiceSettings(double Stability, double SimilarityBoost, double Speed)
    {
        public void Write(Utf8JsonWriter json)
        {
            json.WriteStartObject("voice_settings");
            json.WriteNumber("stability", Stability);
            json.WriteNumber("similarity_boost", SimilarityBoost);
            json.WriteNumber("speed", Speed);
            json.WriteEndObject();
        }
    }
}
