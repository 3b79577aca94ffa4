using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Runs the provider's per-connection settings each time a connection opens:
/// <list type="bullet">
/// <item>SQLite (<see cref="ForSqlite"/>): wait (instead of failing) while another writer holds the lock, and enforce
/// foreign keys; register the SQL functions the triggers call (<see cref="SqliteFunctions"/>). WAL mode is a property of the database file and is set once at start-up.</item>
/// <item>PostgreSQL (<see cref="ForPostgreSql"/>): the counterpart of SQLite's busy timeout, <c>lock_timeout</c>: a
/// statement that waits for a lock longer than <c>Database:BusyTimeoutMilliseconds</c> fails (SQLSTATE 55P03), which
/// <see cref="DatabaseErrors.IsBusy"/> turns into the same Swedish "try again" answer as on SQLite.</item>
/// </list>
/// </summary>
internal sealed class ConnectionSetup(string sql) : DbConnectionInterceptor
{
    public static ConnectionSetup ForSqlite(int busyTimeoutMilliseconds) => new(string.Create(
        CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyTimeoutMilliseconds}; PRAGMA foreign_keys = ON;"));

    public static ConnectionSetup ForPostgreSql(int busyTimeoutMilliseconds) => new(string.Create(
        CultureInfo.InvariantCulture, $"SET lock_timeout = {busyTimeoutMilliseconds};"));

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        RegisterFunctions(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RegisterFunctions(connection);
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SQLite: the functions the tally summary triggers call (<see cref="SqliteFunctions"/>).</summary>
    private static void RegisterFunctions(DbConnection connection)
    {
        if (connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            SqliteFunctions.Register(sqlite);
        }
    }
}
