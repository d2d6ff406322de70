using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VoiceNpc.Authoring
{
    /// <summary>A new, valid character file to start from: every section present, embedded providers only, so it runs offline at once.</summary>
    public static class CharacterTemplate
    {
        public static string Create(string id, string displayName, string schemaPath = "")
        {
            var character = new
            {
                id,
                displayName,
                persona = $"You are {displayName}. Say who you are, where you live and what you do here.",
                prompt = new
                {
                    worldFacts = new[] { "Write what this character knows about the world, one fact per line." },
                    speakingStyle = "Friendly and plain",
                    maxReplySentences = 2,
                    rules = new string[0],
                    deflect = new[] { new { topics = new[] { "politics" }, line = "That is not for me to say. What brings you here?" } },
                },
                voices = new { flite = new { voice = "slt", rate = 1.0 } },
                fallbacks = new { vad = new[] { "silero", "energy" }, stt = new[] { "pocketsphinx" }, llm = new[] { "scripted" }, tts = new[] { "flite" } },
                turnTaking = new { vadStopSeconds = 0.2, bargeInMinSeconds = 0.5, thinkingBudgetSeconds = 1.2, maxTurnSeconds = 15 },
                greetings = new[] { "Hello there." },
                intents = new[]
                {
                    new { id = "name", keywords = new[] { "name", "who are you" }, examples = new[] { "what is your name" }, lines = new[] { $"I am {displayName}." } },
                    new { id = "goodbye", keywords = new[] { "goodbye", "bye", "farewell" }, examples = new[] { "goodbye" }, lines = new[] { "Farewell." } },
                },
                dontUnderstand = new[] { "Sorry, what was that?" },
                fillers = new[] { "Hmm, let me think.", "Ah, well." },
                vocabulary = new[] { "hello", "name", "goodbye" },
            };
            var file = new JsonObject();
            if (schemaPath.Length > 0) file["$schema"] = schemaPath;
            foreach (var field in JsonSerializer.SerializeToNode(character)!.AsObject().ToList()) file[field.Key] = field.Value?.DeepClone();
            return file.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        }
    }
}
