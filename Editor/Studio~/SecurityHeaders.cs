using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace VoiceNpc.Studio
{
    /// <summary>
    /// Headers on every answer: no site may frame the studio (clickjacking: a page steering clicks on a hidden
    /// studio), the page loads only its own script and style (audio from data: and blob: URLs it makes itself), and
    /// browsers take each answer as the type it says, never sniffing a JSON or WAV into a script.
    /// </summary>
    internal static class SecurityHeaders
    {
        public const string ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' data: blob:; " +
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

        public static Task AddAsync(HttpContext context, RequestDelegate next)
        {
            var headers = context.Response.Headers;
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return next(context);
        }
    }
}
