using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// The portal's model on PostgreSQL (<c>Database:Provider = PostgreSql</c>). A type of its own only so that EF Core
/// keeps a migrations set per provider (<c>Migrations/PostgreSql</c>); the model and every query are
/// <see cref="PortalDbContext"/>'s.
/// </summary>
public sealed class PostgreSqlPortalDbContext(DbContextOptions<PortalDbContext> options) : PortalDbContext(options);
