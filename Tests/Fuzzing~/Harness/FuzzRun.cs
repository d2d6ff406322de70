using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;

namespace VoiceNpc.Tests.Fuzzing.Harness
{
    /// <summary>
    /// One parser's fuzz run. Inputs come in a fixed order: the systematic ones (the corpus, every truncation of a
    /// small seed, interesting integers at every offset, ...), then random mutations, mutation i drawn from
    /// <c>new Random(Seed + i)</c>, so a failure reproduces from its number alone. The run stops at
    /// <see cref="MaxInputs"/> or after <see cref="Budget"/> (the systematic inputs get at most 60% of it), or at the first
    /// hang or gigabyte allocation (the next ones would only take longer, or exhaust the memory). The property: each input parses, or fails with one of
    /// the parser's typed errors; never another exception, never a hang (<see cref="PerInputLimit"/>), never more
    /// allocation than <see cref="AllocationLimit"/> allows (a claimed length must not be believed).
    /// </summary>
    internal sealed class FuzzRun
    {
        /// <summary>VOICENPC_FUZZ_SEED changes the random mutations (the systematic ones never change).</summary>
        public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("VOICENPC_FUZZ_SEED"), out int s) ? s : 11;

        /// <summary>VOICENPC_FUZZ_SECONDS: time per parser (default 3.5 s, so the whole run stays within a minute on two cores).</summary>
        public static TimeSpan Budget { get; } = TimeSpan.FromSeconds(
            double.TryParse(Environment.GetEnvironmentVariable("VOICENPC_FUZZ_SECONDS"), out double b) ? b : 3.5);

        public const int MaxInputs = 50_000;
        private const double SystematicShare = 0.6;   // of the budget, so random mutations always get a turn
        public static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(20);   // a hang detector, far above any real parse

        private readonly string _parser;
        private readonly Action<byte[]> _parse;
        private readonly Type[] _typedErrors;
        private readonly Dictionary<string, FuzzFailure> _failures = new Dictionary<string, FuzzFailure>();

        /// <param name="parse">Parses one input; it may throw only the <paramref name="typedErrors"/> (or their subclasses).</param>
        public FuzzRun(string parser, Action<byte[]> parse, params Type[] typedErrors)
        {
            _parser = parser;
            _parse = parse;
            _typedErrors = typedErrors;
        }

        /// <summary>An allocation that stops the run (the next such input could exhaust the machine's memory).</summary>
        private const long StopAllocating = 1L << 30;

        /// <summary>A JSON parser over its committed corpus, with the structure-aware JSON mutations.</summary>
        public static void Json(string parser, Action<byte[]> parse, Type typedError)
        {
            var seeds = Corpus.Load(parser);
            new FuzzRun(parser, parse, typedError).Check(JsonMutator.Systematic(seeds), random => JsonMutator.Mutate(random, seeds));
        }

        /// <summary>Bytes a parse may allocate: a generous multiple of the input, never the gigabytes a forged length claims.</summary>
        public static long AllocationLimit(byte[] input) => 64L * 1024 * 1024 + 200L * input.Length;

        /// <summary>Runs the inputs and fails the test listing every distinct failure (exception type and place).</summary>
        public void Check(IEnumerable<byte[]> systematic, Func<Random, byte[]> mutate) => Check(systematic, mutate, Budget);

        /// <summary>As <see cref="Check(IEnumerable{byte[]}, Func{Random, byte[]})"/> within a share of the budget (for a second path into a parser).</summary>
        public void Check(IEnumerable<byte[]> systematic, Func<Random, byte[]> mutate, double shareOfBudget) => Check(systematic, mutate, shareOfBudget * Budget);

        /// <summary>Only the given inputs (too large to mutate), within the budget.</summary>
        public void CheckEach(IEnumerable<byte[]> inputs) => Check(inputs, null, Budget);

