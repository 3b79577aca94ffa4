using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Call-next on PostgreSQL, where places of one office call side by side (see
/// <see cref="WriteTransactions.BeginAtOwnPlaceAsync"/>): the first waiting ticket in the queue's order that no other
/// transaction has locked is locked for this one (<c>FOR UPDATE SKIP LOCKED</c>), so 20 places calling at once each
/// get a different ticket without waiting for each other, and a ticket already called (committed) no longer matches.
/// The order is <see cref="Mbk.Domain.Queue.QueueOrdering"/>'s: tickets transferred to this place first, then the
/// oldest taken, then the lower number, then the lower id; tickets transferred to another place are never picked.
/// </summary>
public static class QueueHeadLock
{
    /// <summary>Whether call-next locks the ticket row it calls (PostgreSQL) rather than relying on a one-writer database.</summary>
    public static bool LocksRows(PortalDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql();
    }

    /// <summary>The locked ticket's id, or null when no unlocked ticket waits for these services.</summary>
    public static async Task<int?> LockNextWaitingAsync(
        PortalDbContext db, int officeId, DateOnly day, IReadOnlyCollection<int> serviceLineIds, int placeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(serviceLineIds);
        if (!LocksRows(db))
        {
            throw new InvalidOperationException("Row locks with SKIP LOCKED are PostgreSQL's; on SQLite the write transaction has the queue to itself.");
        }

        var services = serviceLineIds.ToArray();
        var waiting = nameof(Mbk.Domain.Queue.TicketStatus.Waiting);
        // Two statements rather than one ORDER BY with "transferred here first": each walks an index in the queue's
        // order and stops at the first unlocked row, where the combined order would sort the day's whole queue.
        var transferred = await db.Database.SqlQuery<int>($"""
            SELECT "Id" AS "Value" FROM "Tickets"
            WHERE "TargetPlaceId" = {placeId} AND "Status" = {waiting} AND "OfficeId" = {officeId} AND "ServiceDay" = {day}
              AND "ServiceLineId" = ANY({services})
            ORDER BY "TakenAt", "Number", "Id"
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        if (transferred.Count > 0)
        {
            return transferred[0];
        }

        var ids = await db.Database.SqlQuery<int>($"""
            SELECT "Id" AS "Value" FROM "Tickets"
            WHERE "OfficeId" = {officeId} AND "ServiceDay" = {day} AND "Status" = {waiting} AND "ServiceLineId" = ANY({services})
              AND "TargetPlaceId" IS NULL
            ORDER BY "TakenAt", "Number", "Id"
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        return ids.Count == 0 ? null : ids[0];
    }
}
