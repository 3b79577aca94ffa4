using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// With the database locked by another connection for longer than <c>Database:BusyTimeoutMilliseconds</c>, a write
/// through the API answers 503 with Retry-After and a Swedish detail within the timeout plus two seconds, and stores
/// nothing (not after the old minute of silent retries).
/// </summary>
public sealed class DatabaseBusyTests : IAsyncLifetime
{
    private const int BusyTimeoutMilliseconds = 1500;
    private readonly PortalAppFactory _portal = new(settings: new Dictionary<string, string?> { ["Database:BusyTimeoutMilliseconds"] = BusyTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });
    private string _key = string.Empty;

    public async Task InitializeAsync()
    {
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        using var scope = _portal.Services.CreateScope();
        _key = await scope.ServiceProvider.GetRequiredService<VisitorCommands>().IssueDoorCounterKeyAsync(manager);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldAnswerServiceUnavailableWithinTheBusyTimeoutAndStoreNothingWhenTheDatabaseIsLocked()
    {
        var settings = _portal.Services.GetRequiredService<PersistenceExtensions.DatabaseSettings>();
        // Another process holds the write lock (and keeps it until the refusal is checked).
        await using var other = await SqliteWriteLock.TakeAsync(settings.ConnectionString);

        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(DoorCounterKeys.HeaderName, _key);
        const string body = """{"start":"2025-03-03T09:00:00+01:00","end":"2025-03-03T10:00:00+01:00","count":40}""";
        var watch = Stopwatch.StartNew();

        using var response = await client.PostAsync(
            new Uri("/api/offices/" + DatabaseInitializer.DemoOfficeSlug + "/door-counter", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));

        watch.Stop();
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromMilliseconds(BusyTimeoutMilliseconds + 2000));
        using (var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
        {
            problem.RootElement.GetProperty("detail").GetString().ShouldBe(DatabaseErrors.BusyMessage);
        }

        await other.ReleaseAsync();

        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        (await db.DoorCounterReadings.CountAsync()).ShouldBe(0);
    }
}
