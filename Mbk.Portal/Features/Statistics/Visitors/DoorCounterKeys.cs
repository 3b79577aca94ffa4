using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mbk.Portal.Features.Statistics.Visitors;

/// <summary>
/// The per-office key an automatic door counter sends in <c>X-Api-Key</c>: 32 random bytes, base64url. Only the
/// SHA-256 (lower-case hex) is stored; keys are compared in constant time.
/// </summary>
public static class DoorCounterKeys
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>A new random key, shown to the manager once.</summary>
    public static string NewKey() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether <paramref name="key"/> hashes to <paramref name="storedHash"/>; false when either is missing.</summary>
    public static bool Matches(string? key, string? storedHash)
    {
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(storedHash) || storedHash.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        byte[] expected;
        try
        {
            expected = Convert.FromHexString(storedHash);
        }
        catch (FormatException)
        {
            return false;
        }

        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
