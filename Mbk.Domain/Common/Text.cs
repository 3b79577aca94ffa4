namespace Mbk.Domain.Common;

internal static class Text
{
    /// <summary>Trims a required text and checks its length, with Swedish messages naming the field.</summary>
    public static string Required(string? value, string fieldName, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException($"{fieldName} måste fyllas i.");
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{fieldName} får vara högst {maxLength} tecken (nu {trimmed.Length}).");
        }

        return trimmed;
    }

    /// <summary>Trims an optional text (empty becomes null) and checks its length.</summary>
    public static string? Optional(string? value, string fieldName, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{fieldName} får vara högst {maxLength} tecken (nu {trimmed.Length}).");
        }

        return trimmed;
    }
}
