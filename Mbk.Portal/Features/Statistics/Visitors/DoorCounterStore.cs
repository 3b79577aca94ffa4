using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Visitors;

/// <summary>Stores door-counter readings, refusing any that share time with a reading of the same office.</summary>
internal static class DoorCounterStore
{
    public const string OverlapMessage = "Det finns redan en mätning från besöksräknaren som överlappar den perioden. Inget sparades.";

    /// <summary>
    /// Adds <paramref name="reading"/> in one write transaction (SQLite takes the write lock at BEGIN, so concurrent
    /// posts are serialised): false, with nothing stored, when it overlaps an existing reading.
    /// </summary>
    public static async Task<bool> TryAddAsync(PortalDbContext db, DoorCounterReading reading, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await OverlapsAsync(db, reading.OfficeId, reading.Start, reading.End, cancellationToken))
        {
            return false;
        }

        db.DoorCounterReadings.Add(reading);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsUniqueViolation(ex))
        {
            // The unique index (office, start, end) caught an exact duplicate the check above could not see.
            db.Entry(reading).State = EntityState.Detached;
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Whether any reading of the office shares time with [start, end) (ends exclusive).</summary>
    public static Task<bool> OverlapsAsync(PortalDbContext db, int officeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        db.DoorCounterReadings.AnyAsync(r => r.OfficeId == officeId && r.Start < end && start < r.End, cancellationToken);
}