        private void Check(IEnumerable<byte[]> systematic, Func<Random, byte[]>? mutate, TimeSpan budget)
        {
            var clock = Stopwatch.StartNew();
            int tried = 0, fixedInputs = 0, typed = 0;
            bool stopped = false;
            foreach (var input in systematic)
            {
                if (tried >= MaxInputs || clock.Elapsed > (mutate == null ? 1 : SystematicShare) * budget) break;
                tried++;
                fixedInputs++;
                if (stopped = !Try(input, $"systematic input {fixedInputs - 1}", ref typed)) break;
            }
            for (int i = 0; mutate != null && !stopped && tried < MaxInputs && clock.Elapsed < budget; i++)
            {
                tried++;
                stopped = !Try(mutate(new Random(unchecked(Seed + i))), $"mutation {i} (seed {Seed})", ref typed);
            }

            TestContext.Progress.WriteLine(
                $"fuzz {_parser}: {tried} inputs ({fixedInputs} systematic, {tried - fixedInputs} mutations, seed {Seed}) in {clock.Elapsed.TotalSeconds:0.0} s; " +
                $"{typed} refused with a typed error, {_failures.Count} distinct failures");
            Assert.That(_failures.Values.Select(f => f.ToString()), Is.Empty, $"{_parser} failed on fuzzed inputs");
        }

        /// <summary>False when the run must stop: the parse hung (its thread is still busy) or allocated without bound.</summary>
        private bool Try(byte[] input, string origin, ref int typed)
        {
            Exception? error = null;
            long allocated = 0;
            var parse = Task.Run(() =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                try { _parse(input); }
                catch (Exception e) { error = e; }
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });
            if (!parse.Wait(PerInputLimit))
            {
                Record(new FuzzFailure(_parser, origin, input, $"no answer within {PerInputLimit.TotalSeconds:0} s (a hang)", "hang"));
                return false;
            }
            if (error is AggregateException { InnerExceptions: { Count: 1 } } aggregate) error = aggregate.InnerException;
            if (error != null && _typedErrors.Any(t => t.IsInstanceOfType(error))) typed++;
            else if (error != null)
                Record(new FuzzFailure(_parser, origin, input, $"{error.GetType().Name}: {error.Message}", Where(error)));
            if (allocated <= AllocationLimit(input)) return true;
            Record(new FuzzFailure(_parser, origin, input, $"allocated {allocated / (1024 * 1024)} MB for a {input.Length}-byte input", "allocation"));
            return allocated < StopAllocating;
        }

        /// <summary>Keeps the first input of each kind of failure.</summary>
        private void Record(FuzzFailure failure)
        {
            if (_failures.ContainsKey(failure.Signature)) return;
            _failures[failure.Signature] = failure;
            TestContext.Progress.WriteLine(failure.ToString());
        }

        /// <summary>
        /// The exception's type, its message without numbers, and its first frame in our code: the message tells two
        /// failures apart even when the JIT has inlined the method that threw into its caller.
        /// </summary>
        private static string Where(Exception e)
        {
            string message = new string(e.Message.Where(c => !char.IsDigit(c)).Take(100).ToArray());
            var frames = (e.StackTrace ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("at ")).ToList();
            string ours = frames.FirstOrDefault(l => l.Contains("VoiceNpc.") && !l.Contains("VoiceNpc.Tests.")) ?? frames.FirstOrDefault() ?? "";
            int paren = ours.IndexOf('(');
            return $"{e.GetType().Name} \"{message}\" {(paren > 0 ? ours.Substring(0, paren) : ours)}";
        }
    }

    /// <summary>One failing input, printed so it can be replayed: where it came from and its bytes (base64; whole in a file when long).</summary>
    internal sealed class FuzzFailure
    {
        private const int PrintedBytes = 1536;

        public FuzzFailure(string parser, string origin, byte[] input, string what, string signature)
        {
            Parser = parser;
            Origin = origin;
            Input = input;
            What = what;
            Signature = signature;
        }

        public string Parser { get; }
        public string Origin { get; }
        public byte[] Input { get; }
        public string What { get; }
        public string Signature { get; }

        public override string ToString()
        {
            string bytes = Input.Length <= PrintedBytes
                ? "base64 " + Convert.ToBase64String(Input)
                : $"{Input.Length} bytes, whole in {Save()}; first {PrintedBytes} base64 {Convert.ToBase64String(Input, 0, PrintedBytes)}";
            return $"{Parser}: {What} [{Signature}] on {Origin}, {bytes}";
        }

        private string Save()
        {
            string folder = Directory.CreateDirectory(Path.Combine(TestContext.CurrentContext.WorkDirectory, "fuzz-failures")).FullName;
            string path = Path.Combine(folder, $"{Parser}-{Origin.Split(' ')[0]}-{Origin.GetHashCode():x8}.bin");
            File.WriteAllBytes(path, Input);
            return path;
        }
    }
}
