namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Mouth shapes, a reduced set in the spirit of the Preston Blair / Oculus sets: enough for a game's lip-sync
    /// blend shapes, small enough to author.
    /// </summary>
    public enum Viseme
    {
        Silence,
        AI,      // a, ai, ah, ay
        E,       // eh, ae, ey, iy, ih
        O,       // ao, ow, oy, aw
        U,       // uw, uh, w
        MBP,     // m, b, p
        FV,      // f, v
        L,       // l, th, dh
        WQ,      // r, er
        Etc,     // consonants with a half-open mouth: t, d, k, g, n, s, z, ...
    }
}
