using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.OpenAI
{
    /// <summary>An OpenAI-compatible chat service: OpenAI, Groq, a local llama.cpp or vLLM server.</summary>
    public sealed record OpenAIBrainOptions
    {
        /// <summary>Base URL including /v1; null: where the key is bound (OPENAI_BASE_URL, else https://api.openai.com/v1).</summary>
        public string? BaseUrl { get; init; }

        public string Model { get; init; } = "gpt-4o-mini";

        /// <summary>Null: OPENAI_API_KEY from the environment or the secrets file, which goes only to the base URL it is bound to
        /// (OPENAI_BASE_URL beside it, else the vendor's): a <see cref=\"BaseUrl\"/> elsewhere is refused.
        /// Given: used with <see cref=\"BaseUrl\"/> as is.</summary>
        public CloudKey? Key { get; init; }

        /// <summary>Spoken replies are short: this caps the tokens (and the cost) of one.</summary>
        public int MaxOutputTokens { get; init; } = 150;

        /// <summary>Tokens of the prompt given to memory (facts, summary, recent turns).</summary>
        public int MemoryTokenBudget { get; init; } = 600;

        /// <summary>Longest silence inside a streaming reply before it counts as failed.</summary>
        public System.TimeSpan StallTimeout { get; init; } = System.TimeSpan.FromSeconds(8);

        public ResilienceSettings Resilience { get; init; } = ResilienceSettings.Default;
    }
}
