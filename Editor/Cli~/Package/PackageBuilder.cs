using System.IO;
using System.Linq;

namespace VoiceNpc.Cli.Package
{
    /// <summary>Builds <c>&lt;name&gt;-&lt;version&gt;.tgz</c> from the package's files on disk (<see cref="PackageSource"/>).</summary>
    public static class PackageBuilder
    {
        public static string Build(PackageSource source, string outputFolder)
        {
            var manifest = PackageManifest.Read(File.ReadAllText(source.FullPath("package.json")), source.FullPath("package.json"));
            Directory.CreateDirectory(outputFolder);
            string tarball = Path.Combine(outputFolder, manifest.TarballName);
            PackageTarball.Write(tarball, source.Files.Select(f => (f, File.ReadAllBytes(source.FullPath(f)))));
            return tarball;
        }
    }
}
