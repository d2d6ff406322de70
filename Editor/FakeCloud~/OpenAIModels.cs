using System.Linq;
using System.Text.Json;

namespace VoiceNpc.FakeCloud
{
    /// <summary><c>GET /v1/models</c> and <c>/v1/models/{id}</c>: the models the fake answers for, as the service lists them.</summary>
    internal static class OpenAIModels
    {
        // (id, created, owned_by); created is about when each model came out, in Unix seconds.
        private static readonly (string Id, long Created, string Owner)[] Known =
        {
            ("gpt-4o-mini", 1721172741, "system"), ("gpt-4o", 1715367049, "system"), ("gpt-4.1-mini", 1744318173, "system"),
            ("gpt-4.1-nano", 1744321707, "system"), ("gpt-4o-mini-transcribe", 1742068596, "system"), ("gpt-4o-transcribe", 1742068463, "system"),
            ("whisper-1", 1677532384, "openai-internal"), ("gpt-4o-mini-tts", 1742403959, "system"), ("tts-1", 1681940951, "openai-internal"),
            ("tts-1-hd", 1699046015, "system"),
        };

        public static string List() => JsonSerializer.Serialize(new { @object = "list", data = Known.Select(Model).ToArray() });

        /// <summary>The model's object, or null when the fake does not know it.</summary>
        public static string? One(string id) => Known.Where(m => m.Id == id).Select(m => JsonSerializer.Serialize(Model(m))).FirstOrDefault();

        private static object Model((string Id, long Created, string Owner) m) => new { id = m.Id, @object = "model", created = m.Created, owned_by = m.Owner };
    }
}
