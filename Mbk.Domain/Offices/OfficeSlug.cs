using System.Text.RegularExpressions;
using Mbk.Domain.Common;

namespace Mbk.Domain.Offices;

/// <summary>The short name of an office used in URLs, e.g. <c>rinkeby</c> in <c>/kiosk/rinkeby</c>.</summary>
public static partial class OfficeSlug
{
    public const int MaxLength = 40;

    /// <summary>Normalises and validates a slug: lower-case letters a–z, digits and single hyphens.</summary>
    public static string Parse(string? value)
    {
        var slug = value?.Trim().ToLowerInvariant() ?? string.Empty;
        if (slug.Length == 0)
        {
            throw new DomainException("Kortnamnet (för webbadresser) måste fyllas i.");
        }

        if (slug.Length > MaxLength || !SlugPattern().IsMatch(slug))
        {
            throw new DomainException(
                $"Kortnamnet \"{value}\" går inte att använda: använd 2–{MaxLength} tecken a–z, siffror och bindestreck, t.ex. \"rinkeby\".");
        }

        return slug;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
