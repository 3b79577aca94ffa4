using Mbk.Domain.Almanac;

namespace Mbk.Domain.Feedback;

/// <summary>
/// A response deadline counted in Swedish working days: a day counts when it is Monday–Friday, not a public holiday
/// or closed eve (<see cref="SwedishHolidays"/>), and the office is open that day by its opening schedule (so the
/// office's own closed days do not count either). The day the item was received does not count.
/// </summary>
public sealed record FeedbackDeadline(DateOnly ReceivedOn, int WorkingDays, DateOnly DueOn)
{
    /// <summary>How far the count may run (a year of working days is far more than any office setting).</summary>
    public const int MaxWorkingDays = 250;

    /// <summary>The last day to answer: the <paramref name="workingDays"/>th working day after <paramref name="receivedOn"/>.</summary>
    public static FeedbackDeadline Compute(DateOnly receivedOn, int workingDays, OpeningSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (workingDays is < 1 or > MaxWorkingDays)
        {
            throw new Common.DomainException($"Svarstiden måste vara 1–{MaxWorkingDays} arbetsdagar.");
        }

        var day = receivedOn;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, schedule))
            {
                counted++;
            }
        }

        return new FeedbackDeadline(receivedOn, workingDays, day);
    }

    /// <summary>Whether <paramref name="date"/> counts as a working day for the office.</summary>
    public static bool IsWorkingDay(DateOnly date, OpeningSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
            && SwedishHolidays.On(date) is null
            && schedule.HoursOn(date) is not null;
    }

    /// <summary>
    /// Working days left from <paramref name="today"/> to <paramref name="dueOn"/> (today not counted, the due day
    /// counted); 0 on the due day itself, negative (working days past) once overdue.
    /// </summary>
    public static int WorkingDaysLeft(DateOnly today, DateOnly dueOn, OpeningSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (today == dueOn)
        {
            return 0;
        }

        var (from, to, sign) = today < dueOn ? (today, dueOn, 1) : (dueOn, today, -1);
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day, schedule))
            {
                count++;
            }
        }

        return sign * Math.Max(count, sign < 0 ? 1 : 0);
    }
}

/// <summary>How long a closed item's contact is kept.</summary>
public static class FeedbackRetention
{
    public const int DefaultMonths = 24;

    /// <summary>
    /// The day the contact is erased: <paramref name="months"/> calendar months after the closing day (31 August plus
    /// 6 months is 28 or 29 February, the month's last day).
    /// </summary>
    public static DateOnly EndsOn(DateOnly closedOn, int months)
    {
        if (months is < 1 or > 120)
        {
            throw new Common.DomainException("Lagringstiden måste vara 1–120 månader.");
        }

        return closedOn.AddMonths(months);
    }
}
