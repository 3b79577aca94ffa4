using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// A real, migrated database with the portal's interceptors and a live-event bus, without a web host: a SQLite file, or
/// (when <c>MBK_TEST_PROVIDER=PostgreSql</c>, as <c>test.sh</c> runs the classes marked <c>[Trait("Providers", "Both")]</c>)
/// a fresh database of its own on the PostgreSQL server that <c>test.sh</c> starts (<c>MBK_TEST_POSTGRES</c>).
/// </summary>
public sealed class TestDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<PortalDbContext> _options;

    private TestDatabase(string directory, string? postgres)
    {
        Directory = directory;
        Bus = new InProcessLiveEventBus(NullLogger<InProcessLiveEventBus>.Instance);
        FilePath = Path.Combine(directory, "test.db");
        IsPostgreSql = postgres is not null;
        var settings = postgres is null
            ? new PersistenceExtensions.DatabaseSettings(PersistenceExtensions.DatabaseSettings.Sqlite, $"Data Source={FilePath}", 10_000)
            : new PersistenceExtensions.DatabaseSettings(PersistenceExtensions.DatabaseSettings.PostgreSql, postgres, 10_000);
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PersistenceExtensions.Configure(builder, settings, new OfficeEventDispatcher(Bus));
        _options = builder.Options;
    }

    /// <summary>The provider the service-level tests run on in this test run.</summary>
    public static bool OnPostgreSql => string.Equals(Environment.GetEnvironmentVariable("MBK_TEST_PROVIDER"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public bool IsPostgreSql { get; }

    public string Directory { get; }

    public string FilePath { get; }

    public InProcessLiveEventBus Bus { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var postgres = OnPostgreSql ? await PostgreSqlTestServer.NewDatabaseAsync() : null;
        var database = new TestDatabase(TestPaths.NewTempDirectory("db"), postgres);
        if (postgres is null)
        {
            await using var db = database.CreateDbContext();
            await db.MigrateAsync(CancellationToken.None);
        }

        return database;
    }

    public PortalDbContext CreateDbContext() => IsPostgreSql ? new PostgreSqlPortalDbContext(_options) : new PortalDbContext(_options);

    public async Task<Office> AddOfficeAsync(string name = "Medborgarkontoret Testby", string slug = "testby")
    {
        await using var db = CreateDbContext();
        var office = Office.Create(name, slug);
        db.Offices.Add(office);
        await db.SaveChangesAsync();
        return office;
    }

    /// <summary>Stores staff contexts as active accounts of <paramref name="office"/>, so they can be chosen among the staff.</summary>
    public async Task AddStaffAsync(Office office, params StaffContext[] staff)
    {
        ArgumentNullException.ThrowIfNull(office);
        await using var db = CreateDbContext();
        foreach (var person in staff)
        {
            var email = person.UserId + "@test.mbk.se";
            var user = new StaffUser { Id = person.UserId, UserName = email, Email = email, DisplayName = person.DisplayName, IsActive = true };
            user.Offices.Add(new StaffOfficeMembership { UserId = person.UserId, OfficeId = office.Id, Role = person.CurrentOffice?.Role ?? StaffRoles.Advisor });
            db.Users.Add(user);
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A staff context working in <paramref name="office"/>: Manager or Advisor there (by membership), Admin globally
    /// when <paramref name="roles"/> names it.
    /// </summary>
    public static StaffContext Staff(Office office, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(office);
        var membership = new OfficeSummary(office.Id, office.Name, office.Slug, roles.Contains(StaffRoles.Manager) ? StaffRoles.Manager : StaffRoles.Advisor);
        return new StaffContext(
            "user-" + Guid.NewGuid().ToString("N"),
            roles.Contains(StaffRoles.Manager) ? "Test Chef" : "Test Vägledare",
            roles.Where(r => StaffRoles.GlobalRoles.Contains(r)).ToHashSet(),
            membership,
            [membership]);
    }

    public ValueTask DisposeAsync()
    {
        if (!IsPostgreSql)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        return ValueTask.CompletedTask;
    }
}
