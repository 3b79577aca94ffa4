using System.Collections.Frozen;
using System.Globalization;
using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Infrastructure.Localization;
using Microsoft.Extensions.Localization;

namespace Mbk.Portal.Features.Queue.Mobile;

/// <summary>
/// The mobile ticket's own strings in one language; the figures ("3 före dig", the estimate, the language names)
/// come from the kiosk's strings of the same language (<see cref="Kiosk"/>), so kiosk and phone say the same.
/// </summary>
public sealed record MobileTicketStrings(
    KioskStrings Kiosk,
    string Heading,
    string YourTurn,
    string GoToFormat,
    string Serving,
    string Parked,
    string Done,
    string NoShow,
    string NotServed,
    string GivenUp,
    string KeepOpen,
    string SoundHint,
    string GiveUp,
    string GiveUpQuestion,
    string GiveUpConfirm,
    string GiveUpCancel)
{
    public string Code => Kiosk.Code;

    public bool IsRtl => Kiosk.IsRtl;

    /// <summary>"Gå till Bord 2".</summary>
    public string GoTo(string placeName) => string.Format(CultureInfo.InvariantCulture, GoToFormat, placeName);
}

/// <summary>
/// The mobile ticket page's texts in the kiosk's six languages, read once from the .resx files
/// (<c>Resources/Features/Queue/Mobile/MobileTicketResources*.resx</c>) through <see cref="IStringLocalizer{T}"/>.
/// </summary>
public sealed class MobileTicketTexts
{
    private readonly FrozenDictionary<string, MobileTicketStrings> _byCode;

    public MobileTicketTexts(IStringLocalizer<MobileTicketResources> localizer, KioskTexts kiosk)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(kiosk);
        var texts = kiosk.Languages.ToDictionary(l => l.Code, l => LocalizedTexts.Read(localizer, l.Code), StringComparer.Ordinal);
        _byCode = kiosk.Languages
            .Select(language => Build(language, texts[language.Code]))
            .ToFrozenDictionary(t => t.Code, StringComparer.Ordinal);
        Swedish = _byCode[KioskTexts.DefaultLanguage];
        Languages = kiosk.Languages;
        NotFoundSv = texts[KioskTexts.DefaultLanguage]["NotFound"];
        NotFoundEn = texts["en"]["NotFound"];
    }

    /// <summary>The answer for an unknown, expired or guessed code: the same in every case, so it reveals nothing.</summary>
    public string NotFoundSv { get; }

    public string NotFoundEn { get; }

    public MobileTicketStrings Swedish { get; }

    /// <summary>The language bar: the kiosk's languages, their names in their own script.</summary>
    public IReadOnlyList<KioskStrings> Languages { get; }

    /// <summary>The texts of a language code; Swedish for an unknown or missing code.</summary>
    public MobileTicketStrings For(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var texts) ? texts : Swedish;

    private static MobileTicketStrings Build(KioskStrings kiosk, LocalizedTexts t) => new(
        kiosk,
        Heading: t["Heading"],
        YourTurn: t["YourTurn"],
        GoToFormat: t["GoToFormat"],
        Serving: t["Serving"],
        Parked: t["Parked"],
        Done: t["Done"],
        NoShow: t["NoShow"],
        NotServed: t["NotServed"],
        GivenUp: t["GivenUp"],
        KeepOpen: t["KeepOpen"],
        SoundHint: t["SoundHint"],
        GiveUp: t["GiveUp"],
        GiveUpQuestion: t["GiveUpQuestion"],
        GiveUpConfirm: t["GiveUpConfirm"],
        GiveUpCancel: t["GiveUpCancel"]);
}
