using Microsoft.Data.Sqlite;

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

    public static bool IsBusy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }

        return false;
    }
}
