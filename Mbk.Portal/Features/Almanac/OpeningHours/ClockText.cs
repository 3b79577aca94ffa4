using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Features.Almanac.OpeningHours;

/// <summary>Reads what staff type for times and dates, with Swedish messages that say how to write them.</summary>
public static class ClockText
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>"09:00" (24-hour); "24:00" means the end of the day.</summary>
    public static TimeOnly ParseTime(string? text, string field)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed == "24:00")
        {
            return DayHours.EndOfDay;
        }

        if (!TimeOnly.TryParseExact(trimmed, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new DomainException($"{field} kunde inte läsas: skriv tiden som TT:MM, t.ex. 09:00.");
        }

        return time;
    }

    /// <summary>Opening and closing time typed as text, checked together.</summary>
    public static DayHours ParseHours(string? opens, string? closes)
    {
        var from = ParseTime(opens, "Öppningstiden");
        var to = ParseTime(closes, "Stängningstiden");
        return new DayHours(from, to);
    }

    /// <summary>A date as the browser's date field sends it (ÅÅÅÅ-MM-DD).</summary>
    public static DateOnly ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Välj ett datum.");
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new DomainException("Datumet kunde inte läsas: skriv det som ÅÅÅÅ-MM-DD, t.ex. 2026-12-23.");
        }

        return date;
    }

    /// <summary>"fre 27 nov. 2026"-style Swedish date with the weekday.</summary>
    public static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", Swedish);

    public static string Clock(TimeOnly time) => Mbk.Domain.Almanac.OpeningSchedule.Clock(time);
}
