using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Makes start-up (migrations and seeding) run on one instance at a time. On PostgreSQL it is a session-level advisory
/// lock held on its own connection until disposed; instances that start together wait for it. SQLite is one process on
/// one file (the embedded default), where EF Core's own migration lock suffices.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The advisory lock key: "MbkStart" as eight ASCII bytes.</summary>
    public const long Key = 0x4D626B5374617274;

    private readonly PortalDbContext? _db;

    private StartupLock(PortalDbContext? db) => _db = db;

    public static async Task<StartupLock> AcquireAsync(PersistenceExtensions.DatabaseSettings settings, IDbContextFactory<PortalDbContext> dbFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dbFactory);
        if (!settings.IsPostgreSql)
        {
            return new StartupLock(null);
        }

        var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            // Waiting for another instance's migrations is not a lock timeout: no limit while waiting here.
            await db.Database.ExecuteSqlRawAsync("SET lock_timeout = 0; SELECT pg_advisory_lock({0});", [Key], cancellationToken);
            return new StartupLock(db);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is null)
        {
            return;
        }

        try
        {
            await _db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock({0});", [Key]);
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await _db.DisposeAsync();
        }
    }
}
