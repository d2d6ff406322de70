using System;
using VoiceNpc.Brain;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// The game's controls, applied by the pump at the start of a frame in the order they were called (see
    /// <see cref="ConversationControls"/>): typed text and lines start a turn of their own, interrupt cuts the NPC
    /// off as a barge-in does, push-to-talk release endpoints the utterance without waiting for silence.
    /// </summary>
    internal sealed partial class ConversationPump
    {
        private void ApplyControls(TimeSpan now)
        {
            for (var request = _controls.TakeAll(); request != null; request = request.Next)
            {
                switch (request.Kind)
                {
                    case ControlKind.Interrupt:
                        Interrupt(now);
                        break;
                    case ControlKind.EndTurn:
                        EndUtterance(now);
                        break;
                    case ControlKind.SendText:
                    case ControlKind.Say:
                        TakeFloor(now);
                        StartTurn(request.Kind == ControlKind.Say ? TurnOrigin.Line : TurnOrigin.Text, request.Text, now);
                        break;
                }
            }
        }

        /// <summary>A barge-in without the player's speech; an utterance over the NPC's speech goes on as the player's turn.</summary>
        private void Interrupt(TimeSpan now)
        {
            if (_reply == null) return;
            CutOff(now);
            SetState(_utterance != null ? TurnState.PlayerSpeaking : TurnState.Listening, now);
        }

        /// <summary>Push-to-talk release: the player meant it, so even an utterance too short to barge in cuts the NPC off.</summary>
        private void EndUtterance(TimeSpan now)
        {
            if (_utterance == null) return;
            if (_reply != null) CutOff(now);
            Endpoint(now);
        }

        /// <summary>Typed text and lines come first: the NPC stops and the player's unfinished utterance is dropped.</summary>
        private void TakeFloor(TimeSpan now)
        {
            if (_reply != null) CutOff(now);
            if (_utterance != null) CancelUtterance();
        }

        private void StartTurn(TurnOrigin origin, string text, TimeSpan now)
        {
            var turn = new TurnContext(_nextTurnId++, origin) { EndOfSpeech = now };
            var request = origin == TurnOrigin.Line
                ? new ReplyRequest(turn, null, text)
                : new ReplyRequest(turn, new BrainRequest(_character, text, _memory.Turns) { Memory = _memory });
            if (!_replies.TryWrite(request))
            {
                string what = origin == TurnOrigin.Line ? "the line" : "the typed text";
                _events.Post(new ConversationError(now, "llm", $"the brain is still busy with earlier turns; {what} was skipped: \"{text}\"", null));
                turn.Dispose();
                if (State != TurnState.Listening) SetState(TurnState.Listening, now);
                return;
            }
            if (origin == TurnOrigin.Text)
            {
                _events.Post(new TranscriptReceived(now, turn.Id, text, true));
                turn.CompleteTranscript(text, now);
            }
            AwaitReply(turn, now);
        }

        /// <summary>
        /// Memory keeps what the player heard: their words and the NPC's heard part, or for a line the heard part alone
        /// (a turn with no player text; nothing when not a word of it was heard).
        /// </summary>
        private void Remember(TurnContext turn, string heard, bool interrupted)
        {
            if (turn.Origin == TurnOrigin.Line)
            {
                if (heard.Length > 0) _memory.Add(new DialogueTurn("", heard, interrupted));
            }
            else if (turn.PlayerText.Length > 0)
            {
                _memory.Add(new DialogueTurn(turn.PlayerText, heard, interrupted));
            }
        }
    }
}
