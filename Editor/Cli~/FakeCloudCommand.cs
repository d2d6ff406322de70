using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using VoiceNpc.FakeCloud;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// <c>voicenpc fake-cloud</c>: the loopback fakes of the cloud vendors, for offline development of the cloud path.
    /// Prints one line per fake, "NAME BASE_URL", then serves until Ctrl+C; flags set the fault knobs.
    /// </summary>
    public static class FakeCloudCommand
    {
        public static Command Create()
        {
            var port = new Option<int>("--openai-port") { Description = "Port of the OpenAI fake (0: any free port)", DefaultValueFactory = _ => 0 };
            var deepgramPort = new Option<int>("--deepgram-port") { Description = "Port of the Deepgram fake (0: any free port)", DefaultValueFactory = _ => 0 };
            var elevenPort = new Option<int>("--elevenlabs-port") { Description = "Port of the ElevenLabs fake (0: any free port)", DefaultValueFactory = _ => 0 };
            var firstByte = new Option<int>("--first-byte-ms") { Description = "Delay before the first byte of every response" };
            var chunk = new Option<int>("--chunk-ms") { Description = "Delay between streamed chunks" };
            var status = new Option<int?>("--error-status") { Description = "Answer with this HTTP status and the vendor's error body" };
            var code = new Option<string>("--error-code") { Description = "The vendor's error code with --error-status (e.g. insufficient_quota)", DefaultValueFactory = _ => "" };
            var count = new Option<int?>("--error-count") { Description = "Only the first N requests get the error" };
            var malformed = new Option<int?>("--malformed-after") { Description = "Send a malformed frame after N chunks" };
            var disconnect = new Option<int?>("--disconnect-after") { Description = "Drop the connection after N chunks" };
            var outage = new Option<bool>("--outage") { Description = "Close every connection at once: the service is down" };
            var command = new Command("fake-cloud", "Serve loopback fakes of the cloud services (prints NAME BASE_URL per fake)")
            {
                port, deepgramPort, elevenPort, firstByte, chunk, status, code, count, malformed, disconnect, outage,
            };
            command.SetAction(async (result, cancellationToken) =>
            {
                await using var openai = await FakeOpenAI.StartAsync(port: result.GetValue(port));
                await using var elevenlabs = await FakeElevenLabs.StartAsync(port: result.GetValue(elevenPort));
                await using var deepgram = await FakeDeepgram.StartAsync(port: result.GetValue(deepgramPort));
                foreach (var knobs in new[] { openai.Knobs, elevenlabs.Knobs, deepgram.Knobs })
                {
                    knobs.FirstByteLatency = TimeSpan.FromMilliseconds(result.GetValue(firstByte));
                    knobs.ChunkInterval = TimeSpan.FromMilliseconds(result.GetValue(chunk));
                    knobs.ErrorStatus = result.GetValue(status);
                    knobs.ErrorCode = result.GetValue(code)!;
                    knobs.ErrorCount = result.GetValue(count);
                    knobs.MalformedAfterChunks = result.GetValue(malformed);
                    knobs.DisconnectAfterChunks = result.GetValue(disconnect);
                    knobs.Outage = result.GetValue(outage);
                }
                Console.WriteLine($"deepgram {deepgram.BaseUrl}");
                Console.WriteLine($"openai {openai.BaseUrl}");
                Console.WriteLine($"elevenlabs {elevenlabs.BaseUrl}");
                Console.Error.WriteLine($"voicenpc fake-cloud: keys {deepgram.Key} (DEEPGRAM_API_KEY), {openai.Key} (OPENAI_API_KEY) and {elevenlabs.Key} (ELEVENLABS_API_KEY); voices {string.Join(", ", FakeElevenLabs.Voices)}; Ctrl+C stops them");
                try { await Task.Delay(Timeout.Infinite, cancellationToken); }
                catch (OperationCanceledException) { }
                return 0;
            });
            return command;
        }
    }
}
