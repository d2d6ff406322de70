using System;
using System.Runtime.InteropServices;
using NUnit.Framework;
using VoiceNpc.Native;

namespace VoiceNpc.Tests.Native
{
    /// <summary>The loader's failures become one typed error naming the file, the platform and what to do.</summary>
    public sealed class NativeLoadTests
    {
        private const string MissingLibrary = "voicenpc_no_such_library";

        [DllImport(MissingLibrary, EntryPoint = "voicenpc_no_such_function")]
        private static extern int CallMissingLibrary();

        // The package's Flite library is there (beside the tests, or in the plugin folder); this function is not.
        [DllImport("voicenpc_flite", EntryPoint = "voicenpc_no_such_function")]
        private static extern int CallMissingFunction();

        private static class LoadsWhenInitialized
        {
            public static readonly int Value = CallMissingLibrary();
        }

        [Test]
        public void AMissingLibraryNamesTheFileThePlatformAndWhatToDo()
        {
            var e = Assert.Throws<NativeLibraryUnavailableException>(() => NativeLoad.Guard(MissingLibrary, "a test", CallMissingLibrary))!;
            Assert.That(e.Library, Is.EqualTo(NativeLoad.FileName(MissingLibrary)));
            Assert.That(e.Message, Does.Contain(e.Library).And.Contain(e.Platform).And.Contain("(a test)").And.Contain("reinstall the package"));
            Assert.That(e.InnerException, Is.InstanceOf<DllNotFoundException>());
        }

        [Test]
        public void ALibraryWithoutTheFunctionIsTheSameTypedError()
        {
            var e = Assert.Throws<NativeLibraryUnavailableException>(() => NativeLoad.Guard("voicenpc_flite", "Flite", CallMissingFunction))!;
            Assert.That(e.Library, Is.EqualTo(NativeLoad.FileName("voicenpc_flite")));
            Assert.That(e.Message, Does.Contain("lacks a function"));
            Assert.That(e.InnerException, Is.InstanceOf<EntryPointNotFoundException>());
        }

        [Test]
        public void AFailureInsideATypeInitializerIsRecognised()
        {
            var e = Assert.Throws<NativeLibraryUnavailableException>(
                () => NativeLoad.Guard(MissingLibrary, "a test", () => LoadsWhenInitialized.Value))!;
            Assert.That(e.InnerException, Is.InstanceOf<TypeInitializationException>());
            Assert.That(e.Message, Does.Contain("not found or could not be loaded"));
        }

        [Test]
        public void OtherFailuresPassThroughUnchanged()
        {
            Assert.Throws<InvalidOperationException>(
                () => NativeLoad.Guard<int>(MissingLibrary, "a test", () => throw new InvalidOperationException("not a loader failure")));
        }

        [Test]
        public void OnLinuxTheFileIsTheSharedObjectThePackageShips()
        {
            Assume.That(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && RuntimeInformation.ProcessArchitecture == Architecture.X64, Is.True);
            Assert.That(NativeLoad.FileName("voicenpc_flite"), Is.EqualTo("libvoicenpc_flite.so"));
            Assert.That(NativeLoad.Platform, Is.EqualTo("linux-x64"));
        }
    }
}
