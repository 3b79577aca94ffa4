using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Recognises the provider's "could not get the lock in time" failures, so features and pages can answer them in
/// Swedish without knowing the provider.
/// </summary>
public static class DatabaseErrors
{
    public const string BusyMessage = "Databasen är upptagen just nu och ändringen sparades inte. Försök igen om en stund.";

    /// <summary>Seconds a client is asked to wait before trying again (Retry-After).</summary>
    public const int RetryAfterSeconds = 5;

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>The write could not get its lock within <c>Database:BusyTimeoutMilliseconds</c>.</summary>
    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }
                || e is PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A unique index or key refused the row (someone else stored the same thing first).</summary>
    public static bool IsUniqueViolation(Exception? exception) => ViolatedUniqueKey(exception) is not null;

    /// <summary>
    /// What names the unique index that refused the row, when one did: SQLite's message ("… Table.Column, …") or
    /// PostgreSQL's constraint name (<c>IX_Table_Column_…</c>); both contain the indexed columns' names.
    /// </summary>
    public static string? ViolatedUniqueKey(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey } sqlite:
                    return sqlite.Message;
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } postgres:
                    return postgres.ConstraintName ?? postgres.MessageText;
            }
        }

        return null;
    }
}
