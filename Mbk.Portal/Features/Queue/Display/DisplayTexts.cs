using System.Globalization;
using Mbk.Portal.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Mbk.Portal.Features.Queue.Display;

/// <summary>The waiting-room display's texts in one language. Formats use composite placeholders; call the helpers.</summary>
public sealed record DisplayStrings(
    string Number,
    string Place,
    string Recent,
    string Queue,
    string Waiting,
    string Estimate,
    string NoCalls,
    string Closed,
    string NotFound,
    string Offline,
    string EstimateShortFormat,
    string AnnouncementFormat,
    string AnnouncementNumberOnlyFormat,
    string PartnerVisitsLabel,
    string PartnerVisitTodayFormat,
    string EnableSound)
{
    /// <summary>"ca 15 min".</summary>
    public string EstimateShort(int minutes) => Format(EstimateShortFormat, minutes);

    /// <summary>"Idag 10–12", where <paramref name="hours"/> is " 10–12" or empty.</summary>
    public string PartnerVisitToday(string hours) => Format(PartnerVisitTodayFormat, hours);

    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}

/// <summary>
/// The waiting-room display's bilingual texts (Swedish first, English small beneath), read once from the .resx files
/// (<c>Resources/Features/Queue/Display/DisplayResources*.resx</c>) through <see cref="IStringLocalizer{T}"/>.
/// </summary>
public sealed class DisplayTexts
{
    /// <summary>Shown instead of an estimate when there is none.</summary>
    public const string NoEstimate = "–";

    private static readonly CultureInfo SwedishCulture = CultureInfo.GetCultureInfo("sv-SE");

    public DisplayTexts(IStringLocalizer<DisplayResources> localizer)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        Swedish = Build(LocalizedTexts.Read(localizer, "sv"));
        English = Build(LocalizedTexts.Read(localizer, "en"));
    }

    public DisplayStrings Swedish { get; }

    public DisplayStrings English { get; }

    /// <summary>"ca 15 min", or a dash without an estimate.</summary>
    public string EstimateSvText(int? minutes) => minutes is { } m ? Swedish.EstimateShort(m) : NoEstimate;

    /// <summary>"about 15 min", or nothing without an estimate.</summary>
    public string EstimateEnText(int? minutes) => minutes is { } m ? English.EstimateShort(m) : string.Empty;

    /// <summary>What the display says aloud in Swedish: "Nummer A23, bord 2", or "Nummer A23" without a place.</summary>
    public string Announcement(string number, string? placeName)
    {
        ArgumentNullException.ThrowIfNull(number);
        return placeName is null
            ? DisplayStrings.Format(Swedish.AnnouncementNumberOnlyFormat, number)
            : DisplayStrings.Format(Swedish.AnnouncementFormat, number, placeName.ToLower(SwedishCulture));
    }

    private static DisplayStrings Build(LocalizedTexts t) => new(
        Number: t["Number"],
        Place: t["Place"],
        Recent: t["Recent"],
        Queue: t["Queue"],
        Waiting: t["Waiting"],
        Estimate: t["Estimate"],
        NoCalls: t["NoCalls"],
        Closed: t["Closed"],
        NotFound: t["NotFound"],
        Offline: t["Offline"],
        EstimateShortFormat: t["EstimateShortFormat"],
        AnnouncementFormat: t["AnnouncementFormat"],
        AnnouncementNumberOnlyFormat: t["AnnouncementNumberOnlyFormat"],
        PartnerVisitsLabel: t["PartnerVisitsLabel"],
        PartnerVisitTodayFormat: t["PartnerVisitTodayFormat"],
        EnableSound: t["EnableSound"]);
}
