using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// For <c>/healthz</c>: healthy when the database (the SQLite file, or PostgreSQL) can be opened now and holds the portal's tables. It opens a
/// fresh connection outside the pool (a pooled one stays open after the file is gone or unreadable) and never creates
/// the file.
/// </summary>
internal sealed class DatabaseHealthCheck(PersistenceExtensions.DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (settings.IsPostgreSql)
        {
            return await CheckPostgreSqlAsync(cancellationToken);
        }

        var builder = new SqliteConnectionStringBuilder(settings.ConnectionString)
        {
            Pooling = false,
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = 5,
        };
        try
        {
            await using var connection = new SqliteConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'Offices';";
            var tables = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            return tables == 1
                ? HealthCheckResult.Healthy("Databasen svarar.")
                : HealthCheckResult.Unhealthy($"Databasfilen {builder.DataSource} saknar portalens tabeller.");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy($"Databasfilen {builder.DataSource} kan inte öppnas (SQLite-fel {ex.SqliteErrorCode}).", ex);
        }
    }

    private async Task<HealthCheckResult> CheckPostgreSqlAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, Timeout = 5, CommandTimeout = 5 };
        try
        {
            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT to_regclass('\"Offices\"') IS NOT NULL;";
            var hasTables = await command.ExecuteScalarAsync(cancellationToken) is true;
            return hasTables
                ? HealthCheckResult.Healthy("Databasen svarar.")
                : HealthCheckResult.Unhealthy($"Databasen {builder.Database} på {builder.Host} saknar portalens tabeller.");
        }
        catch (NpgsqlException ex)
        {
            return HealthCheckResult.Unhealthy($"Databasen {builder.Database} på {builder.Host} svarar inte ({ex.SqlState ?? "ingen anslutning"}).", ex);
        }
    }
}
