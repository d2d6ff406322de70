namespace VoiceNpc.Studio
{
    // The JSON bodies the page sends (snake_case on the wire). "text" is always the editor's current character
    // JSON, saved or not, so every preview shows what is on the screen.

    // Fields a client may leave out are nullable; the endpoints answer 400 naming what is missing.

    internal sealed record NewCharacterRequest(string? Id, string? DisplayName);

    /// <summary>A save: the content and the stamp it was loaded with (required: it is how a stale save is refused).</summary>
    internal sealed record SaveRequest(string? Text, string? Stamp);

    internal sealed record TextRequest(string? Text);

    internal sealed record VoiceRequest(string? Text, string? Provider, string? Line);

    /// <summary>One chat turn: the player's line typed (<see cref="Say"/>) or recorded (<see cref="AudioWav"/>, base64 WAV).</summary>
    internal sealed record TurnRequest(string? Text, string? Session, string? Say, string? AudioWav);

    internal sealed record RehearseRequest(string? Text, string[]? Lines, string[]? Faults);

    internal sealed record BakeRequest(string? Text, string[]? Providers);
}
