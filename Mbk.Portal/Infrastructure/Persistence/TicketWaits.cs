using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// The waits of an office's tickets taken in a period (kiosk tickets that were called; transfers and walk-ins left
/// out), averaged and maximised in the database: a year is tens of thousands of tickets and only one row travels. The
/// SQL differs per provider: SQLite stores instants as UTC ticks, PostgreSQL as timestamptz.
/// </summary>
public static class TicketWaits
{
    private const double TicksPerMinute = TimeSpan.TicksPerMinute;

    public static async Task<WaitSummary> SummaryAsync(PortalDbContext db, int officeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            var from = start.ToUniversalTime();
            var to = end.ToUniversalTime();
            return await db.Database.SqlQuery<WaitSummary>($"""
                SELECT COUNT(*)::integer AS "Count",
                       AVG(EXTRACT(epoch FROM "CalledAt" - "TakenAt"))::double precision / 60 AS "AverageMinutes",
                       MAX(EXTRACT(epoch FROM "CalledAt" - "TakenAt"))::double precision / 60 AS "MaxMinutes"
                FROM "Tickets"
                WHERE "OfficeId" = {officeId} AND "TakenAt" >= {from} AND "TakenAt" < {to}
                  AND "CalledAt" IS NOT NULL AND "TransferredFromTicketId" IS NULL AND NOT "IsWalkIn"
                """).SingleAsync(cancellationToken);
        }

        var fromTicks = start.UtcTicks;
        var toTicks = end.UtcTicks;
        return await db.Database.SqlQuery<WaitSummary>($"""
            SELECT COUNT(*) AS "Count",
                   AVG("CalledAt" - "TakenAt") / {TicksPerMinute} AS "AverageMinutes",
                   MAX("CalledAt" - "TakenAt") / {TicksPerMinute} AS "MaxMinutes"
            FROM "Tickets"
            WHERE "OfficeId" = {officeId} AND "TakenAt" >= {fromTicks} AND "TakenAt" < {toTicks}
              AND "CalledAt" IS NOT NULL AND "TransferredFromTicketId" IS NULL AND "IsWalkIn" = 0
            """).SingleAsync(cancellationToken);
    }

    /// <summary>How many waits, and their mean and longest in minutes (null when there were none).</summary>
    public sealed class WaitSummary
    {
        public int Count { get; set; }

        public double? AverageMinutes { get; set; }

        public double? MaxMinutes { get; set; }
    }
}
