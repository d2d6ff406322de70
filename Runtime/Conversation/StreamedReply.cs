using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using VoiceNpc.Tts;

namespace VoiceNpc.Conversation
{
    /// <summary>
    /// A reply spoken over one <see cref="ISpeechInputStream"/>: clauses go in as they come, the audio is read on its
    /// own task and handed to playback in order. When the stream fails it knows which clauses were not yet spoken, so
    /// the next provider of the chain says those and nothing twice.
    /// </summary>
    internal sealed class StreamedReply : IDisposable
    {
        private readonly ISpeechInputStream _stream;
        private readonly List<string> _sent = new List<string>();

        public StreamedReply(TurnContext turn, ITextToSpeech provider, ISpeechInputStream stream, Func<SpeechChunk, Task> play)
        {
            Turn = turn;
            Provider = provider;
            _stream = stream;
            Reading = Task.Run(() => ReadAsync(play));
        }

        public TurnContext Turn { get; }
        public ITextToSpeech Provider { get; }

        /// <summary>The audio reader: completes when the provider's audio ended, faults when the stream failed.</summary>
        public Task Reading { get; }

        public Task SendAsync(string clause)
        {
            _sent.Add(clause);
            return _stream.SendAsync(clause, Turn.Token);
        }

        /// <summary>Ends the input and waits for the rest of the audio; throws the stream's failure.</summary>
        public async Task FinishAsync()
        {
            try { await _stream.CompleteAsync(Turn.Token).ConfigureAwait(false); }
            catch (Exception) when (!Turn.IsCancelled) { }   // a broken socket: the reader reports why
            await Reading.ConfigureAwait(false);
        }

        /// <summary>
        /// Stops the stream after <paramref name="failure"/> and returns the failure to report (the reader's own, when it
        /// failed first) and the clauses whose audio did not all arrive, in order.
        /// </summary>
        public async Task<(Exception Cause, IReadOnlyList<string> Unspoken)> StopAsync(Exception failure)
        {
            if (Reading.IsFaulted) failure = Reading.Exception!.GetBaseException();
            _stream.Dispose();
            try { await Reading.ConfigureAwait(false); }
            catch (Exception) { }   // the abort we just caused, or the failure already taken
            return (failure, _sent.Skip(_stream.ClausesSpoken).ToList());
        }

        private async Task ReadAsync(Func<SpeechChunk, Task> play)
        {
            await foreach (var chunk in _stream.ReadAudioAsync(Turn.Token).ConfigureAwait(false))
                await play(chunk).ConfigureAwait(false);
        }

        public void Dispose() => _stream.Dispose();
    }
}
