using Mbk.Domain.Queue;

namespace Mbk.Domain.Almanac;

/// <summary>Arrivals of one past office-local day per hour (0–23), and whether it is comparable with an ordinary day.</summary>
public sealed record ArrivalDay(DateOnly Date, bool IsComparable, IReadOnlyList<double> ArrivalsPerHour)
{
    public const int HoursPerDay = 24;
}

/// <summary>The forecast of one coming day: expected arrivals per hour and how many past days it rests on.</summary>
public sealed record DayForecast(DateOnly Date, IReadOnlyList<double> ArrivalsPerHour, int DaysUsed)
{
    public bool HasHistory => DaysUsed > 0;
}

/// <summary>
/// Arrivals forecast from the office's own history: for a coming day, the mean of the same weekday in the last
/// <see cref="MaxWeeks"/> weeks, hour by hour, using only comparable days — ordinary open days by the weekly hours.
/// Holidays, eves, closed days and days with changed hours (exceptions) are left out, so a closed Easter Monday does
/// not pull the next Monday's forecast down. A day with fewer than <see cref="MinDays"/> comparable days behind it has
/// no forecast (too little to go on), never a forecast of 0.
/// </summary>
public static class ArrivalForecast
{
    /// <summary>How many weeks back the forecast looks.</summary>
    public const int MaxWeeks = 12;

    /// <summary>The fewest comparable days a forecast needs.</summary>
    public const int MinDays = 3;

    /// <summary>An ordinary open day by the weekly hours: no holiday, no exception, open.</summary>
    public static bool IsComparable(ScheduledDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        return day.IsOpen && day.Source == ScheduleSource.Weekly && day.Holiday is null;
    }

    public static DayForecast Forecast(DateOnly date, IEnumerable<ArrivalDay> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var earliest = date.AddDays(-7 * MaxWeeks);
        var days = history
            .Where(d => d.IsComparable && d.Date < date && d.Date >= earliest && d.Date.DayOfWeek == date.DayOfWeek)
            .ToList();
        if (days.Count < MinDays)
        {
            return new DayForecast(date, new double[ArrivalDay.HoursPerDay], 0);
        }

        var mean = new double[ArrivalDay.HoursPerDay];
        foreach (var day in days)
        {
            for (var hour = 0; hour < ArrivalDay.HoursPerDay; hour++)
            {
                mean[hour] += day.ArrivalsPerHour[hour] / days.Count;
            }
        }

        return new DayForecast(date, mean, days.Count);
    }
}

/// <summary>Advisors needed in one day part: the busiest hour decides (null: closed, or no history to go on).</summary>
public sealed record DayPartNeed(DateOnly Date, DayPart DayPart, int? Needed, double ExpectedArrivals, bool IsOpen)
{
    /// <summary>True when the roster has fewer advisors than needed.</summary>
    public bool IsShort(int staffed) => Needed is { } needed && staffed < needed;
}

/// <summary>
/// Advisors needed per day part so the waiting-time target is met: for every open hour of the part, the forecast
/// arrivals go into <see cref="ErlangC.AdvisorsNeeded"/> with the measured mean service time and the target (at least
/// <see cref="ErlangC.DefaultServiceLevel"/> of visitors called within it); the part needs what its busiest hour needs,
/// and at least one advisor whenever the office is open in it (someone has to be at the desk).
/// </summary>
public static class StaffingNeedCalculator
{
    public static DayPartNeed ForDayPart(DayForecast forecast, DayPart part, DayHours? openHours, double meanServiceMinutes, int targetWaitMinutes)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var hours = OpenHours(part, openHours).ToList();
        if (hours.Count == 0)
        {
            return new DayPartNeed(forecast.Date, part, null, 0, IsOpen: false);
        }

        // Arrivals in an hour the office is open only partly came in that part: the rate is per open hour.
        var expected = hours.Sum(h => forecast.ArrivalsPerHour[h.Hour]);
        if (!forecast.HasHistory)
        {
            return new DayPartNeed(forecast.Date, part, null, 0, IsOpen: true);
        }

        var needed = hours.Max(h => ErlangC.AdvisorsNeeded(forecast.ArrivalsPerHour[h.Hour] / h.Share, meanServiceMinutes, targetWaitMinutes));
        return new DayPartNeed(forecast.Date, part, Math.Max(1, needed), expected, IsOpen: true);
    }

    /// <summary>The hours of the part in which the office is open, with the open share of each (an opening at 09:30 is half an hour).</summary>
    private static IEnumerable<(int Hour, double Share)> OpenHours(DayPart part, DayHours? openHours)
    {
        if (openHours is null)
        {
            yield break;
        }

        var opens = openHours.Opens.ToTimeSpan();
        var closes = openHours.Closes == DayHours.EndOfDay ? TimeSpan.FromHours(24) : openHours.Closes.ToTimeSpan();
        for (var hour = part.DefaultStart().Hour; hour < part.DefaultEnd().Hour; hour++)
        {
            var start = TimeSpan.FromHours(hour);
            var end = TimeSpan.FromHours(hour + 1);
            var open = (Min(end, closes) - Max(start, opens)).TotalHours;
            if (open > 0)
            {
                yield return (hour, open);
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
