namespace Mbk.Domain.Almanac;

/// <summary>
/// One occurrence of a series that differs from the rule: cancelled (iCal EXDATE) or changed (an iCal VEVENT with
/// RECURRENCE-ID = <see cref="OriginalDate"/>). Belongs to its <see cref="CalendarEvent"/>.
/// </summary>
public sealed class CalendarEventOverride
{
    private CalendarEventOverride()
    {
    }

    internal CalendarEventOverride(DateOnly originalDate) => OriginalDate = originalDate;

    /// <summary>The date the rule gives the occurrence (its identity in the series, even when moved).</summary>
    public DateOnly OriginalDate { get; private set; }

    public bool IsCancelled { get; private set; }

    public string? Title { get; private set; }

    /// <summary>The date the occurrence now takes place.</summary>
    public DateOnly? Date { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    public string? Location { get; private set; }

    public string? Description { get; private set; }

    internal void Cancel()
    {
        IsCancelled = true;
        Title = null;
        Date = null;
        StartTime = null;
        EndTime = null;
        Location = null;
        Description = null;
    }

    internal void Change(string title, DateOnly date, TimeOnly? startTime, TimeOnly? endTime, string? location, string? description)
    {
        IsCancelled = false;
        Title = title;
        Date = date;
        StartTime = startTime;
        EndTime = endTime;
        Location = location;
        Description = description;
    }

    internal CalendarEventOverride Copy()
    {
        var copy = new CalendarEventOverride(OriginalDate);
        if (IsCancelled)
        {
            copy.Cancel();
        }
        else
        {
            copy.Change(Title!, Date!.Value, StartTime, EndTime, Location, Description);
        }

        return copy;
    }
}
