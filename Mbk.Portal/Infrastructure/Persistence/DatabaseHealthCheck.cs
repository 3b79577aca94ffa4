using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// For <c>/healthz</c>: healthy when the database file can be opened now and holds the portal's tables. It opens a
/// fresh connection outside the pool (a pooled one stays open after the file is gone or unreadable) and never creates
/// the file.
/// </summary>
internal sealed class DatabaseHealthCheck(PersistenceExtensions.DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
}
