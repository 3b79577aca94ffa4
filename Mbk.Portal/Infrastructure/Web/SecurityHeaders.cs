using Microsoft.Net.Http.Headers;

namespace Mbk.Portal.Infrastructure.Web;

/// <summary>
/// Security headers on every response (pages, exports, the hub's negotiation, /hangfire, /healthz, the iCal feed),
/// set when the response starts so that error pages and static files carry them too. HTML gets a Content-Security-Policy
/// as strict as Blazor Server and MudBlazor allow: scripts only from the portal itself (no inline script), styles from
/// the portal plus inline style attributes (MudBlazor sets positions and colours through them), the WebSocket back to
/// the portal, and no framing by other sites.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "media-src 'self' data: blob:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'self'";

    /// <summary>Only what the pages use: sound on the display (autoplay), full screen on the kiosk, vibration on the mobile ticket.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(self), camera=(), display-capture=(), fullscreen=(self), geolocation=(), " +
        "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), " +
        "screen-wake-lock=(self), serial=(), usb=(), xr-spatial-tracking=()";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            var response = context.Response;
            response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                var headers = response.Headers;
                headers[HeaderNames.XContentTypeOptions] = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                headers[HeaderNames.XFrameOptions] = "SAMEORIGIN";
                var isHtml = response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
                headers[HeaderNames.ContentSecurityPolicy] = isHtml ? ContentSecurityPolicy : "frame-ancestors 'self'";
                return Task.CompletedTask;
            }, response);
            return next(context);
        });
}
