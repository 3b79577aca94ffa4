namespace Mbk.Domain.Common;

/// <summary>The CLDR plural categories; a language uses only some of them (Swedish: One and Other).</summary>
public enum PluralCategory
{
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// <summary>
/// CLDR plural rules (cardinal, whole numbers) of the languages the kiosk, display and mobile ticket speak. From
/// CLDR's plurals.xml: sv, en, so "one: n = 1"; ti "one: n = 0..1"; fa "one: i = 0 or n = 1"; ar "zero: n = 0, one:
/// n = 1, two: n = 2, few: n % 100 = 3..10, many: n % 100 = 11..99". Any other language falls back to "one: n = 1".
/// </summary>
public static class PluralRules
{
    public static PluralCategory Category(string language, long n)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return language switch
        {
            "ar" => n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ when n % 100 is >= 3 and <= 10 => PluralCategory.Few,
                _ when n % 100 is >= 11 and <= 99 => PluralCategory.Many,
                _ => PluralCategory.Other,
            },
            "ti" or "fa" => n is 0 or 1 ? PluralCategory.One : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    private static readonly PluralCategory[] ArabicCategories =
        [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other];

    private static readonly PluralCategory[] OneAndOther = [PluralCategory.One, PluralCategory.Other];

    /// <summary>
    /// The categories <see cref="Category"/> can give for <paramref name="language"/>: the plural forms a translation
    /// into that language must provide (Arabic all six, the others One and Other).
    /// </summary>
    public static IReadOnlyList<PluralCategory> Categories(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language == "ar" ? ArabicCategories : OneAndOther;
    }
}

/// <summary>
/// A message in the plural forms one language needs, each a composite format with {0} for the number. Forms a
/// language does not distinguish are left null and fall back to <see cref="Other"/>.
/// </summary>
public sealed record PluralForms(string Other, string? One = null, string? Zero = null, string? Two = null, string? Few = null, string? Many = null)
{
    /// <summary>The format for <paramref name="n"/> in <paramref name="language"/>.</summary>
    public string For(string language, long n) => PluralRules.Category(language, n) switch
    {
        PluralCategory.Zero => Zero ?? Other,
        PluralCategory.One => One ?? Other,
        PluralCategory.Two => Two ?? Other,
        PluralCategory.Few => Few ?? Other,
        PluralCategory.Many => Many ?? Other,
        _ => Other,
    };
}
