using System;
using System.CommandLine;
using System.IO;
using System.Threading.Tasks;

namespace VoiceNpc.Cli
{
    /// <summary>
    /// Runs a command line and keeps the exit codes apart: 0 done, 1 refused or failed (bad input, a file that cannot be
    /// read, a service that failed; the message says what), <see cref="Crashed"/> for an unexpected exception (a bug:
    /// one line, the stack trace only with the global <c>--verbose</c>), <see cref="Interrupted"/> when cancelled.
    /// </summary>
    public static class CliInvocation
    {
        /// <summary>EX_SOFTWARE in sysexits.h: an internal software error.</summary>
        public const int Crashed = 70;

        /// <summary>128 + SIGINT, as shells report a run cut short by Ctrl+C.</summary>
        public const int Interrupted = 130;

        public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter error)
        {
            var verbose = new Option<bool>("--verbose") { Description = "On an internal error, print its stack trace too", Recursive = true };
            root.Options.Add(verbose);
            var parsed = root.Parse(args);
            try
            {
                return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Error = error });
            }
            catch (OperationCanceledException)
            {
                error.WriteLine("voicenpc: interrupted");
                return Interrupted;
            }
            catch (Exception e)
            {
                string message = TerminalText.Clean(e.Message.Split('\n')[0].TrimEnd('\r'));
                error.WriteLine(parsed.GetValue(verbose)
                    ? $"voicenpc: internal error ({e.GetType().Name}): {message}\n{e}"
                    : $"voicenpc: internal error ({e.GetType().Name}): {message} (a bug; --verbose prints the stack trace)");
                return Crashed;
            }
        }
    }
}
