using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;

namespace Mbk.Domain.Reports;

/// <summary>Which day after a tertial's end its report is sent.</summary>
public enum ReportSendDay
{
    /// <summary>The first day of the month after the tertial (1 May, 1 September, 1 January).</summary>
    FirstDay = 0,

    /// <summary>The first weekday (Monday–Friday, not a public holiday when a holiday calendar is given) of that month.</summary>
    FirstWeekday = 1,
}

/// <summary>One tertial of one year: T1 January–April, T2 May–August, T3 September–December.</summary>
public readonly record struct TertialKey
{
    public TertialKey(int year, int tertial)
    {
        // Validates both (Swedish messages) through the statistics period rules.
        _ = Statistics.Tertial.Range(year, tertial);
        Year = year;
        Tertial = tertial;
    }

    public int Year { get; }

    public int Tertial { get; }

    public StatisticsPeriod Period => StatisticsPeriod.Tertial(Year, Tertial);

    /// <summary>"T1 2026".</summary>
    public string ShortLabel => string.Create(CultureInfo.InvariantCulture, $"T{Tertial} {Year}");

    public TertialKey Previous() => Tertial == 1 ? new TertialKey(Year - 1, 3) : new TertialKey(Year, Tertial - 1);

    public static TertialKey Containing(DateOnly date) => new(date.Year, Statistics.Tertial.TertialOf(date));

    public override string ToString() => ShortLabel;
}

/// <summary>
/// When each tertial report is due: on the configured day after the tertial's end (e.g. the first weekday of May,
/// September and January) at the configured local time in the configured zone. Pure: the caller passes "now".
/// </summary>
public sealed class TertialSchedule
{
    private readonly Func<DateOnly, bool> _isHoliday;

    /// <param name="sendDay">Which day of the following month.</param>
    /// <param name="sendTime">Local time of day the report goes out.</param>
    /// <param name="zone">The zone <paramref name="sendTime"/> is in (Europe/Stockholm).</param>
    /// <param name="isHoliday">
    /// Public holidays a "weekday" must also avoid (1 May, New Year's Day). Null treats only Saturdays and Sundays as
    /// non-weekdays.
    /// </param>
    public TertialSchedule(ReportSendDay sendDay, TimeOnly sendTime, TimeZoneInfo zone, Func<DateOnly, bool>? isHoliday = null)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!Enum.IsDefined(sendDay))
        {
            throw new DomainException("Okänd utskicksdag för tertialrapporter.");
        }

        SendDay = sendDay;
        SendTime = sendTime;
        Zone = zone;
        _isHoliday = isHoliday ?? (_ => false);
    }

    public ReportSendDay SendDay { get; }

    public TimeOnly SendTime { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The local day the report of <paramref name="tertial"/> is sent.</summary>
    public DateOnly SendDate(TertialKey tertial)
    {
        var day = tertial.Period.To.AddDays(1);
        if (SendDay == ReportSendDay.FirstWeekday)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || _isHoliday(day))
            {
                day = day.AddDays(1);
            }
        }

        return day;
    }

    /// <summary>The instant the report of <paramref name="tertial"/> becomes due.</summary>
    public DateTimeOffset DueAt(TertialKey tertial) => ServiceDayCalculator.ToInstant(SendDate(tertial), SendTime, Zone);

    /// <summary>
    /// The most recent tertial whose report is due at <paramref name="now"/>: the tertial before the current one once
    /// its send time has passed, else the one before that.
    /// </summary>
    public TertialKey LatestDue(DateTimeOffset now)
    {
        var today = ServiceDayCalculator.ServiceDay(now, Zone);
        var candidate = TertialKey.Containing(today).Previous();
        return DueAt(candidate) <= now ? candidate : candidate.Previous();
    }

    /// <summary>
    /// The tertial to send at <paramref name="now"/>, or null when the latest due one became due more than
    /// <paramref name="catchUp"/> ago (a new installation does not mail months-old reports by itself).
    /// </summary>
    public TertialKey? DueForSending(DateTimeOffset now, TimeSpan catchUp)
    {
        var latest = LatestDue(now);
        return now - DueAt(latest) <= catchUp ? latest : null;
    }
}
