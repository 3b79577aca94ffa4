using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Hangfire;
using Hangfire.Storage;
using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Portal.Infrastructure.Jobs;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// Two real portal instances (Kestrel) started together on one empty PostgreSQL database, with Hangfire on PostgreSQL
/// and the live bus on Redis (both servers started by test.sh): the schema is migrated and the demo seeded once, a login
/// made on one instance is valid on the other (data-protection keys in the database), the job storage is the
/// cluster's (both servers, one recurring tertial check), and an event raised on one instance reaches every instance's
/// subscribers and every hub client exactly once.
/// </summary>
public sealed class TwoInstancesOnPostgreSqlTests : IAsyncLifetime
{
    private PortalAppFactory _first = default!;
    private PortalAppFactory _second = default!;

    public async Task InitializeAsync()
    {
        var database = await PostgreSqlTestServer.NewEmptyDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
            ["Hangfire:Storage"] = "PostgreSql",
            ["Hangfire:Server:Enabled"] = "true",
            ["Redis:Configuration"] = Environment.GetEnvironmentVariable("MBK_TEST_REDIS")
                ?? throw new InvalidOperationException("MBK_TEST_REDIS is not set: run the tests with ./test.sh, which starts Redis."),
        };
        _first = new PortalAppFactory(settings: settings);
        _second = new PortalAppFactory(settings: settings);
        // Both start at once: one migrates and seeds under the start-up lock while the other waits.
        await Task.WhenAll(Task.Run(() => _first.StartKestrel()), Task.Run(() => _second.StartKestrel()));
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task ShouldMigrateAndSeedOnceWhenTwoInstancesStartTogether()
    {
        await using var db = await _first.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

        db.ShouldBeOfType<PostgreSqlPortalDbContext>();
        (await db.Offices.CountAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug)).ShouldBe(1);
        (await db.Users.CountAsync()).ShouldBe(DatabaseInitializer.DemoStaff.Count);
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotBeEmpty();
        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldAcceptOnTheSecondInstanceALoginMadeOnTheFirst()
    {
        var cookies = new CookieContainer();
        using var toFirst = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _first.ServerAddress };
        using var toSecond = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = _second.ServerAddress };
        (await HttpLogin.PostLoginAsync(toFirst, DemoAccounts.Admin, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await toSecond.GetAsync(new Uri(JobsSetup.DashboardPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the second instance reads the first one's login cookie with the keys from the database");
        using var health = await toSecond.GetAsync(new Uri("/healthz", UriKind.Relative));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ShouldShareOneJobStorageWithBothServersAndEachRecurringJobOnce()
    {
        var storage = _first.Services.GetRequiredService<JobStorage>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (storage.GetMonitoringApi().Servers().Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        storage.GetMonitoringApi().Servers().Count.ShouldBe(2);
        using var connection = _second.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs();
        recurring.Count(j => j.Id == Mbk.Portal.Infrastructure.Jobs.TertialReportJob.RecurringJobId).ShouldBe(1);
        recurring.Count(j => j.Id == Mbk.Portal.Features.Queue.EndOfDayJob.RecurringJobId).ShouldBe(1);
        recurring.Count(j => j.Id == Mbk.Portal.Features.Feedback.FeedbackRetentionJob.RecurringJobId).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldDeliverAnEventFromOneInstanceOnceToEveryInstanceAndEveryHubClient()
    {
        var onFirst = new ConcurrentQueue<IOfficeEvent>();
        var onSecond = new ConcurrentQueue<IOfficeEvent>();
        using var first = _first.Services.GetRequiredService<ILiveEventBus>().SubscribeAll(e => Enqueue(onFirst, e));
        using var second = _second.Services.GetRequiredService<ILiveEventBus>().SubscribeAll(e => Enqueue(onSecond, e));
        await using var hubOnFirst = await HubClientAsync(_first.ServerAddress!);
        await using var hubOnSecond = await HubClientAsync(_second.ServerAddress!);
        var hubFirst = new ConcurrentQueue<JsonElement>();
        var hubSecond = new ConcurrentQueue<JsonElement>();
        hubOnFirst.On<JsonElement>("MessageOfTheDayChanged", e => hubFirst.Enqueue(e));
        hubOnSecond.On<JsonElement>("MessageOfTheDayChanged", e => hubSecond.Enqueue(e));
        int officeId;
        await using (var db = await _first.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            var office = await db.Offices.SingleAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug);
            officeId = office.Id;
            office.SetMessageOfTheDay("Från första servern", "Test", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }

        await WaitUntilAsync(() => !onFirst.IsEmpty && !onSecond.IsEmpty && !hubFirst.IsEmpty && !hubSecond.IsEmpty);
        // Anything doubled would arrive right behind the first delivery.
        await Task.Delay(500);
        onFirst.OfType<MessageOfTheDayChanged>().ShouldHaveSingleItem().Text.ShouldBe("Från första servern");
        onSecond.OfType<MessageOfTheDayChanged>().ShouldHaveSingleItem().OfficeId.ShouldBe(officeId);
        hubFirst.Count.ShouldBe(1);
        hubSecond.Count.ShouldBe(1);
    }

    private static Task Enqueue(ConcurrentQueue<IOfficeEvent> queue, IOfficeEvent officeEvent)
    {
        queue.Enqueue(officeEvent);
        return Task.CompletedTask;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }

    private static async Task<HubConnection> HubClientAsync(Uri address)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address };
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Advisor, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/live"), o => o.Cookies = cookies).Build();
        await connection.StartAsync();
        return connection;
    }
}
