namespace Mbk.Portal.Features.Queue.Kiosk;

/// <summary>A language of the visitor screens: its code (the resource files' culture suffix) and its direction.</summary>
public sealed record VisitorLanguage(string Code, bool IsRtl);

/// <summary>
/// The languages of the kiosk and the mobile ticket, in the order of the language bar, Swedish (the neutral resources)
/// first. The texts themselves are in the .resx files under <c>Resources/</c>.
/// </summary>
public static class VisitorLanguages
{
    public static IReadOnlyList<VisitorLanguage> All { get; } =
    [
        new("sv", IsRtl: false),
        new("en", IsRtl: false),
        new("ar", IsRtl: true),
        new("so", IsRtl: false),
        new("ti", IsRtl: false),
        new("fa", IsRtl: true),
    ];
}
