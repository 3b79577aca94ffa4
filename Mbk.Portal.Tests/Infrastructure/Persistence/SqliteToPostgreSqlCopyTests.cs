using System.Net;
using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// The README's <c>copy-to-postgresql</c> command run on a real portal's SQLite file (demo office, accounts, tickets,
/// a message of the day) into an empty PostgreSQL database (the server test.sh starts): every table arrives with the
/// same rows and values, a portal started on PostgreSQL takes the same logins and adds new rows after the copied keys,
/// and a second copy into the now filled database is refused without touching it.
/// </summary>
public sealed class SqliteToPostgreSqlCopyTests
{
    [Fact]
    public async Task ShouldMoveEveryRowToPostgreSqlAndLetThePortalGoOnThere()
    {
        var sqliteFile = await SqlitePortalWithDataAsync();
        var postgres = await PostgreSqlTestServer.NewEmptyDatabaseAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await SqliteToPostgreSqlCopy.RunAsync([SqliteToPostgreSqlCopy.Command, "--from", sqliteFile, "--to", postgres], output, error);

        exit.ShouldBe(0, error.ToString());
        output.ToString().ShouldContain("Klart:");
        await using (var sqlite = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite($"Data Source={sqliteFile}").Options))
        await using (var pg = PostgreSql(postgres))
        {
            foreach (var entityType in pg.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null && t.BaseType is null))
            {
                var table = entityType.GetTableName()!;
                (await CountAsync(pg, entityType)).ShouldBe(await CountAsync(sqlite, entityType), table);
            }

            (await pg.Tickets.CountAsync()).ShouldBe(3);
            var before = await sqlite.Tickets.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.DisplayNumber, t.TakenAt, t.ServiceDay, t.Status }).ToListAsync();
            var after = await pg.Tickets.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.DisplayNumber, t.TakenAt, t.ServiceDay, t.Status }).ToListAsync();
            after.ShouldBe(before);
            (await pg.Offices.SingleAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug)).MessageOfTheDay.ShouldBe("Flyttad från SQLite: åäö");
        }

        var settings = new Dictionary<string, string?> { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:Portal"] = postgres };
        await using (var portal = new PortalAppFactory(settings: settings))
        {
            var address = portal.StartKestrel();
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
            (await HttpLogin.PostLoginAsync(client, DemoAccounts.Advisor, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect, "the copied account signs in");
            var newId = await AddTicketAsync(portal.DbFactory, 4);
            newId.ShouldBeGreaterThan(3, "the identity continues after the copied keys");
        }

        using var secondOutput = new StringWriter();
        using var secondError = new StringWriter();
        (await SqliteToPostgreSqlCopy.RunAsync([SqliteToPostgreSqlCopy.Command, "--from", sqliteFile, "--to", postgres], secondOutput, secondError)).ShouldBe(1);
        secondError.ToString().ShouldContain("Flytta bara till en tom databas");
        await using (var pg = PostgreSql(postgres))
        {
            (await pg.Tickets.CountAsync()).ShouldBe(4);
        }
    }

    [Fact]
    public async Task ShouldExplainInSwedishWhenTheFileIsMissing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        (await SqliteToPostgreSqlCopy.RunAsync([SqliteToPostgreSqlCopy.Command, "--from", "/nonexistent/mbk.db", "--to", "Host=127.0.0.1"], output, error)).ShouldBe(2);
        error.ToString().ShouldContain("finns inte");
        (await SqliteToPostgreSqlCopy.RunAsync([SqliteToPostgreSqlCopy.Command, "--from", "x.db"], output, error)).ShouldBe(2);
        error.ToString().ShouldContain("Användning");
    }

    private static PostgreSqlPortalDbContext PostgreSql(string connectionString) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<string> SqlitePortalWithDataAsync()
    {
        await using var portal = new PortalAppFactory();
        _ = portal.Services;
        for (var n = 1; n <= 3; n++)
        {
            await AddTicketAsync(portal.DbFactory, n);
        }

        await using var db = await portal.DbFactory.CreateDbContextAsync();
        var office = await db.Offices.SingleAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug);
        office.SetMessageOfTheDay("Flyttad från SQLite: åäö", "Test", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return Path.Combine(portal.DataDirectory, "mbk-portal.db");
    }

    private static async Task<int> AddTicketAsync(IDbContextFactory<PortalDbContext> dbFactory, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var office = await db.Offices.SingleAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug);
        var service = await db.ServiceLines.FirstAsync(s => s.OfficeId == office.Id);
        var ticket = Ticket.Issue(office.Id, service, number, new DateOnly(2026, 11, 23), new DateTimeOffset(2026, 11, 23, 8, number, 0, TimeSpan.Zero));
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Id;
    }

    private static Task<int> CountAsync(PortalDbContext db, IEntityType entityType)
    {
        var method = typeof(SqliteToPostgreSqlCopyTests).GetMethod(nameof(CountOf), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
        return (Task<int>)method.MakeGenericMethod(entityType.ClrType).Invoke(null, [db])!;
    }

    private static Task<int> CountOf<TEntity>(PortalDbContext db)
        where TEntity : class => db.Set<TEntity>().CountAsync();
}
