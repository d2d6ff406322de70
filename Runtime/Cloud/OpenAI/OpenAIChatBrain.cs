using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using global::OpenAI.Chat;
using VoiceNpc.Brain;
using VoiceNpc.Memory;
using VoiceNpc.Providers.Cloud;

namespace VoiceNpc.Providers.OpenAI
{
    /// <summary>
    /// A character brain on an OpenAI-compatible chat service, through the official SDK (its own retries off: ours
    /// are Polly's). The reply streams token by token; everything up to the first token runs under the resilience
    /// pipeline (timeouts, retries, circuit breaker), so a failed or slow start falls back before the NPC has spoken.
    /// </summary>
    public sealed class OpenAIChatBrain : ICharacterBrain
    {
        public const string ProviderName = OpenAIConnection.ProviderName;
        private readonly OpenAIConnection _connection;
        private readonly ChatClient _chat;
        private readonly OpenAIBrainOptions _options;

        public OpenAIChatBrain(OpenAIBrainOptions options)
        {
            _options = options;
            _connection = new OpenAIConnection(options.BaseUrl, options.Key, options.StallTimeout, options.Resilience);
            _chat = new ChatClient(options.Model, _connection.Credential, _connection.Options);
        }

        public string Name => ProviderName;

        public async IAsyncEnumerable<string> StreamReplyAsync(BrainRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var messages = Messages(request);
            var settings = new ChatCompletionOptions { MaxOutputTokenCount = _options.MaxOutputTokens };
            ReplyStream stream;
            try
            {
                stream = await _connection.Pipeline.ExecuteAsync(
                    async token => await ReplyStream.StartAsync(_chat, messages, settings, token, cancellationToken).ConfigureAwait(false),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                throw _connection.Failure(e);
            }
            using (stream)
            {
                if (stream.First.Length > 0) yield return stream.First;
                while (true)
                {
                    string? next;
                    try { next = await stream.NextAsync().ConfigureAwait(false); }
                    catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                    {
                        _connection.CountFailure();
                        throw _connection.Failure(e);
                    }
                    if (next == null) yield break;
                    if (next.Length > 0) yield return next;
                }
            }
        }

        /// <summary>Told to a brain that takes over a reply another brain had started (<see cref="BrainRequest.SpokenSoFar"/>).</summary>
        private const string ContinueInstruction =
            "Your reply to the player's last line was cut off after the words in the last assistant message, which the player " +
            "already heard. Continue that reply from exactly where it stops: do not repeat those words.";

        /// <summary>
        /// The character's system prompt (with its memory), the dialogue so far unless memory holds it, the player's line,
        /// and the reply's start when this brain continues one.
        /// </summary>
        private List<ChatMessage> Messages(BrainRequest request)
        {
            string system = SystemPrompt.Build(request.Character, request.Memory, _options.MemoryTokenBudget);
            bool continuing = request.SpokenSoFar.Length > 0;
            if (continuing) system += "\n\n" + ContinueInstruction;
            var messages = new List<ChatMessage> { new SystemChatMessage(system) };
            if (request.Memory == null)
            {
                foreach (var turn in request.History)
                {
                    if (turn.PlayerText.Length > 0) messages.Add(new UserChatMessage(turn.PlayerText));   // empty: a line the game gave the NPC
                    if (turn.NpcText.Length > 0) messages.Add(new AssistantChatMessage(turn.NpcText));
                }
            }
            messages.Add(new UserChatMessage(request.PlayerText));
            if (continuing) messages.Add(new AssistantChatMessage(request.SpokenSoFar));
            return messages;
        }

        public void Dispose() { }

        /// <summary>
        /// One attempt's stream, started and read up to its first content. Reading after that uses the caller's token
        /// (not the attempt's timeout), and ends with an error if the service stopped without finishing the reply.
        /// </summary>
        private sealed class ReplyStream : IDisposable
        {
            private readonly CancellationTokenSource _life;
            private readonly IAsyncEnumerator<StreamingChatCompletionUpdate> _updates;
            private bool _finished;

            private ReplyStream(CancellationTokenSource life, IAsyncEnumerator<StreamingChatCompletionUpdate> updates)
            {
                _life = life;
                _updates = updates;
            }

            public string First { get; private set; } = "";

            public static async Task<ReplyStream> StartAsync(ChatClient chat, List<ChatMessage> messages, ChatCompletionOptions settings,
                CancellationToken attempt, CancellationToken caller)
            {
                var life = CancellationTokenSource.CreateLinkedTokenSource(caller);
                var stream = new ReplyStream(life, chat.CompleteChatStreamingAsync(messages, settings, life.Token).GetAsyncEnumerator(life.Token));
                // The attempt's timeout (Polly) ends this attempt, closing its connection; the stream itself lives on.
                using (attempt.Register(() => life.Cancel()))
                {
                    try
                    {
                        while (stream.First.Length == 0)
                        {
                            string? text = await stream.NextAsync().ConfigureAwait(false);
                            if (text == null) break;
                            stream.First = text;
                        }
                    }
                    catch
                    {
                        stream.Dispose();
                        if (attempt.IsCancellationRequested && !caller.IsCancellationRequested) throw new OperationCanceledException(attempt);
                        throw;
                    }
                }
                return stream;
            }

            /// <summary>The next piece of text ("" for an update without any), or null at the end of the reply.</summary>
            public async Task<string?> NextAsync()
            {
                if (_finished) return null;
                if (!await _updates.MoveNextAsync().ConfigureAwait(false))
                    throw new ProviderException(ProviderName, "the reply stream ended before the reply was finished");
                var update = _updates.Current;
                if (update.FinishReason.HasValue) _finished = true;
                var text = new StringBuilder();
                foreach (var part in update.ContentUpdate) text.Append(part.Text);
                return text.ToString();
            }

            public void Dispose()
            {
                _life.Cancel();
                _updates.DisposeAsync().AsTask().ContinueWith(_ => _life.Dispose(), TaskScheduler.Default);
            }
        }
    }
}
