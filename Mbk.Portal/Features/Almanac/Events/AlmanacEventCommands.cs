using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Events;

/// <summary>
/// Every change to the shared almanac's events. Any staff member may edit the almanac of their current office
/// (managers too). Each change names the <see cref="CalendarEvent.Sequence"/> it started from; a stale edit is refused
/// with <see cref="CalendarEvent.StaleMessage"/>. Events are published by the dispatcher after the commit.
/// </summary>
public sealed class AlmanacEventCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>Adds an event or a series to the actor's office. Returns its id.</summary>
    public async Task<int> AddAsync(StaffContext actor, CalendarEventDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        await RequirePartnerVisitTargetsAsync(db, officeId, details, cancellationToken);
        var calendarEvent = CalendarEvent.Create(officeId, zoneId, details, actor.UserId, actor.DisplayName, clock.GetUtcNow());
        db.CalendarEvents.Add(calendarEvent);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return calendarEvent.Id;
    }

    /// <summary>"Hela serien" (or the one-off event): changes every occurrence.</summary>
    public Task ChangeAsync(StaffContext actor, int eventId, int expectedSequence, CalendarEventDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return WithEventAsync(actor, eventId, async (db, calendarEvent, now) =>
        {
            await RequirePartnerVisitTargetsAsync(db, calendarEvent.OfficeId, details, cancellationToken);
            calendarEvent.Change(details, expectedSequence, now);
        }, cancellationToken);
    }

    /// <summary>"Bara denna": one occurrence gets another date, time, title, place or description.</summary>
    public Task ChangeOccurrenceAsync(
        StaffContext actor, int eventId, DateOnly originalDate, int expectedSequence, OccurrenceDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        return WithEventAsync(actor, eventId, (_, calendarEvent, now) =>
        {
            calendarEvent.ChangeOccurrence(originalDate, details, expectedSequence, now);
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>"Bara denna" cancelled.</summary>
    public Task CancelOccurrenceAsync(StaffContext actor, int eventId, DateOnly originalDate, int expectedSequence, CancellationToken cancellationToken = default) =>
        WithEventAsync(actor, eventId, (_, calendarEvent, now) =>
        {
            calendarEvent.CancelOccurrence(originalDate, expectedSequence, now);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// "Denna och följande": the series ends before <paramref name="originalDate"/> and continues as a new series with
    /// <paramref name="details"/>. Returns the id of the series that now holds the occurrence (the same one when it
    /// was the first occurrence).
    /// </summary>
    public async Task<int> ChangeFromOccurrenceAsync(
        StaffContext actor, int eventId, DateOnly originalDate, int expectedSequence, CalendarEventDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        CalendarEvent? following = null;
        await WithEventAsync(actor, eventId, async (db, calendarEvent, now) =>
        {
            await RequirePartnerVisitTargetsAsync(db, calendarEvent.OfficeId, details, cancellationToken);
            following = calendarEvent.ChangeFromOccurrence(originalDate, details, expectedSequence, actor.UserId, actor.DisplayName, now);
            if (!ReferenceEquals(following, calendarEvent))
            {
                db.CalendarEvents.Add(following);
            }
        }, cancellationToken);
        return following!.Id;
    }

    /// <summary>"Denna och följande" cancelled; from the first occurrence the whole series goes.</summary>
    public Task CancelFromOccurrenceAsync(StaffContext actor, int eventId, DateOnly originalDate, int expectedSequence, CancellationToken cancellationToken = default) =>
        WithEventAsync(actor, eventId, (db, calendarEvent, now) =>
        {
            if (calendarEvent.CancelFromOccurrence(originalDate, expectedSequence, now))
            {
                db.CalendarEvents.Remove(calendarEvent);
            }

            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Removes the event or the whole series.</summary>
    public Task DeleteAsync(StaffContext actor, int eventId, int expectedSequence, CancellationToken cancellationToken = default) =>
        WithEventAsync(actor, eventId, (db, calendarEvent, _) =>
        {
            calendarEvent.Delete(expectedSequence);
            db.CalendarEvents.Remove(calendarEvent);
            return Task.CompletedTask;
        }, cancellationToken);

    private async Task WithEventAsync(
        StaffContext actor, int eventId, Func<PortalDbContext, CalendarEvent, DateTimeOffset, Task> change, CancellationToken cancellationToken)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var calendarEvent = await db.CalendarEvents.SingleOrDefaultAsync(e => e.Id == eventId && e.OfficeId == officeId, cancellationToken)
                ?? throw new DomainException("Händelsen finns inte i ditt kontors almanacka (den kan ha tagits bort av någon annan).");
            await change(db, calendarEvent, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new DomainException(CalendarEvent.StaleMessage, exception);
        }
    }

    private static async Task RequirePartnerVisitTargetsAsync(PortalDbContext db, int officeId, CalendarEventDetails details, CancellationToken cancellationToken)
    {
        if (details.ServiceLineId is { } serviceLineId
            && !await db.ServiceLines.AnyAsync(s => s.Id == serviceLineId && s.OfficeId == officeId && s.IsActive, cancellationToken))
        {
            throw new DomainException("Kötjänsten finns inte (eller är inte aktiv) på ditt kontor.");
        }

        if (details.PlaceId is { } placeId
            && !await db.Places.AnyAsync(p => p.Id == placeId && p.OfficeId == officeId && p.IsActive, cancellationToken))
        {
            throw new DomainException("Platsen finns inte (eller är inte aktiv) på ditt kontor.");
        }
    }
}
