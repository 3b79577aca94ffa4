using Microsoft.Data.Sqlite;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// Another process's hold on a SQLite file's write lock (<c>BEGIN IMMEDIATE</c> on a connection of its own, outside
/// the portal's pool and its in-process write gate), kept until <see cref="ReleaseAsync"/> or disposal.
/// </summary>
public sealed class SqliteWriteLock : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private bool _held = true;

    private SqliteWriteLock(SqliteConnection connection) => _connection = connection;

    public static async Task<SqliteWriteLock> TakeAsync(string connectionString)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var begin = connection.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        await begin.ExecuteNonQueryAsync();
        return new SqliteWriteLock(connection);
    }

    /// <summary>Lets the lock go (the held transaction is rolled back: it wrote nothing).</summary>
    public async Task ReleaseAsync()
    {
        if (_held)
        {
            await using var rollback = _connection.CreateCommand();
            rollback.CommandText = "ROLLBACK;";
            await rollback.ExecuteNonQueryAsync();
            _held = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ReleaseAsync();
        await _connection.DisposeAsync();
    }
}
