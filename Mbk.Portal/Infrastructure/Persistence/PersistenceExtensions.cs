using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Registers the database: SQLite (the embedded default) or PostgreSQL (<c>Database:Provider = PostgreSql</c>, for
/// several instances). Provider-specific code stays in this folder, so the features never know which one runs.
/// </summary>
public static class PersistenceExtensions
{
    public const string ConnectionStringName = "Portal";

    /// <summary>
    /// Registers the DbContext factory. Configuration is read when the first context is created (not at
    /// registration), so hosts that add configuration late, such as test hosts, are honoured.
    /// </summary>
    public static IServiceCollection AddPortalPersistence(this IServiceCollection services)
    {
        services.AddSingleton<OfficeEventDispatcher>();
        services.AddSingleton(sp => DatabaseSettings.From(
            sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IHostEnvironment>().ContentRootPath));
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>((sp, options) =>
            Configure(options, sp.GetRequiredService<DatabaseSettings>(), sp.GetRequiredService<OfficeEventDispatcher>()));
        return services;
    }

    /// <summary>Points <paramref name="options"/> at the configured provider with the portal's interceptors.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings, OfficeEventDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.IsPostgreSql)
        {
            options.UseNpgsql(settings.ConnectionString, npgsql => npgsql.CommandTimeout(settings.RetrySeconds + 5));
            options.AddInterceptors(ConnectionSetup.ForPostgreSql(settings.BusyTimeoutMilliseconds), dispatcher);
        }
        else
        {
            options.UseSqlite(settings.ConnectionString, sqlite => sqlite.CommandTimeout(settings.RetrySeconds));
            options.AddInterceptors(ConnectionSetup.ForSqlite(settings.BusyTimeoutMilliseconds), dispatcher);
        }

        return options;
    }

    /// <summary>
    /// The connection string from <c>ConnectionStrings:Portal</c>, or a file <c>mbk-portal.db</c> in
    /// <c>Portal:DataDirectory</c> (default <c>data</c> under the content root). Relative paths are made absolute
    /// against the content root and the folder is created.
    /// </summary>
    public static string ResolveSqliteConnectionString(IConfiguration configuration, string contentRoot)
    {
        var builder = SqliteConnection(configuration, contentRoot);
        Directory.CreateDirectory(DataDirectoryPath(configuration, contentRoot));
        if (builder.Mode != SqliteOpenMode.Memory && Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        builder.Pooling = true;
        return builder.ToString();
    }

    /// <summary>The database file the configuration points at, worked out without creating anything.</summary>
    public static string SqliteDatabasePath(IConfiguration configuration, string contentRoot) =>
        SqliteConnection(configuration, contentRoot).DataSource;

    private static SqliteConnectionStringBuilder SqliteConnection(IConfiguration configuration, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            configuration.GetConnectionString(ConnectionStringName)
            ?? $"Data Source={Path.Combine(DataDirectoryPath(configuration, contentRoot), "mbk-portal.db")}");
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        return builder;
    }

    public static string DataDirectory(IConfiguration configuration, string contentRoot)
    {
        var full = DataDirectoryPath(configuration, contentRoot);
        Directory.CreateDirectory(full);
        return full;
    }

    private static string DataDirectoryPath(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration["Portal:DataDirectory"] ?? "data";
        return Path.GetFullPath(Path.IsPathRooted(configured) ? configured : Path.Combine(contentRoot, configured));
    }

    /// <summary>The resolved database settings of this portal instance.</summary>
    public sealed record DatabaseSettings(string Provider, string ConnectionString, int BusyTimeoutMilliseconds)
    {
        public const string Sqlite = "Sqlite";
        public const string PostgreSql = "PostgreSql";

        /// <summary>The command timeout (whole seconds) matching <see cref="BusyTimeoutMilliseconds"/>.</summary>
        public int RetrySeconds => Math.Max(1, BusyTimeoutMilliseconds / 1000);

        public bool IsPostgreSql => Provider == PostgreSql;

        public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
        {
            var configured = configuration["Database:Provider"] ?? Sqlite;
            var busyTimeout = configuration.GetValue("Database:BusyTimeoutMilliseconds", 10_000);
            if (configured.Equals(PostgreSql, StringComparison.OrdinalIgnoreCase))
            {
                var postgres = configuration.GetConnectionString(ConnectionStringName)
                    ?? throw new InvalidOperationException("ConnectionStrings:Portal must be set when Database:Provider is PostgreSql.");
                return new DatabaseSettings(PostgreSql, postgres, busyTimeout);
            }

            if (!configured.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Database:Provider '{configured}' is not supported; use 'Sqlite' or 'PostgreSql'.");
            }

            // SQLite itself waits busy_timeout for the lock; Microsoft.Data.Sqlite then retries until its own timeout
            // (30 s for BEGIN, the command timeout for statements) has passed since the first try. Keep those at the busy
            // timeout rounded down, so a write that cannot get the lock fails after the configured time, not after a minute.
            var retrySeconds = Math.Max(1, busyTimeout / 1000);
            var connectionString = new SqliteConnectionStringBuilder(ResolveSqliteConnectionString(configuration, contentRoot))
            {
                DefaultTimeout = retrySeconds,
            };
            return new DatabaseSettings(Sqlite, connectionString.ToString(), busyTimeout);
        }
    }

    /// <summary>Applies migrations and switches the SQLite file to WAL so readers never wait for the writer.</summary>
    public static async Task MigrateAsync(this PortalDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            // A read-only file opens and migrates (when up to date) without complaint; fail here, at start-up, instead
            // of at the first visitor's ticket.
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS \"__StartupWriteCheck\" (Id INTEGER); DROP TABLE \"__StartupWriteCheck\";", cancellationToken);
        }
    }
}
