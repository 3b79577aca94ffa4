namespace Mbk.Domain.Almanac;

/// <summary>
/// What staff enter for an event or a series. Leave <see cref="StartTime"/> and <see cref="EndTime"/> empty for an
/// all-day event, which may end on a later <see cref="EndDate"/>; a timed event lies within its day.
/// <see cref="ServiceLineId"/> and <see cref="PlaceId"/> are for partner visits: the queue service opened during the
/// visit and the place where the visiting officer calls its tickets.
/// </summary>
public sealed record CalendarEventDetails(
    CalendarEventKind Kind,
    string Title,
    DateOnly StartDate,
    TimeOnly? StartTime = null,
    TimeOnly? EndTime = null,
    DateOnly? EndDate = null,
    string? Location = null,
    string? Description = null,
    Recurrence? Recurrence = null,
    int? ServiceLineId = null,
    int? PlaceId = null)
{
    public bool AllDay => StartTime is null && EndTime is null;
}

/// <summary>
/// What one occurrence of a series becomes ("Bara denna"): another date or time, title, place or description. All-day
/// stays all-day; the occurrence keeps the series' length in days.
/// </summary>
public sealed record OccurrenceDetails(
    string Title,
    DateOnly Date,
    TimeOnly? StartTime = null,
    TimeOnly? EndTime = null,
    string? Location = null,
    string? Description = null);

/// <summary>
/// One occurrence of an event as the almanac shows it, office-local, with its instants in the office's zone.
/// <see cref="OriginalDate"/> names the occurrence in the series (iCal RECURRENCE-ID) even when it was moved.
/// </summary>
public sealed record CalendarOccurrence(
    int EventId,
    string Uid,
    DateOnly OriginalDate,
    DateOnly Date,
    DateOnly EndDate,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    DateTimeOffset Start,
    DateTimeOffset End,
    CalendarEventKind Kind,
    string Title,
    string? Location,
    string? Description,
    bool IsRecurring,
    bool IsOverridden,
    int? ServiceLineId,
    int? PlaceId)
{
    public bool AllDay => StartTime is null;
}
