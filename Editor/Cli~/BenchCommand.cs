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
            var command = new Command("bench", "Measure pipeline overhead, per-frame allocation, persistence, offline recognition and the native audio path") { turns };
            command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(turns), cancellationToken));
            return command;
        }

        private static async Task<int> RunAsync(int turns, System.Threading.CancellationToken cancellationToken)
        {
            await PipelineOverheadBenchmark.RunAsync(turns, cancellationToken);
            FrameAllocationBenchmark.Run();
            PersistenceBenchmark.Run();
            await RecognitionBenchmark.RunAsync(cancellationToken);
            DeviceLatencyBenchmark.Run();
            LiveRoundTripBenchmark.Run();
            return 0;
        }
    }
}
