using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>
/// The secret in an office's feed URL: 32 random bytes, base64url (43 characters). Only its SHA-256 is stored
/// (<see cref="Mbk.Domain.Almanac.AlmanacFeedSubscription"/>): calendar apps keep the URL themselves, so the portal never
/// needs to show it again, and a leaked database copy or backup gives nobody the feed. A manager who lost the URL
/// regenerates it (and re-subscribes); that is preferred to keeping the token decryptable with Data Protection.
/// </summary>
public static class AlmanacFeedTokens
{
    public const int TokenLength = 43;

    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Whether the text can be a token at all (so anything else is a 404 without a database look-up).</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The feed's path for a token: <c>/almanac/feed/{token}.ics</c>.</summary>
    public static string PathFor(string token) => $"/almanac/feed/{token}.ics";
}
