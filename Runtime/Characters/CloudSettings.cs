namespace VoiceNpc.Characters
{
    /// <summary>
    /// A character's own settings for one cloud service (its "cloud" section): a base URL (a regional endpoint, a
    /// proxy, an OpenAI-compatible server), a model, and the name of the user's key for that base URL ("key": "groq",
    /// a named key of the user's secrets file; never the key itself). Null keeps the environment's or the vendor's
    /// default. A base URL on another host than the user's key is bound to is refused without a key name for it.
    /// </summary>
    public sealed record CloudSettings(string? BaseUrl = null, string? Model = null, string? KeyName = null);
}
