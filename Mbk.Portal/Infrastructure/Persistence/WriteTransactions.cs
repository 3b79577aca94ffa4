using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>What a write transaction must have to itself while it reads and then writes.</summary>
public enum WriteScope
{
    /// <summary>An office's queue: call-next, the daily ticket numbers, places and the end-of-day closing.</summary>
    OfficeQueue = 1,

    /// <summary>An office's report ledger: who sends a tertial's report.</summary>
    OfficeReports = 2,
}

/// <summary>
/// Read-then-write transactions that must not interleave with another of the same scope (two places calling the same
/// ticket, two kiosks taking the same number, two instances claiming the same report). SQLite gives this by itself:
/// <c>BEGIN</c> takes the database's one write lock. On PostgreSQL, where writers run side by side, the transaction
/// also takes a transaction-scoped advisory lock on (scope, office), so writers of one office's queue take turns
/// (waiting at most <c>Database:BusyTimeoutMilliseconds</c>) while other offices and all readers go on.
/// </summary>
public static class WriteTransactions
{
    public static async Task<IDbContextTransaction> BeginAsync(PortalDbContext db, WriteScope scope, int officeId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1});", [(int)scope, officeId], cancellationToken);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }

        return transaction;
    }
}
