using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mbk.Domain.Queue;

/// <summary>
/// The secret in a mobile ticket's address (<c>/t/{code}</c>): 128 random bits, URL-safe (base64url, 22 characters).
/// Only its SHA-256 <see cref="Hash"/> is stored, so a copy of the database does not open anyone's ticket; the code
/// itself exists only in the QR code and the visitor's phone.
/// </summary>
public sealed class MobileTicketCode
{
    /// <summary>Random bytes in a code: 16 bytes are 128 bits, beyond guessing.</summary>
    public const int RandomBytes = 16;

    /// <summary>Characters of a code as written in the address.</summary>
    public const int Length = 22;

    /// <summary>Characters of the stored hash (SHA-256 as lower-case hex).</summary>
    public const int HashLength = 64;

    private MobileTicketCode(string code)
    {
        Code = code;
        Hash = HashOf(code);
    }

    /// <summary>The secret as it goes into the address; never stored.</summary>
    public string Code { get; }

    /// <summary>What the ticket keeps.</summary>
    public string Hash { get; }

    /// <summary>A fresh code from the operating system's cryptographic random number generator.</summary>
    public static MobileTicketCode New() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes)));

    /// <summary>Whether <paramref name="code"/> has the shape of a code (length and alphabet); says nothing about whether it exists.</summary>
    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>The stored form of a code: SHA-256 of its characters, lower-case hex.</summary>
    public static string HashOf(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));
    }

    /// <summary>A code is valid until the end of its ticket's office-local service day.</summary>
    public static DateTimeOffset ExpiresAt(DateOnly serviceDay, TimeZoneInfo zone) => ServiceDayCalculator.Bounds(serviceDay, zone).End;
}
