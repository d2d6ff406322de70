using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc bench</c>: prints the pipeline's figures. Benchmarks measure; tests never time things.</summary>
    public static class BenchCommand
    {
        private static readonly string[] Names =
            { "pipeline", "frames", "persistence", "recognition", "devices", "capture", "live", "cloud", "host" };

        public static Command Create()
        {
            var turns = new Option<int>("--turns") { Description = "Turns for the pipeline-overhead benchmark", DefaultValueFactory = _ => 200 };
            var cloudTurns = new Option<int>("--cloud-turns") { Description = "Turns per configuration of the cloud-latency benchmark (0 skips it)", DefaultValueFactory = _ => 50 };
            var only = new Option<string[]>("--only") { Description = "Run only these benchmarks: " + string.Join(", ", Names), AllowMultipleArgumentsPerToken = true };
            only.Validators.Add(result =>
            {
                foreach (var name in result.GetValueOrDefault<string[]>() ?? Array.Empty<string>())
                    if (!Names.Contains(name)) result.AddError($"--only: unknown benchmark \"{name}\" (known: {string.Join(", ", Names)})");
            });
            var command = new Command("bench", "Measure pipeline overhead, per-frame allocation, persistence, offline recognition, the native audio path and the cloud path") { turns, cloudTurns, only };
            command.SetAction((result, cancellationToken) =>
            {
                var chosen = result.GetValue(only) is { Length: > 0 } names ? new HashSet<string>(names) : new HashSet<string>(Names);
                return RunAsync(chosen, result.GetValue(turns), result.GetValue(cloudTurns), cancellationToken);
            });
            return command;
        }

        private static async Task<int> RunAsync(ISet<string> chosen, int turns, int cloudTurns, CancellationToken cancellationToken)
        {
            if (chosen.Contains("pipeline")) await PipelineOverheadBenchmark.RunAsync(turns, cancellationToken);
            if (chosen.Contains("frames")) FrameAllocationBenchmark.Run();
            if (chosen.Contains("persistence")) PersistenceBenchmark.Run();
            if (chosen.Contains("recognition")) await RecognitionBenchmark.RunAsync(cancellationToken);
            if (chosen.Contains("devices")) DeviceLatencyBenchmark.Run();
            if (chosen.Contains("capture")) CaptureOnlyLatencyBenchmark.Run();
            if (chosen.Contains("live")) LiveRoundTripBenchmark.Run();
            if (chosen.Contains("host")) HostAudioBenchmark.Run();
            if (chosen.Contains("cloud") && cloudTurns > 0) await CloudLatencyBenchmark.RunAsync(cloudTurns, cancellationToken);
            return 0;
        }
    }
}
