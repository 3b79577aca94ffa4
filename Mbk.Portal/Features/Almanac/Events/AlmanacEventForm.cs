using Mbk.Domain.Almanac;
using Mbk.Domain.Common;

namespace Mbk.Portal.Features.Almanac.Events;

/// <summary>How an event repeats, as the dialog offers it.</summary>
public enum RepeatChoice
{
    None = 0,
    Daily = 1,
    Weekly = 2,
    MonthlyOnWeekday = 3,
    MonthlyOnDay = 4,
}

/// <summary>How a repeating event ends.</summary>
public enum RepeatEnd
{
    Never = 0,
    Until = 1,
    Count = 2,
}

/// <summary>What an edit of an occurrence of a series changes.</summary>
public enum EditScope
{
    /// <summary>"Bara denna".</summary>
    ThisOccurrence = 0,

    /// <summary>"Denna och följande".</summary>
    ThisAndFollowing = 1,

    /// <summary>"Hela serien".</summary>
    WholeSeries = 2,
}

/// <summary>
/// The add/edit dialog's fields, bound to plain inputs, and their translation into the domain's details. Keeps what
/// the user typed when a save is refused.
/// </summary>
public sealed class AlmanacEventForm
{
    public static IReadOnlyList<DayOfWeek> WeekdaysMondayFirst { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public int? EventId { get; set; }

    public int Sequence { get; set; }

    /// <summary>Set when editing an occurrence of a series: its original date.</summary>
    public DateOnly? OriginalDate { get; set; }

    public bool IsSeries { get; set; }

    public EditScope Scope { get; set; } = EditScope.ThisOccurrence;

    public CalendarEventKind Kind { get; set; } = CalendarEventKind.PartnerVisit;

    public string Title { get; set; } = string.Empty;

    public DateOnly? Date { get; set; }

    public bool AllDay { get; set; }

    public TimeOnly? StartTime { get; set; } = new(13, 0);

    public TimeOnly? EndTime { get; set; } = new(16, 0);

    public DateOnly? EndDate { get; set; }

    public string? Location { get; set; }

    public string? Description { get; set; }

    public RepeatChoice Repeat { get; set; }

    public int Interval { get; set; } = 1;

    public HashSet<DayOfWeek> Weekdays { get; } = [];

    public int MonthlyOrdinal { get; set; } = 1;

    public DayOfWeek MonthlyWeekday { get; set; } = DayOfWeek.Tuesday;

    public RepeatEnd Ends { get; set; }

    public DateOnly? Until { get; set; }

    public int? Count { get; set; }

    public int? ServiceLineId { get; set; }

    public int? PlaceId { get; set; }

    public bool IsNew => EventId is null;

    /// <summary>Only the occurrence's own fields are edited ("Bara denna").</summary>
    public bool EditsOneOccurrence => IsSeries && Scope == EditScope.ThisOccurrence;

    public static AlmanacEventForm New(DateOnly date) => new() { Date = date, MonthlyWeekday = date.DayOfWeek, MonthlyOrdinal = OrdinalOf(date) };

    /// <summary>The dialog for an occurrence of an event, prefilled for <paramref name="scope"/>.</summary>
    public static AlmanacEventForm For(AlmanacEventEditView edit, DateOnly originalDate, EditScope scope)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var e = edit.Event;
        var form = new AlmanacEventForm
        {
            EventId = e.Id,
            Sequence = e.Sequence,
            IsSeries = e.Recurrence is not null,
            OriginalDate = e.Recurrence is not null ? originalDate : null,
            Scope = e.Recurrence is not null ? scope : EditScope.WholeSeries,
            Kind = e.Kind,
            Title = e.Title,
            Date = e.StartDate,
            AllDay = e.AllDay,
            StartTime = e.StartTime,
            EndTime = e.EndTime,
            EndDate = e.AllDay && e.EndDate != e.StartDate ? e.EndDate : null,
            Location = e.Location,
            Description = e.Description,
            ServiceLineId = e.ServiceLineId,
            PlaceId = e.PlaceId,
        };
        var recurrence = e.Recurrence;
        if (form.IsSeries && form.Scope != EditScope.WholeSeries && edit.Occurrence is { } occurrence)
        {
            var span = e.EndDate.DayNumber - e.StartDate.DayNumber;
            form.Date = form.Scope == EditScope.ThisOccurrence ? occurrence.Date : originalDate;
            form.EndDate = e.AllDay && span > 0 ? form.Date.Value.AddDays(span) : null;
            if (form.Scope == EditScope.ThisOccurrence)
            {
                form.Title = occurrence.Title;
                form.StartTime = occurrence.StartTime;
                form.EndTime = occurrence.EndTime;
                form.Location = occurrence.Location;
                form.Description = occurrence.Description;
            }
            else
            {
                recurrence = edit.RecurrenceFromOccurrence;
            }
        }

        form.SetRecurrence(recurrence, form.Date!.Value);
        return form;
    }

