using Mbk.Domain.Common;
using System.Collections.Frozen;
using System.Globalization;
using Mbk.Portal.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Mbk.Portal.Features.Queue.Kiosk;

/// <summary>
/// Every visitor-facing string of the kiosk in one language. Formats use composite placeholders ({0}, {1}); call the
/// helpers (<see cref="Ahead"/>, <see cref="Estimate"/>, …) rather than the raw formats.
/// </summary>
public sealed record KioskStrings(
    string Code,
    string LanguageName,
    bool IsRtl,
    string LanguageLabel,
    string TakeTicket,
    string ChooseService,
    string YourNumber,
    string AheadFormat,
    string WaitingFormat,
    PluralForms EstimateFormats,
    string EstimateShortFormat,
    string NoEstimate,
    string Print,
    string Done,
    string Back,
    string Closed,
    string OpensFormat,
    string RateLimited,
    string ServiceUnavailable,
    string Pending,
    string Busy,
    string TryAgain,
    string OfficeNotFound,
    string ServiceLabel,
    string TimeLabel,
    string FollowOnPhone,
    string OutOfOrder,
    string AskStaff,
    IReadOnlyList<string> Weekdays,
    IReadOnlyDictionary<string, string> ServiceNames)
{
    /// <summary>"3 före dig".</summary>
    public string Ahead(int count) => Format(AheadFormat, count);

    /// <summary>"3 väntar", for a service button.</summary>
    public string Waiting(int count) => Format(WaitingFormat, count);

    /// <summary>
    /// "Beräknad väntetid cirka 15 minuter" ("… 1 minut": the language's CLDR plural form), or the no-estimate text
    /// when <paramref name="minutes"/> is null.
    /// </summary>
    public string Estimate(int? minutes) => minutes is { } m ? Format(EstimateFormats.For(Code, m), m) : NoEstimate;

    /// <summary>"cirka 15 min", for a service button; null when there is no estimate.</summary>
    public string? EstimateShort(int? minutes) => minutes is { } m ? Format(EstimateShortFormat, m) : null;

    /// <summary>"Vi öppnar måndag kl. 09:00"; <paramref name="officeLocal"/> is already in the office's time zone.</summary>
    public string Opens(DateTimeOffset officeLocal) =>
        Format(OpensFormat, Weekday(officeLocal.DayOfWeek), officeLocal.ToString("HH:mm", CultureInfo.InvariantCulture));

    public string Weekday(DayOfWeek day) => Weekdays[(int)day];

    /// <summary>The standard service names translated; any other name is shown as it is (in Swedish).</summary>
    public string ServiceName(string swedishName)
    {
        ArgumentNullException.ThrowIfNull(swedishName);
        return ServiceNames.TryGetValue(swedishName.Trim(), out var translated) ? translated : swedishName;
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>
/// The kiosk's texts in its six languages (Swedish first, the default), read once from the .resx files
/// (<c>Resources/Features/Queue/Kiosk/KioskResources*.resx</c>) through <see cref="IStringLocalizer{T}"/>. A singleton:
/// every kiosk and mobile ticket shares the same records.
/// </summary>
public sealed class KioskTexts
{
    public const string DefaultLanguage = "sv";

    /// <summary>The standard service names of an office (see StandardOfficeSetup), which the kiosk translates.</summary>
    public const string Samhallsvagledning = "Samhällsvägledning";

    public const string Konsumentvagledning = "Konsumentvägledning";

    public const string ItGuide = "IT-guide/datorhjälp";

    /// <summary>The resource keys of the standard services' names, by their Swedish name.</summary>
    private static readonly (string SwedishName, string Key)[] ServiceKeys =
    [
        (Samhallsvagledning, "Service_Samhallsvagledning"),
        (Konsumentvagledning, "Service_Konsumentvagledning"),
        (ItGuide, "Service_ItGuide"),
    ];

    private readonly FrozenDictionary<string, KioskStrings> _byCode;

    public KioskTexts(IStringLocalizer<KioskResources> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        Languages = [.. VisitorLanguages.All.Select(language => Build(language, LocalizedTexts.Read(localizer, language.Code)))];
        _byCode = Languages.ToFrozenDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);
        Swedish = _byCode[DefaultLanguage];
        English = _byCode["en"];
    }

    /// <summary>The kiosk's languages in the order of the language bar; Swedish first.</summary>
    public IReadOnlyList<KioskStrings> Languages { get; }

    public KioskStrings Swedish { get; }

    public KioskStrings English { get; }

    /// <summary>The strings of a language code (sv, en, ar, so, ti, fa); Swedish for anything else.</summary>
    public KioskStrings For(string? languageCode) =>
        languageCode is not null && _byCode.TryGetValue(languageCode, out var strings) ? strings : Swedish;

    private static KioskStrings Build(VisitorLanguage language, LocalizedTexts t) => new(
        Code: language.Code,
        LanguageName: t["LanguageName"],
        IsRtl: language.IsRtl,
        LanguageLabel: t["LanguageLabel"],
        TakeTicket: t["TakeTicket"],
        ChooseService: t["ChooseService"],
        YourNumber: t["YourNumber"],
        AheadFormat: t["AheadFormat"],
        WaitingFormat: t["WaitingFormat"],
        EstimateFormats: t.Plural("EstimateMinutes"),
        EstimateShortFormat: t["EstimateShortFormat"],
        NoEstimate: t["NoEstimate"],
        Print: t["Print"],
        Done: t["Done"],
        Back: t["Back"],
        Closed: t["Closed"],
        OpensFormat: t["OpensFormat"],
        RateLimited: t["RateLimited"],
        ServiceUnavailable: t["ServiceUnavailable"],
        Pending: t["Pending"],
        Busy: t["Busy"],
        TryAgain: t["TryAgain"],
        OfficeNotFound: t["OfficeNotFound"],
        ServiceLabel: t["ServiceLabel"],
        TimeLabel: t["TimeLabel"],
        FollowOnPhone: t["FollowOnPhone"],
        OutOfOrder: t["OutOfOrder"],
        AskStaff: t["AskStaff"],
        // Weekday_Sunday … Weekday_Saturday, indexed by DayOfWeek.
        Weekdays: [.. Enum.GetValues<DayOfWeek>().Select(day => t["Weekday_" + day])],
        ServiceNames: ServiceKeys.ToFrozenDictionary(s => s.SwedishName, s => t[s.Key], StringComparer.OrdinalIgnoreCase));
}
