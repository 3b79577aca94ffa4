using System.Text;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>One event of an .ics file as the preview shows it.</summary>
public sealed record AlmanacImportPreviewItem(
    string Uid,
    CalendarEventKind Kind,
    string Title,
    DateOnly StartDate,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    DateOnly EndDate,
    string? Location,
    string? RecurrenceDescription,
    int CancelledOccurrences,
    int ChangedOccurrences,
    bool UpdatesExisting);

public sealed record AlmanacImportPreview(IReadOnlyList<AlmanacImportPreviewItem> Items)
{
    public int New => Items.Count(i => !i.UpdatesExisting);

    public int Updates => Items.Count(i => i.UpdatesExisting);
}

public sealed record AlmanacImportResult(int Created, int Updated);

/// <summary>
/// Import of an .ics file (e.g. a partner's schedule) into the actor's office almanac; any staff member may. The file
/// is read and checked whole before anything is saved (<see cref="PreviewAsync"/> shows what will happen), and
/// <see cref="ImportAsync"/> saves everything in one transaction or nothing. An event whose UID the office already
/// has is updated (its queue service and place kept), so importing the same file again never duplicates.
/// </summary>
public sealed class AlmanacImportCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxFileBytes = 1024 * 1024;

    public async Task<AlmanacImportPreview> PreviewAsync(StaffContext actor, byte[] content, CalendarEventKind kind, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var imported = Read(content, zoneId, kind);
        var uids = imported.Select(i => i.Uid).ToList();
        var existing = await db.CalendarEvents.Where(e => e.OfficeId == officeId && uids.Contains(e.Uid)).Select(e => e.Uid).ToListAsync(cancellationToken);
        return new AlmanacImportPreview(imported.Select(i =>
        {
            var d = i.Details;
            var start = d.Recurrence?.FirstOnOrAfter(d.StartDate) ?? d.StartDate;
            return new AlmanacImportPreviewItem(
                i.Uid, d.Kind, d.Title, start, d.StartTime, d.EndTime, (d.EndDate ?? d.StartDate).AddDays(start.DayNumber - d.StartDate.DayNumber),
                d.Location, d.Recurrence?.Describe(start), i.Cancelled.Count, i.Changed.Count, existing.Contains(i.Uid));
        }).OrderBy(i => i.StartDate).ThenBy(i => i.StartTime).ToList());
    }

    public async Task<AlmanacImportResult> ImportAsync(StaffContext actor, byte[] content, CalendarEventKind kind, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var imported = Read(content, zoneId, kind);
        var uids = imported.Select(i => i.Uid).ToList();
        var existing = await db.CalendarEvents.Where(e => e.OfficeId == officeId && uids.Contains(e.Uid)).ToDictionaryAsync(e => e.Uid, StringComparer.Ordinal, cancellationToken);
        var now = clock.GetUtcNow();
        int created = 0, updated = 0;
        foreach (var item in imported)
        {
            if (existing.TryGetValue(item.Uid, out var calendarEvent))
            {
                // iCal knows nothing of our queue links: a partner visit keeps its service and place.
                var keepQueue = item.Details.Kind == CalendarEventKind.PartnerVisit && !item.Details.AllDay;
                calendarEvent.ReplaceFromImport(item.Details with
                {
                    ServiceLineId = keepQueue ? calendarEvent.ServiceLineId : null,
                    PlaceId = keepQueue ? calendarEvent.PlaceId : null,
                }, now);
                updated++;
            }
            else
            {
                calendarEvent = CalendarEvent.Create(officeId, zoneId, item.Details, actor.UserId, actor.DisplayName, now, item.Uid);
                db.CalendarEvents.Add(calendarEvent);
                created++;
            }

            item.ApplyExceptions(calendarEvent, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AlmanacImportResult(created, updated);
    }

    private IReadOnlyList<ImportedEvent> Read(byte[] content, string zoneId, CalendarEventKind kind)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!CalendarEventKinds.Plannable.Contains(kind))
        {
            throw new DomainException("Välj vilken typ av händelse filen innehåller.");
        }

        if (content.Length == 0)
        {
            throw new DomainException("Filen är tom. Ingenting lästes in.");
        }

        if (content.Length > MaxFileBytes)
        {
            throw new DomainException("Filen är för stor (högst 1 MB). Ingenting lästes in.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException ex)
        {
            throw new DomainException("Filen är ingen iCalendar-fil (den är inte text i UTF-8). Ingenting lästes in.", ex);
        }

        return IcalImportReader.Read(text, zoneId, kind, clock.GetUtcNow());
    }
}
