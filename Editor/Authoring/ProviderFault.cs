using System;
using System.Linq;

namespace VoiceNpc.Authoring
{
    /// <summary>How a provider fails in an outage rehearsal.</summary>
    public enum ProviderFault
    {
        /// <summary>Refused before any answer (a wrong key, an exhausted quota): fails at once.</summary>
        Handshake,

        /// <summary>Starts answering, then the connection drops: part of a reply, then a failure.</summary>
        MidStream,

        /// <summary>The service is unreachable: every call fails with no answer.</summary>
        Outage,
    }

    /// <summary>One provider to fail in a rehearsal, written "name=fault" on the command line (e.g. "openai=outage").</summary>
    public sealed record RehearsalFault(string Provider, ProviderFault Kind)
    {
        public static RehearsalFault Parse(string text)
        {
            var parts = text.Split('=');
            var kinds = Enum.GetNames(typeof(ProviderFault)).Select(n => n.ToLowerInvariant());
            string kind = parts.Length == 2 ? parts[1].Trim().Replace("-", "").ToLowerInvariant() : "";
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || !kinds.Contains(kind))
                throw new FormatException($"\"{text}\" is not PROVIDER=FAULT with FAULT one of handshake, mid-stream, outage (e.g. openai=outage)");
            return new RehearsalFault(parts[0].Trim().ToLowerInvariant(), (ProviderFault)Enum.Parse(typeof(ProviderFault), kind, ignoreCase: true));
        }

        public override string ToString() => $"{Provider}={(Kind == ProviderFault.MidStream ? "mid-stream" : Kind.ToString().ToLowerInvariant())}";
    }
}
