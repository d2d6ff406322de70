using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace VoiceNpc.Characters
{
    /// <summary>Reads a character file's optional "prompt" section into <see cref="PromptSettings"/>.</summary>
    internal static class PromptSection
    {
        public static readonly string[] Fields = { "worldFacts", "speakingStyle", "maxReplySentences", "rules", "deflect" };

        public static PromptSettings Read(JsonFieldReader reader, JsonElement root)
        {
            var defaults = PromptSettings.Default;
            if (!reader.TryGet(root, "prompt", "$", false, out var p) || !reader.IsObject(p, "$.prompt")) return defaults;
            const string path = "$.prompt";
            reader.RejectUnknown(p, path, Fields);
            return new PromptSettings
            {
                WorldFacts = reader.Strings(p, "worldFacts", path, minCount: 0, maxLength: TextLimits.PromptEntry),
                SpeakingStyle = reader.String(p, "speakingStyle", path, required: false, maxLength: TextLimits.SpeakingStyle),
                MaxReplySentences = reader.Integer(p, "maxReplySentences", path, defaults.MaxReplySentences, 1, 10),
                Rules = reader.Strings(p, "rules", path, minCount: 0, maxLength: TextLimits.PromptEntry),
                Deflections = ReadDeflections(reader, p),
            };
        }

        private static IReadOnlyList<Deflection> ReadDeflections(JsonFieldReader reader, JsonElement prompt)
        {
            var deflections = new List<Deflection>();
            if (!reader.TryGet(prompt, "deflect", "$.prompt", false, out var element)) return deflections;
            if (!reader.IsArray(element, "$.prompt.deflect", "{\"topics\", \"line\"} objects", TextLimits.Items)) return deflections;
            int index = 0;
            foreach (var item in element.EnumerateArray().Take(TextLimits.Items))
            {
                string path = $"$.prompt.deflect[{index++}]";
                if (!reader.IsObject(item, path)) continue;
                reader.RejectUnknown(item, path, new[] { "topics", "line" });
                var topics = reader.Strings(item, "topics", path, minCount: 1, maxLength: TextLimits.Phrase);
                string line = reader.String(item, "line", path, required: true, maxLength: TextLimits.Line);
                if (topics.Count > 0 && line.Trim().Length > 0) deflections.Add(new Deflection(topics.ToArray(), line));
            }
            return deflections;
        }
    }
}
