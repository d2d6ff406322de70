using System.CommandLine;
using System.Threading.Tasks;

namespace VoiceNpc.Cli
{
    /// <summary><c>voicenpc bench</c>: prints the pipeline's figures. Benchmarks measure; tests never time things.</summary>
    public static class BenchCommand
    {
        public static Command Create()
        {
            var turns = new Option<int>("--turns") { Description = "Turns for the pipeline-overhead benchmark", DefaultValueFactory = _ => 200 };
            var cloudTurns = new Option<int>("--cloud-turns") { Description = "Turns per configuration of the cloud-latency benchmark (0 skips it)", DefaultValueFactory = _ => 50 };
            var command = new Command("bench", "Measure pipeline overhead, per-frame allocation, persistence, offline recognition, the native audio path and the cloud path") { turns, cloudTurns };
            command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(turns), result.GetValue(cloudTurns), cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(int turns, int cloudTurns, System.Threading.CancellationToken cancellationToken)
        {
            await PipelineOverheadBenchmark.RunAsync(turns, cancellationToken);
            FrameAllocationBenchmark.Run();
            PersistenceBenchmark.Run();
            await RecognitionBenchmark.RunAsync(cancellationToken);
            DeviceLatencyBenchmark.Run();
            LiveRoundTripBenchmark.Run();
            if (cloudTurns > 0) await CloudLatencyBenchmark.RunAsync(cloudTurns, cancellationToken);
            return 0;
        }
    }
}
