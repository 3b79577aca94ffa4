using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// Turns "the data folder or database cannot be written" at start-up into one line that names the path and what to do,
/// instead of an unhandled exception's stack.
/// </summary>
public static class StartupFailure
{
    private const int SqliteReadOnly = 8;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;
    private const int SqlitePermission = 23;

    /// <summary>The line to print when <paramref name="exception"/> means the data cannot be written; null for other faults.</summary>
    public static string? Describe(Exception exception, IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.Equals(configuration["Database:Provider"], PersistenceExtensions.DatabaseSettings.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            return FirstOf<NpgsqlException>(exception) is { } postgres
                ? $"Mbk Portal kan inte starta: PostgreSQL-databasen i ConnectionStrings:Portal svarar inte ({postgres.Message}). " +
                  "Kontrollera att servern är igång och att anslutningen (värd, port, databas, användare) stämmer."
                : null;
        }

        if (!IsStorageFault(exception))
        {
            return null;
        }

        var path = PersistenceExtensions.SqliteDatabasePath(configuration, contentRoot);
        return $"Mbk Portal kan inte starta: databasen {path} eller dess mapp går inte att skapa eller skriva. " +
            "Ge portalens användare skrivrätt där, eller ange en annan mapp med Portal:DataDirectory " +
            "(t.ex. miljövariabeln Portal__DataDirectory=/var/lib/mbk-portal).";
    }

    private static T? FirstOf<T>(Exception exception)
        where T : Exception
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static bool IsStorageFault(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is UnauthorizedAccessException or IOException
                || e is SqliteException { SqliteErrorCode: SqliteReadOnly or SqliteIoError or SqliteCantOpen or SqlitePermission })
            {
                return true;
            }
        }

        return false;
    }
}
