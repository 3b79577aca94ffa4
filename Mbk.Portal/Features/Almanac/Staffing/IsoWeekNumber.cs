using System.Globalization;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>An ISO 8601 week (Monday first), as Swedish calendars number them: "Vecka 48". Written "2026-W48" in links.</summary>
public readonly record struct IsoWeekNumber(int Year, int Week)
{
    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    public IsoWeekNumber Next => Of(Monday.AddDays(7));

    public IsoWeekNumber Previous => Of(Monday.AddDays(-7));

    public IReadOnlyList<DateOnly> Days => Enumerable.Range(0, 7).Select(Monday.AddDays).ToList();

    public static IsoWeekNumber Of(DateOnly date)
    {
        var day = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeekNumber(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>Whether <paramref name="year"/> has a week <paramref name="week"/> (52 or 53 weeks a year).</summary>
    public static bool IsValid(int year, int week) =>
        year is >= 2000 and <= 2200 && week >= 1 && week <= ISOWeek.GetWeeksInYear(year);

    /// <summary>Reads "2026-W48" (also "2026-48"); false for anything else.</summary>
    public static bool TryParse(string? text, out IsoWeekNumber week)
    {
        week = default;
        var parts = text?.Trim().Split('-', 2);
        if (parts is not { Length: 2 })
        {
            return false;
        }

        var weekText = parts[1].TrimStart('W', 'w');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(weekText, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !IsValid(year, number))
        {
            return false;
        }

        week = new IsoWeekNumber(year, number);
        return true;
    }

    public override string ToString() => $"{Year}-W{Week:00}";
}
