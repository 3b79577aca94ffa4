using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>Used only by <c>dotnet ef</c> to create migrations, without starting the portal.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options;
        return new PortalDbContext(options);
    }
}

/// <summary>
/// Used only by <c>dotnet ef … --context PostgreSqlPortalDbContext</c> to create the PostgreSQL migrations (in
/// <c>Migrations/PostgreSql</c>); no server is contacted.
/// </summary>
internal sealed class PostgreSqlDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlPortalDbContext>
{
    public PostgreSqlPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseNpgsql("Host=localhost;Database=mbk_design_time")
            .Options;
        return new PostgreSqlPortalDbContext(options);
    }
}
