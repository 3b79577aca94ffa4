using Mbk.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Counts per UTC hour, grouped in the database (a year of one office is tens of thousands of rows; only the
/// buckets travel). The SQL differs per provider: SQLite stores instants as UTC ticks, PostgreSQL as timestamptz.
/// </summary>
public static class HourlyCounts
{
    /// <summary>Hours from 0001-01-01 to 1970-01-01: PostgreSQL's epoch hours become the same hour numbers as the ticks'.</summary>
    private const long EpochHour = 621_355_968_000_000_000 / TicksPerHour;

    private const long TicksPerHour = 36_000_000_000;

    /// <summary>
    /// Instant tallies summed per UTC hour; <see cref="HourBucket.Unlinked"/> leaves out those recorded with a ticket.
    /// When the bounds are whole hours (a period of office-local days in a zone whose offsets are whole hours, such as
    /// Sweden's) this reads the hour summary the database keeps (<see cref="QuestionTallyHour"/>, one row per hour),
    /// otherwise the tallies themselves.
    /// </summary>
    public static Task<List<HourBucket>> TalliesAsync(PortalDbContext db, int officeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (start.UtcTicks % TicksPerHour == 0 && end.UtcTicks % TicksPerHour == 0)
        {
            var fromHour = start.UtcTicks / TicksPerHour;
            var toHour = end.UtcTicks / TicksPerHour;
            return db.QuestionTallyHours.AsNoTracking()
                .Where(h => h.OfficeId == officeId && h.Hour >= fromHour && h.Hour < toHour && h.Granularity == TallyGranularity.Instant)
                .Select(h => new HourBucket { Hour = h.Hour, Count = h.Count, Unlinked = h.Unlinked })
                .ToListAsync(cancellationToken);
        }

        var instant = nameof(TallyGranularity.Instant);
        if (db.Database.IsNpgsql())
        {
            var from = start.ToUniversalTime();
            var to = end.ToUniversalTime();
            return db.Database.SqlQuery<HourBucket>($"""
                SELECT floor(extract(epoch FROM "RecordedAt") / 3600)::bigint + {EpochHour} AS "Hour", SUM("Count")::bigint AS "Count",
                       SUM(CASE WHEN "TicketId" IS NULL THEN "Count" ELSE 0 END)::bigint AS "Unlinked"
                FROM "QuestionTallies"
                WHERE "OfficeId" = {officeId} AND "RecordedAt" >= {from} AND "RecordedAt" < {to} AND "Granularity" = {instant}
                GROUP BY 1
                """).ToListAsync(cancellationToken);
        }

        var fromTicks = start.UtcTicks;
        var toTicks = end.UtcTicks;
        return db.Database.SqlQuery<HourBucket>($"""
            SELECT "RecordedAt" / 36000000000 AS "Hour", SUM("Count") AS "Count",
                   SUM(CASE WHEN "TicketId" IS NULL THEN "Count" ELSE 0 END) AS "Unlinked"
            FROM "QuestionTallies"
            WHERE "OfficeId" = {officeId} AND "RecordedAt" >= {fromTicks} AND "RecordedAt" < {toTicks} AND "Granularity" = {instant}
            GROUP BY "RecordedAt" / 36000000000
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Tickets taken per UTC hour (a transfer continues a visit and is not counted again).</summary>
    public static Task<List<HourBucket>> TicketsAsync(PortalDbContext db, int officeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.IsNpgsql())
        {
            var from = start.ToUniversalTime();
            var to = end.ToUniversalTime();
            return db.Database.SqlQuery<HourBucket>($"""
                SELECT floor(extract(epoch FROM "TakenAt") / 3600)::bigint + {EpochHour} AS "Hour", COUNT(*) AS "Count", COUNT(*) AS "Unlinked"
                FROM "Tickets"
                WHERE "OfficeId" = {officeId} AND "TakenAt" >= {from} AND "TakenAt" < {to} AND "TransferredFromTicketId" IS NULL
                GROUP BY 1
                """).ToListAsync(cancellationToken);
        }

        var fromTicks = start.UtcTicks;
        var toTicks = end.UtcTicks;
        return db.Database.SqlQuery<HourBucket>($"""
            SELECT "TakenAt" / 36000000000 AS "Hour", COUNT(*) AS "Count", COUNT(*) AS "Unlinked"
            FROM "Tickets"
            WHERE "OfficeId" = {officeId} AND "TakenAt" >= {fromTicks} AND "TakenAt" < {toTicks} AND "TransferredFromTicketId" IS NULL
            GROUP BY "TakenAt" / 36000000000
            """).ToListAsync(cancellationToken);
    }

    /// <summary>A row of the per-hour queries (UTC hour number since year 1).</summary>
    public sealed class HourBucket
    {
        public long Hour { get; set; }

        public long Count { get; set; }

        public long Unlinked { get; set; }
    }
}
