using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Statistics;

/// <summary>The part of the week a visit falls in, as the reports split visitors (dag / kväll / helg).</summary>
public enum WeekPart
{
    Day = 0,
    Evening = 1,
    Weekend = 2,
}

/// <summary>
/// Visitors by part of the week, each part rounded once. <see cref="OutsideOpeningHours"/> is informational: the visitors
/// (already counted in their part) from readings that started while the office was closed, e.g. staff or cleaning.
/// Because each part is rounded on its own, <see cref="Total"/> can differ by one or two from
/// <see cref="VisitorCalculator.Visitors"/> of the same readings; report that figure as the period total.
/// </summary>
public sealed record VisitorSplit(int Day, int Evening, int Weekend, int OutsideOpeningHours)
{
    public int Total => Day + Evening + Weekend;
}

/// <summary>
/// Visitors from door-counter readings (the office's formula: passages / 2 − 10 % staff, with each reading's own
/// factors), summed exactly and rounded once at the end, half away from zero.
/// </summary>
public static class VisitorCalculator
{
    /// <summary>Where the evening starts when the office has not said otherwise.</summary>
    public static readonly TimeOnly DefaultEveningStarts = new(17, 0);

    /// <summary>The period's visitors: the exact sum rounded once (193 484 passages at 2 and 10 % give 87 068).</summary>
    public static int Visitors(IEnumerable<DoorCounterReading> readings) => Round(VisitorsExact(readings));

    /// <summary>The sum of reading / passages per visitor × (1 − staff share), unrounded.</summary>
    public static decimal VisitorsExact(IEnumerable<DoorCounterReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var sum = 0m;
        foreach (var reading in readings)
        {
            sum += reading.ExactVisitors;
        }

        return sum;
    }

    /// <summary>
    /// Splits visitors into day / evening / weekend by each reading's <b>start</b> (office-local), as
    /// <see cref="Classify"/> does: a reading spanning a boundary (16:30–17:30, Friday 23:00–Saturday 01:00) belongs
    /// wholly to the part its start is in, so pass short (hourly) readings. Each part is summed exactly and rounded once.
    /// <paramref name="hours"/> only feeds <see cref="VisitorSplit.OutsideOpeningHours"/>.
    /// </summary>
    public static VisitorSplit Split(IEnumerable<DoorCounterReading> hourlyReadings, OpeningHours hours, TimeZoneInfo zone, TimeOnly eveningStarts)
    {
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(zone);
        return Split(hourlyReadings, start => Classify(start, zone, eveningStarts), start => hours.IsOpen(start, zone));
    }

    /// <summary>
    /// Splits visitors by the office's <paramref name="schedule"/> (the almanac's opening hours), by each reading's
    /// start as <see cref="Classify(DateTimeOffset, TimeZoneInfo, OpeningSchedule)"/> does; outside opening hours are
    /// the readings that started while the schedule says closed (holidays and exceptions included).
    /// </summary>
    public static VisitorSplit Split(IEnumerable<DoorCounterReading> hourlyReadings, OpeningSchedule schedule, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(zone);
        return Split(hourlyReadings, start => Classify(start, zone, schedule), start => schedule.IsOpen(start, zone));
    }

    private static VisitorSplit Split(IEnumerable<DoorCounterReading> hourlyReadings, Func<DateTimeOffset, WeekPart> classify, Func<DateTimeOffset, bool> isOpen)
    {
        ArgumentNullException.ThrowIfNull(hourlyReadings);
        decimal day = 0m, evening = 0m, weekend = 0m, closed = 0m;
        foreach (var reading in hourlyReadings)
        {
            var visitors = reading.ExactVisitors;
            switch (classify(reading.Start))
            {
                case WeekPart.Weekend:
                    weekend += visitors;
                    break;
                case WeekPart.Evening:
                    evening += visitors;
                    break;
                default:
                    day += visitors;
                    break;
            }

            if (!isOpen(reading.Start))
            {
                closed += visitors;
            }
        }

        return new VisitorSplit(Round(day), Round(evening), Round(weekend), Round(closed));
    }

    /// <summary><see cref="Split(IEnumerable{DoorCounterReading}, OpeningHours, TimeZoneInfo, TimeOnly)"/> with the evening from 17:00.</summary>
    public static VisitorSplit Split(IEnumerable<DoorCounterReading> hourlyReadings, OpeningHours hours, TimeZoneInfo zone) =>
        Split(hourlyReadings, hours, zone, DefaultEveningStarts);

    /// <summary>
    /// The part of the week of an instant, office-local: Saturday and Sunday are <see cref="WeekPart.Weekend"/>; on other
    /// days from <paramref name="eveningStarts"/> (inclusive) it is <see cref="WeekPart.Evening"/>, before it
    /// <see cref="WeekPart.Day"/>. Used for tickets and tallies when there are no hourly readings.
    /// </summary>
    public static WeekPart Classify(DateTimeOffset instant, TimeZoneInfo zone, TimeOnly eveningStarts)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return WeekPart.Weekend;
        }

        return TimeOnly.FromDateTime(local) >= eveningStarts ? WeekPart.Evening : WeekPart.Day;
    }

    /// <summary>
    /// The part of the week of an instant by the office's schedule, office-local: Saturday, Sunday and Swedish public
    /// holidays are <see cref="WeekPart.Weekend"/>; on a day the schedule keeps open past
    /// <see cref="OpeningSchedule.EveningStarts"/> (kvällsöppet), from then on it is <see cref="WeekPart.Evening"/>;
    /// everything else is <see cref="WeekPart.Day"/>.
    /// </summary>
    public static WeekPart Classify(DateTimeOffset instant, TimeZoneInfo zone, OpeningSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(schedule);
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        if (local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || SwedishHolidays.IsPublicHoliday(date))
        {
            return WeekPart.Weekend;
        }

        return schedule.HasEveningOpening(date) && TimeOnly.FromDateTime(local) >= OpeningSchedule.EveningStarts
            ? WeekPart.Evening
            : WeekPart.Day;
    }

    /// <summary><see cref="Classify(DateTimeOffset, TimeZoneInfo, TimeOnly)"/> with the evening from 17:00.</summary>
    public static WeekPart Classify(DateTimeOffset instant, TimeZoneInfo zone) => Classify(instant, zone, DefaultEveningStarts);

    private static int Round(decimal visitors) => (int)Math.Round(visitors, MidpointRounding.AwayFromZero);
}
