using System;

namespace VoiceNpc.Providers.Cloud
{
    /// <summary>
    /// A key and the base URL it was configured with: the key goes only to that base URL's origin. <see cref="Where"/>
    /// says where the binding was written ("OPENAI_BASE_URL", "the vendor's default", "$.keys.groq in FILE").
    /// </summary>
    public sealed record BoundKey(CloudKey Key, Uri BaseUrl, string Where);
}
