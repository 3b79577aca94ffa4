namespace Mbk.Domain.Almanac;

/// <summary>
/// The parts of an office day that staffing is planned in. Stored by name, so the numbers are free to change.
/// </summary>
public enum DayPart
{
    /// <summary>Förmiddag, 09–12.</summary>
    Forenoon = 0,

    /// <summary>Eftermiddag, 12–16.</summary>
    Afternoon = 1,

    /// <summary>Kväll, 16–19 (the evening opening).</summary>
    Evening = 2,
}

/// <summary>Swedish names and default times of the <see cref="DayPart"/>s.</summary>
public static class DayParts
{
    public static IReadOnlyList<DayPart> All { get; } = [DayPart.Forenoon, DayPart.Afternoon, DayPart.Evening];

    /// <summary>"Förmiddag", "Eftermiddag", "Kväll".</summary>
    public static string SwedishName(this DayPart part) => part switch
    {
        DayPart.Forenoon => "Förmiddag",
        DayPart.Afternoon => "Eftermiddag",
        DayPart.Evening => "Kväll",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>The name inside a sentence: "förmiddag".</summary>
    public static string SwedishNameLower(this DayPart part) => part.SwedishName().ToLowerInvariant();

    /// <summary>Short column heading: "Fm", "Em", "Kv".</summary>
    public static string SwedishAbbreviation(this DayPart part) => part switch
    {
        DayPart.Forenoon => "Fm",
        DayPart.Afternoon => "Em",
        DayPart.Evening => "Kv",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>
    /// Default start: the desk opens at 09. The afternoon ends at 16 on ordinary days; the evening part covers the
    /// evening opening until 19 (shared/domain.md), so 16–17 on a short day is simply left unstaffed.
    /// </summary>
    public static TimeOnly DefaultStart(this DayPart part) => part switch
    {
        DayPart.Forenoon => new TimeOnly(9, 0),
        DayPart.Afternoon => new TimeOnly(12, 0),
        DayPart.Evening => new TimeOnly(16, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    public static TimeOnly DefaultEnd(this DayPart part) => part switch
    {
        DayPart.Forenoon => new TimeOnly(12, 0),
        DayPart.Afternoon => new TimeOnly(16, 0),
        DayPart.Evening => new TimeOnly(19, 0),
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>"Förmiddag 09–12".</summary>
    public static string SwedishNameWithTimes(this DayPart part) =>
        $"{part.SwedishName()} {part.DefaultStart():HH}–{part.DefaultEnd():HH}";
}
