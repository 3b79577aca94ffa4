using QRCoder;

namespace Mbk.Portal.Features.Queue.Mobile;

/// <summary>
/// The address of a mobile ticket and its QR code. The address starts with <c>Queue:PublicBaseUrl</c> (where the
/// city's reverse proxy exposes <c>/t/*</c> to the internet); without it, with the address the kiosk itself uses.
/// </summary>
public sealed class MobileTicketLinks(IConfiguration configuration)
{
    public const string PublicBaseUrlKey = "Queue:PublicBaseUrl";

    /// <summary>"https://ko.stad.se/t/{code}?lang=ar"; <paramref name="requestBaseUri"/> is used when no public address is set.</summary>
    public string UrlFor(string code, string language, string requestBaseUri)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(requestBaseUri);
        var configured = configuration[PublicBaseUrlKey];
        var baseUrl = (string.IsNullOrWhiteSpace(configured) ? requestBaseUri : configured.Trim()).TrimEnd('/');
        return $"{baseUrl}/t/{Uri.EscapeDataString(code)}?lang={Uri.EscapeDataString(language)}";
    }

    /// <summary>The QR code of <paramref name="url"/> as a PNG data URI (black on white, with the standard quiet zone).</summary>
    public static string QrPngDataUri(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(8));
    }
}
