using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>Creates the context of the configured provider: <see cref="PortalDbContext"/> on SQLite, <see cref="PostgreSqlPortalDbContext"/> on PostgreSQL.</summary>
internal sealed class PortalDbContextFactory(DbContextOptions<PortalDbContext> options, PersistenceExtensions.DatabaseSettings settings)
    : IDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext() =>
        settings.IsPostgreSql ? new PostgreSqlPortalDbContext(options) : new PortalDbContext(options);
}
