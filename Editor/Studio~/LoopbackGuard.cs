using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// Only this machine's pages may use the studio, since the API writes files and may spend cloud credit: the Host
    /// must be the loopback address (a DNS-rebinding page arrives with its own host name), an Origin must be the
    /// studio's own, and a request that changes something must say where it comes from (browsers send an Origin
    /// with every POST, PUT and DELETE, same-origin ones included), so a cross-site form or script cannot use it.
    /// </summary>
    internal static class LoopbackGuard
    {
        public static Task CheckAsync(HttpContext context, RequestDelegate next)
        {
            string? refusal = RefusalOf(context.Request);
            if (refusal == null) return next(context);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return context.Response.WriteAsJsonAsync(new { error = refusal });
        }

        private static string? RefusalOf(HttpRequest request)
        {
            if (!IsLoopback(request.Host.Host)) return "the studio answers only requests to 127.0.0.1, not to another host name";
            string origin = request.Headers.Origin.ToString();
            if (origin.Length > 0) return IsOwn(origin, request) ? null : "the studio answers only pages it served itself on 127.0.0.1";
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return null;
            return request.Headers["Sec-Fetch-Site"] == "same-origin"
                ? null
                : $"a {request.Method} must come from the studio's page: it needs an Origin header naming the studio ({request.Scheme}://{request.Host})";
        }

        private static bool IsLoopback(string host) => host == "127.0.0.1" || host == "localhost" || host == "[::1]";

        private static bool IsOwn(string origin, HttpRequest request) =>
            Uri.TryCreate(origin, UriKind.Absolute, out var o) && o.Scheme == Uri.UriSchemeHttp && IsLoopback(o.Host) && o.Port == request.Host.Port;
    }
}
