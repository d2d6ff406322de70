namespace VoiceNpc.Characters
{
    /// <summary>
    /// A character's own settings for one cloud service (its "cloud" section): a base URL (a regional endpoint, a
    /// proxy, an OpenAI-compatible server) and a model. Null keeps the environment's or the vendor's default.
    /// </summary>
    public sealed record CloudSettings(string? BaseUrl = null, string? Model = null);
}
