using Mbk.Domain.Almanac;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Events;

/// <summary>
/// One occurrence of an event as the almanac lists it, office-local. <see cref="OriginalDate"/> names the occurrence
/// in its series for "Bara denna" and "Denna och följande"; <see cref="Sequence"/> is what an edit must name.
/// </summary>
public sealed record AlmanacOccurrence(
    int EventId,
    int Sequence,
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
    string? RecurrenceDescription,
    int? ServiceLineId,
    int? PlaceId,
    bool IsRecurring,
    bool IsOverridden)
{
    public bool AllDay => StartTime is null;
}

/// <summary>An event or series as its edit dialog needs it.</summary>
public sealed record AlmanacEventView(
    int Id,
    string Uid,
    int Sequence,
    CalendarEventKind Kind,
    string Title,
    string? Location,
    string? Description,
    DateOnly StartDate,
    DateOnly EndDate,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    Recurrence? Recurrence,
    string? RecurrenceDescription,
    int? ServiceLineId,
    int? PlaceId,
    string CreatedByName,
    DateTimeOffset ChangedAt)
{
    public bool AllDay => StartTime is null;

    public CalendarEventDetails ToDetails() => new(
        Kind, Title, StartDate, StartTime, EndTime, EndDate, Location, Description, Recurrence, ServiceLineId, PlaceId);
}

/// <summary>
/// What the edit dialog opens with for one occurrence: the event, the occurrence as shown (null when it no longer
/// exists) and the rule for "Denna och följande" (a count shrunk by the occurrences before it).
/// </summary>
public sealed record AlmanacEventEditView(AlmanacEventView Event, AlmanacOccurrence? Occurrence, Recurrence? RecurrenceFromOccurrence);

/// <summary>A queue service or place of the office, for a partner visit's fields.</summary>
public sealed record AlmanacOption(int Id, string Name);

public sealed record PartnerVisitOptions(IReadOnlyList<AlmanacOption> ServiceLines, IReadOnlyList<AlmanacOption> Places);

/// <summary>Reads the almanac's events; occurrences are expanded in office-local time from the stored rules.</summary>
public sealed class AlmanacEventQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Every occurrence overlapping <paramref name="first"/>–<paramref name="last"/> (both included), ordered by start.</summary>
    public async Task<IReadOnlyList<AlmanacOccurrence>> GetOccurrencesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        if (last < first)
        {
            return [];
        }

        var events = await LoadOverlappingAsync(officeId, first, last, cancellationToken);
        return events
            .SelectMany(e => e.Occurrences(first, last).Select(o => ToView(e, o)))
            .OrderBy(o => o.Start)
            .ThenBy(o => o.Title, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>One event of the office, or null when it does not exist (any more).</summary>
    public async Task<AlmanacEventView?> GetEventAsync(int officeId, int eventId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendarEvent = await db.CalendarEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId && e.OfficeId == officeId, cancellationToken);
        return calendarEvent is null ? null : ToView(calendarEvent);
    }

    private static AlmanacEventView ToView(CalendarEvent calendarEvent)
    {
        var recurrence = calendarEvent.Recurrence;
        return new AlmanacEventView(
            calendarEvent.Id, calendarEvent.Uid, calendarEvent.Sequence, calendarEvent.Kind, calendarEvent.Title, calendarEvent.Location,
            calendarEvent.Description, calendarEvent.StartDate, calendarEvent.EndDate, calendarEvent.StartTime, calendarEvent.EndTime,
            recurrence, recurrence?.Describe(calendarEvent.StartDate), calendarEvent.ServiceLineId, calendarEvent.PlaceId,
            calendarEvent.CreatedByName, calendarEvent.ChangedAt);
    }

    /// <summary>An event with one of its occurrences, for the edit dialog; null when the event does not exist (any more).</summary>
    public async Task<AlmanacEventEditView?> GetForEditAsync(int officeId, int eventId, DateOnly originalDate, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var calendarEvent = await db.CalendarEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId && e.OfficeId == officeId, cancellationToken);
        if (calendarEvent is null)
        {
            return null;
        }

        var occurrence = calendarEvent.Occurrence(originalDate);
        return new AlmanacEventEditView(
            ToView(calendarEvent),
            occurrence is null ? null : ToView(calendarEvent, occurrence),
            calendarEvent.IsRecurring && occurrence is not null ? calendarEvent.RecurrenceFrom(originalDate) : null);
    }

    /// <summary>
    /// Every event and series of the office as domain objects (not tracked), with their exceptions: what an iCalendar
    /// feed writes (rules, EXDATE, RECURRENCE-ID) and what the queue asks for partner visits.
    /// </summary>
    public async Task<IReadOnlyList<CalendarEvent>> GetSeriesAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.CalendarEvents.AsNoTracking().Where(e => e.OfficeId == officeId).OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToListAsync(cancellationToken);
    }

    /// <summary>The office's active queue services and places, for a partner visit.</summary>
    public async Task<PartnerVisitOptions> GetPartnerVisitOptionsAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var lines = await db.ServiceLines.AsNoTracking().Where(s => s.OfficeId == officeId && s.IsActive)
            .OrderBy(s => s.SortOrder).Select(s => new AlmanacOption(s.Id, s.Prefix + " – " + s.Name)).ToListAsync(cancellationToken);
        var places = await db.Places.AsNoTracking().Where(p => p.OfficeId == officeId && p.IsActive)
            .OrderBy(p => p.SortOrder).Select(p => new AlmanacOption(p.Id, p.Name)).ToListAsync(cancellationToken);
        return new PartnerVisitOptions(lines, places);
    }

    private async Task<List<CalendarEvent>> LoadOverlappingAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        // One-off events by their dates; series all (their end lives in the rule, and an exception may move an
        // occurrence anywhere); an office has tens of series, so expanding them in memory is cheap.
        return await db.CalendarEvents.AsNoTracking()
            .Where(e => e.OfficeId == officeId && (e.RecurrenceRule != null || (e.StartDate <= last && e.EndDate >= first)))
            .ToListAsync(cancellationToken);
    }

    private static AlmanacOccurrence ToView(CalendarEvent calendarEvent, CalendarOccurrence occurrence) => new(
        occurrence.EventId, calendarEvent.Sequence, occurrence.OriginalDate, occurrence.Date, occurrence.EndDate, occurrence.StartTime,
        occurrence.EndTime, occurrence.Start, occurrence.End, occurrence.Kind, occurrence.Title, occurrence.Location, occurrence.Description,
        calendarEvent.Recurrence?.Describe(calendarEvent.StartDate), occurrence.ServiceLineId, occurrence.PlaceId,
        occurrence.IsRecurring, occurrence.IsOverridden);
}
