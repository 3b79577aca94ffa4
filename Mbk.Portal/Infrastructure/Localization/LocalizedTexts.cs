using System.Collections.Frozen;
using System.Globalization;
using Mbk.Domain.Common;
using Microsoft.Extensions.Localization;

namespace Mbk.Portal.Infrastructure.Localization;

/// <summary>
/// One resource's texts in one language, read once through <see cref="IStringLocalizer"/>. The localizer resolves
/// against <see cref="CultureInfo.CurrentUICulture"/>, but the kiosk, display and mobile ticket choose their language
/// per screen (a visitor's tap), not per request: so the texts of each language are read with that culture switched
/// in for the duration of the read, and kept. A key missing in a translation falls back to the neutral (Swedish) text,
/// as the localizer does; the resource tests make sure none is missing.
/// </summary>
public sealed class LocalizedTexts
{
    private readonly FrozenDictionary<string, string> _texts;
    private readonly FrozenSet<string> _ownKeys;

    private LocalizedTexts(string language, FrozenDictionary<string, string> texts, FrozenSet<string> ownKeys)
    {
        Language = language;
        _texts = texts;
        _ownKeys = ownKeys;
    }

    /// <summary>The language code (sv, en, ar, …) whose CLDR plural rules <see cref="Plural"/> applies.</summary>
    public string Language { get; }

    public static LocalizedTexts Read(IStringLocalizer localizer, string language)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(language);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureOf(language);
        try
        {
            var texts = localizer.GetAllStrings(includeParentCultures: true)
                .Where(s => !s.ResourceNotFound)
                .ToFrozenDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
            // The neutral language's texts live in the main assembly; every other language's in its satellite.
            var ownKeys = language == NeutralLanguage
                ? texts.Keys.ToFrozenSet(StringComparer.Ordinal)
                : localizer.GetAllStrings(includeParentCultures: false).Select(s => s.Name).ToFrozenSet(StringComparer.Ordinal);
            return new LocalizedTexts(language, texts, ownKeys);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>The language of the neutral resource files (<c>*.resx</c> without a culture suffix).</summary>
    public const string NeutralLanguage = "sv";

    /// <summary>The culture a language code's resources are looked up in; Swedish is the assembly's neutral sv-SE.</summary>
    public static CultureInfo CultureOf(string language) =>
        language == NeutralLanguage ? PortalSetup.Swedish : CultureInfo.GetCultureInfo(language);

    public string this[string key] =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"The resource has no text '{key}'.");

    /// <summary>
    /// The plural forms of <paramref name="key"/>: the entries <c>{key}_zero</c>, <c>_one</c>, <c>_two</c>, <c>_few</c>,
    /// <c>_many</c> and <c>_other</c> (CLDR's categories) that this language's own file has, for the categories its
    /// plural rules use; <c>_other</c> stands in for any other.
    /// </summary>
    public PluralForms Plural(string key)
    {
        var categories = PluralRules.Categories(Language);
        string? Form(PluralCategory category) =>
            categories.Contains(category) && _ownKeys.Contains(PluralKey(key, category)) ? _texts[PluralKey(key, category)] : null;

        return new PluralForms(
            Other: this[PluralKey(key, PluralCategory.Other)],
            One: Form(PluralCategory.One),
            Zero: Form(PluralCategory.Zero),
            Two: Form(PluralCategory.Two),
            Few: Form(PluralCategory.Few),
            Many: Form(PluralCategory.Many));
    }

    /// <summary>"EstimateMinutes_few": a plural form's key, suffixed with the CLDR category in lower case.</summary>
    public static string PluralKey(string key, PluralCategory category) => key + "_" + category switch
    {
        PluralCategory.Zero => "zero",
        PluralCategory.One => "one",
        PluralCategory.Two => "two",
        PluralCategory.Few => "few",
        PluralCategory.Many => "many",
        _ => "other",
    };
}