    private void SetRecurrence(Recurrence? recurrence, DateOnly date)
    {
        MonthlyWeekday = date.DayOfWeek;
        MonthlyOrdinal = OrdinalOf(date);
        if (recurrence is null)
        {
            Repeat = RepeatChoice.None;
            return;
        }

        Interval = recurrence.Interval;
        Repeat = recurrence.Frequency switch
        {
            RecurrenceFrequency.Daily => RepeatChoice.Daily,
            RecurrenceFrequency.Weekly => RepeatChoice.Weekly,
            _ when recurrence.IsMonthlyByWeekday => RepeatChoice.MonthlyOnWeekday,
            _ => RepeatChoice.MonthlyOnDay,
        };
        Weekdays.Clear();
        Weekdays.UnionWith(recurrence.Weekdays);
        if (recurrence.MonthlyWeekday is { } weekday)
        {
            MonthlyWeekday = weekday;
            MonthlyOrdinal = recurrence.MonthlyOrdinal!.Value;
        }

        (Ends, Until, Count) = recurrence switch
        {
            { Until: { } until } => (RepeatEnd.Until, (DateOnly?)until, (int?)null),
            { Count: { } count } => (RepeatEnd.Count, null, count),
            _ => (RepeatEnd.Never, null, null),
        };
    }

    /// <summary>Which occurrence of its weekday in the month a date is (1–5).</summary>
    public static int OrdinalOf(DateOnly date) => ((date.Day - 1) / 7) + 1;

    public void ToggleWeekday(DayOfWeek day, bool on)
    {
        if (on)
        {
            Weekdays.Add(day);
        }
        else
        {
            Weekdays.Remove(day);
        }
    }

    /// <summary>The details of the event or series; a Swedish <see cref="DomainException"/> for what is missing.</summary>
    public CalendarEventDetails ToDetails()
    {
        var date = Date ?? throw new DomainException("Ange ett datum.");
        var partner = Kind == CalendarEventKind.PartnerVisit;
        return new CalendarEventDetails(
            Kind, Title, date,
            AllDay ? null : StartTime ?? throw new DomainException("Ange en starttid (eller välj heldag)."),
            AllDay ? null : EndTime ?? throw new DomainException("Ange en sluttid (eller välj heldag)."),
            AllDay ? EndDate : null,
            Location, Description, ToRecurrence(date),
            partner ? ServiceLineId : null,
            partner && ServiceLineId is not null ? PlaceId : null);
    }

    /// <summary>The occurrence's own fields ("Bara denna").</summary>
    public OccurrenceDetails ToOccurrenceDetails()
    {
        var date = Date ?? throw new DomainException("Ange ett datum.");
        return new OccurrenceDetails(Title, date, AllDay ? null : StartTime, AllDay ? null : EndTime, Location, Description);
    }

    private Recurrence? ToRecurrence(DateOnly date)
    {
        DateOnly? until = null;
        int? count = null;
        if (Repeat != RepeatChoice.None && Ends == RepeatEnd.Until)
        {
            until = Until ?? throw new DomainException("Ange till vilket datum händelsen upprepas.");
        }
        else if (Repeat != RepeatChoice.None && Ends == RepeatEnd.Count)
        {
            count = Count ?? throw new DomainException("Ange hur många gånger händelsen upprepas.");
        }

        return Repeat switch
        {
            RepeatChoice.None => null,
            RepeatChoice.Daily => Recurrence.Daily(Interval, until, count),
            RepeatChoice.Weekly => Recurrence.Weekly(Weekdays, Interval, until, count),
            RepeatChoice.MonthlyOnWeekday => Recurrence.MonthlyOnWeekday(MonthlyOrdinal, MonthlyWeekday, Interval, until, count),
            _ => Recurrence.MonthlyOnDay(date.Day, Interval, until, count),
        };
    }
}
