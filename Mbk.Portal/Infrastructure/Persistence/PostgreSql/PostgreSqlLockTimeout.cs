using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL's counterpart of SQLite's busy timeout: a statement that waits for a row or table lock longer than
/// <c>Database:BusyTimeoutMilliseconds</c> fails (SQLSTATE 55P03), which <see cref="DatabaseErrors.IsBusy"/> turns into
/// the same Swedish "try again" answer as on SQLite.
/// </summary>
internal sealed class PostgreSqlLockTimeout(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command.ConfigureAwait(false))
        {
            command.CommandText = Sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private string Sql => string.Create(CultureInfo.InvariantCulture, $"SET lock_timeout = {busyTimeoutMilliseconds};");
}
