using System;
using System.Runtime.InteropServices;

namespace VoiceNpc.Native
{
    /// <summary>
    /// Turns the loader's failures (DllNotFoundException, EntryPointNotFoundException, BadImageFormatException, and a
    /// TypeInitializationException around one of them) into one <see cref="NativeLibraryUnavailableException"/>.
    /// Libraries are named bare ("voicenpc_flite"), as DllImport takes them on every platform.
    /// </summary>
    internal static class NativeLoad
    {
        /// <summary>Runs a first call into <paramref name="library"/>; <paramref name="purpose"/> says what it is for.</summary>
        public static T Guard<T>(string library, string purpose, Func<T> call)
        {
            try
            {
                return call();
            }
            catch (Exception e) when (IsLoadFailure(e))
            {
                throw Unavailable(library, purpose, e);
            }
        }

        public static bool IsLoadFailure(Exception e) =>
            e is DllNotFoundException || e is EntryPointNotFoundException || e is BadImageFormatException
            || (e is TypeInitializationException && e.InnerException != null && IsLoadFailure(e.InnerException));

        public static NativeLibraryUnavailableException Unavailable(string library, string purpose, Exception failure)
        {
            Exception cause = failure;
            while (cause is TypeInitializationException && cause.InnerException != null) cause = cause.InnerException;
            string file = FileName(library);
            string problem = cause is EntryPointNotFoundException
                ? "it lacks a function this runtime calls (a library of another version)"
                : cause is BadImageFormatException ? "it is damaged or built for another platform" : "it was not found or could not be loaded";
            string message = $"the native library {file} ({purpose}) is unavailable on {Platform}: {problem}. "
                + "The package carries it in Runtime/Plugins/x86_64 for Linux x64: reinstall the package (or run ./build.sh in its "
                + "repository); on other platforms add a build of it as a plugin." + LoaderDetail(cause.Message, file);
            return new NativeLibraryUnavailableException(file, Platform, message, failure);
        }

        /// <summary>The file name the platform's loader looks for.</summary>
        public static string FileName(string library) =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? library + ".dll"
            : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "lib" + library + ".dylib"
            : "lib" + library + ".so";

        public static string Platform
        {
            get
            {
                string os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "windows"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "macos"
                    : RuntimeInformation.IsOSPlatform(OSPlatform.Linux) ? "linux" : RuntimeInformation.OSDescription;
                return os + "-" + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
            }
        }

        // The loader's line about the file itself ("invalid ELF header", "undefined symbol: ..."), not its misses elsewhere.
        private static string LoaderDetail(string loaderMessage, string file)
        {
            foreach (string line in loaderMessage.Split('\n'))
                if (line.Contains(file) && !line.Contains("No such file or directory")) return " Loader: " + line.Trim();
            return "";
        }
    }
}
