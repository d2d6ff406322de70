using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// The local web studio: a page (embedded, no build step) and a JSON API over the authoring library, on
    /// 127.0.0.1 only. It edits the character files in one folder, the same files the game ships.
    /// </summary>
    public sealed class StudioServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private StudioServer(WebApplication app) => _app = app;

        /// <summary>"http://127.0.0.1:PORT".</summary>
        public string BaseUrl { get; private set; } = "";

        public static async Task<StudioServer> StartAsync(StudioOptions options)
        {
            Directory.CreateDirectory(options.CharacterFolder);
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, options.Port));
            builder.Services.ConfigureHttpJsonOptions(json =>
            {
                json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower;
                json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.SnakeCaseLower));
            });
            var app = builder.Build();
            app.Use(SecurityHeaders.AddAsync);
            app.Use(LoopbackGuard.CheckAsync);
            app.Use(AnswerRefusalsAsync);
            var files = new CharacterFolder(options.CharacterFolder);
            CharacterEndpoints.Map(app, files);
            PreviewEndpoints.Map(app, files, options);
            ChatEndpoints.Map(app, files, options);
            OutageEndpoints.Map(app, files, options);
            MapPage(app);
            await app.StartAsync().ConfigureAwait(false);
            return new StudioServer(app) { BaseUrl = app.Urls.First().Replace("localhost", "127.0.0.1") };
        }

        private static async Task AnswerRefusalsAsync(HttpContext context, RequestDelegate next)
        {
            try { await next(context).ConfigureAwait(false); }
            catch (StudioRefusalException e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsJsonAsync(new { error = e.Message }).ConfigureAwait(false);
            }
        }

        /// <summary>The page's files, embedded in this assembly.</summary>
        private static void MapPage(WebApplication app)
        {
            app.MapGet("/", () => Asset("index.html"));
            app.MapGet("/{file}", (string file) => Asset(file));
        }

        private static IResult Asset(string file)
        {
            var stream = typeof(StudioServer).Assembly.GetManifestResourceStream("wwwroot/" + file);
            if (stream == null) return Results.NotFound();
            string type = Path.GetExtension(file) switch { ".html" => "text/html; charset=utf-8", ".js" => "text/javascript", ".css" => "text/css", ".svg" => "image/svg+xml", _ => "application/octet-stream" };
            return Results.Stream(stream, type);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
