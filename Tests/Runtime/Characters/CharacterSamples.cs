namespace VoiceNpc.Tests.Characters
{
    /// <summary>The smallest valid character, for tests that break one thing in it.</summary>
    public static class CharacterSamples
    {
        public const string Minimal = @"{
  ""id"": ""smith"", ""displayName"": ""Smith"", ""persona"": ""A smith."",
  ""voices"": { ""flite"": { ""voice"": ""kal"" } },
  ""greetings"": [""Hello.""], ""dontUnderstand"": [""What?""], ""fillers"": [""Hmm.""],
  ""intents"": [ { ""id"": ""wares"", ""keywords"": [""sell""], ""lines"": [""Swords.""] } ]
}";
    }
}
