using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// The PostgreSQL server <c>test.sh</c> starts (<c>MBK_TEST_POSTGRES</c>). The portal's migrations run once per test
/// run into a template database; each test then gets its own copy (<c>CREATE DATABASE … TEMPLATE</c>), as fresh as a
/// new SQLite file.
/// </summary>
internal static class PostgreSqlTestServer
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly string Run = Guid.NewGuid().ToString("N")[..8];
    private static bool _templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MBK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("MBK_TEST_POSTGRES is not set: run the tests with ./test.sh, which starts PostgreSQL.");

    private static string Template => $"mbk_template_{Run}";

    /// <summary>Creates an empty, migrated database and returns its connection string.</summary>
    public static async Task<string> NewDatabaseAsync()
    {
        await EnsureTemplateAsync();
        var name = $"mbk_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\" TEMPLATE \"{Template}\";";
            await command.ExecuteNonQueryAsync();
        }

        return For(name);
    }

    /// <summary>Creates an empty database (no schema: the portal's start-up migrates it) and returns its connection string.</summary>
    public static async Task<string> NewEmptyDatabaseAsync()
    {
        var name = $"mbk_empty_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\";";
            await command.ExecuteNonQueryAsync();
        }

        return For(name);
    }

    private static string For(string database) => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

    private static async Task EnsureTemplateAsync()
    {
        if (Volatile.Read(ref _templateReady))
        {
            return;
        }

        await TemplateGate.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await using (var connection = new NpgsqlConnection(ServerConnectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = $"CREATE DATABASE \"{Template}\";";
                await command.ExecuteNonQueryAsync();
            }

            var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(For(Template)).Options;
            await using (var db = new PostgreSqlPortalDbContext(options))
            {
                await db.MigrateAsync(CancellationToken.None);
            }

            // A template must have no open sessions while it is copied.
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }
}
