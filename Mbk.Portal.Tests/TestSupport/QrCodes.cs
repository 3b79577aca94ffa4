using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>Reads a QR code the way a phone camera would: from the pixels the browser drew, decoded with ZXing.</summary>
public static class QrCodes
{
    /// <summary>Draws the (loaded) image element onto a canvas in the page and decodes its pixels; null when no QR code is found.</summary>
    public static async Task<string?> DecodeImageAsync(ILocator image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var pixels = await image.EvaluateAsync<ImagePixels>(
            """
            async img => {
                await img.decode();
                const canvas = document.createElement("canvas");
                canvas.width = img.naturalWidth;
                canvas.height = img.naturalHeight;
                const context = canvas.getContext("2d");
                context.fillStyle = "#fff";
                context.fillRect(0, 0, canvas.width, canvas.height);
                context.drawImage(img, 0, 0);
                const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
                let binary = "";
                for (let i = 0; i < data.length; i += 0x8000) {
                    binary += String.fromCharCode.apply(null, data.subarray(i, i + 0x8000));
                }
                return { width: canvas.width, height: canvas.height, rgba: btoa(binary) };
            }
            """);
        var bytes = Convert.FromBase64String(pixels.Rgba);
        var source = new RGBLuminanceSource(bytes, pixels.Width, pixels.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        var reader = new QRCodeReader();
        var result = reader.decode(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }

    /// <summary>What the page returns (Playwright needs a parameterless type to fill).</summary>
    private sealed class ImagePixels
    {
        public int Width { get; set; }

        public int Height { get; set; }

        public string Rgba { get; set; } = string.Empty;
    }
}
