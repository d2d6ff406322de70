using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceNpc.FakeCloud
{
    /// <summary>The web host every fake runs on: Kestrel on 127.0.0.1 only (port 0: any free one), no logging.</summary>
    internal static class LoopbackApp
    {
        public static WebApplication Create(int port)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
            return builder.Build();
        }

        /// <summary>"http://127.0.0.1:PORT" of a started app.</summary>
        public static string Address(WebApplication app) => app.Urls.First().Replace("localhost", "127.0.0.1");

        public static async Task StopAsync(WebApplication app)
        {
            await app.StopAsync().ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
