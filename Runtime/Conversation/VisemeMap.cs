using System.Collections.Generic;

namespace VoiceNpc.Conversation
{
    /// <summary>Maps ARPAbet phones (what Flite and CMUdict use) to <see cref="Viseme"/>s.</summary>
    public static class VisemeMap
    {
        private static readonly Dictionary<string, Viseme> Phones = new Dictionary<string, Viseme>
        {
            ["pau"] = Viseme.Silence, ["sil"] = Viseme.Silence, ["h#"] = Viseme.Silence,
            ["aa"] = Viseme.AI, ["ah"] = Viseme.AI, ["ay"] = Viseme.AI, ["ax"] = Viseme.AI, ["hh"] = Viseme.AI,
            ["eh"] = Viseme.E, ["ae"] = Viseme.E, ["ey"] = Viseme.E, ["iy"] = Viseme.E, ["ih"] = Viseme.E, ["y"] = Viseme.E,
            ["ao"] = Viseme.O, ["ow"] = Viseme.O, ["oy"] = Viseme.O, ["aw"] = Viseme.O,
            ["uw"] = Viseme.U, ["uh"] = Viseme.U, ["w"] = Viseme.U,
            ["m"] = Viseme.MBP, ["b"] = Viseme.MBP, ["p"] = Viseme.MBP,
            ["f"] = Viseme.FV, ["v"] = Viseme.FV,
            ["l"] = Viseme.L, ["th"] = Viseme.L, ["dh"] = Viseme.L,
            ["r"] = Viseme.WQ, ["er"] = Viseme.WQ,
        };

        public static Viseme ForPhone(string phone)
        {
            string key = phone.ToLowerInvariant().TrimEnd('0', '1', '2');
            return Phones.TryGetValue(key, out var viseme) ? viseme : Viseme.Etc;
        }
    }
}
