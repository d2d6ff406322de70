using System;
using VoiceNpc.Characters;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// Checks the text given to <see cref="VoiceConversation.SendText"/> and <see cref="VoiceConversation.Say"/> on the
    /// caller's thread, so a bad call fails where it was made: words are required, and at most
    /// <see cref="TextLimits.Line"/> characters (a spoken line, as a character file's own lines are bounded).
    /// </summary>
    internal static class ControlText
    {
        public static string Check(string? text, string parameter, string what)
        {
            if (text == null) throw new ArgumentNullException(parameter, $"{what}: null given");
            string trimmed = text.Trim();
            if (trimmed.Length == 0) throw new ArgumentException($"{what} must have words; the text given is empty or only white space", parameter);
            if (trimmed.Length > TextLimits.Line)
                throw new ArgumentException($"{what} may be at most {TextLimits.Line} characters (a spoken line, TextLimits.Line); " +
                    $"the text given has {trimmed.Length}", parameter);
            return trimmed;
        }
    }
}
