using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary><c>POST /api/offices/{office}/door-counter</c> over the real portal and a real SQLite file.</summary>
public sealed class DoorCounterApiTests : IClassFixture<DoorCounterApiTests.Host>
{
    private const string Path = "/api/offices/" + DatabaseInitializer.DemoOfficeSlug + "/door-counter";

    private readonly Host _host;

    public DoorCounterApiTests(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
    }

    /// <summary>The portal with the demo office and a door-counter key issued by its manager.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public PortalAppFactory Factory { get; } = new();

        public string Key { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var manager = await Factory.StaffAsync(DemoAccounts.Manager);
            using var scope = Factory.Services.CreateScope();
            Key = await scope.ServiceProvider.GetRequiredService<VisitorCommands>().IssueDoorCounterKeyAsync(manager);
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>A past hour (Stockholm, winter) of its own for each test, so tests on the shared host don't collide.</summary>
    private static (DateTimeOffset Start, DateTimeOffset End) Hour(int day, int hour)
    {
        var start = new DateTimeOffset(2025, 1, day, hour, 0, 0, TimeSpan.FromHours(1));
        return (start, start.AddHours(1));
    }

    private HttpClient Client(string? key)
    {
        var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add(DoorCounterKeys.HeaderName, key);
        }

        return client;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Body(DateTimeOffset start, DateTimeOffset end, int count) => Json(JsonSerializer.Serialize(new
    {
        start = start.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        end = end.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        count,
    }));

    private async Task<List<DoorCounterReading>> StoredAsync(DateTimeOffset from, DateTimeOffset to)
    {
        await using var db = await _host.Factory.DbFactory.CreateDbContextAsync();
        var officeId = await _host.Factory.DemoOfficeIdAsync();
        return await db.DoorCounterReadings.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.Start < to && from < r.End)
            .ToListAsync();
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.GetProperty("detail").GetString() ?? string.Empty;
    }

    [Fact]
    public async Task ShouldStoreReadingWithOfficeFactorsAndAnswerCreatedWithVisitors()
    {
        var (start, end) = Hour(2, 9);
        using var client = Client(_host.Key);

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 123));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        created.GetProperty("visitors").GetInt32().ShouldBe(55); // 123 / 2 × 0.9 = 55.35
        var stored = (await StoredAsync(start, end)).ShouldHaveSingleItem();
        stored.Id.ShouldBe(id);
        stored.Start.ShouldBe(start);
        stored.End.ShouldBe(end);
        stored.Reading.ShouldBe(123);
        stored.Source.ShouldBe(DoorCounterSource.Automatic);
        stored.PassagesPerVisitor.ShouldBe(2m);
        stored.StaffShare.ShouldBe(0.10m);
    }

    [Fact]
    public async Task ShouldRefuseWithoutKey()
    {
        var (start, end) = Hour(3, 9);
        using var client = Client(null);

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 10));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StoredAsync(start, end)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseWrongKey()
    {
        var (start, end) = Hour(3, 10);
        using var client = Client(_host.Key + "x");

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 10));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await StoredAsync(start, end)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldAnswerNotFoundForUnknownOffice()
    {
        var (start, end) = Hour(3, 11);
        using var client = Client(_host.Key);

        using var response = await client.PostAsync(new Uri("/api/offices/finns-inte/door-counter", UriKind.Relative), Body(start, end, 10));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShouldRefuseBadJsonWithSwedishDetail()
    {
        using var client = Client(_host.Key);

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Json("{\"start\": \"2025-01-04T09:00:00+01:00\", "));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).ShouldContain("inte giltig JSON");
    }

    [Fact]
    public async Task ShouldRefuseMissingFieldsAndTimesWithoutOffset()
    {
        using var client = Client(_host.Key);

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Json("{\"start\": \"2025-01-04T09:00:00\", \"count\": 5}"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var detail = await DetailAsync(response);
        detail.ShouldContain("\"start\" måste vara en tidpunkt med tidszon");
        detail.ShouldContain("Fältet \"end\" saknas.");
    }

    [Fact]
    public async Task ShouldRefuseEndBeforeStartWithSwedishDetail()
    {
        var (start, end) = Hour(4, 10);
        using var client = Client(_host.Key);

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(end, start, 10));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).ShouldBe("Mätperiodens slut måste vara efter dess början.");
        (await StoredAsync(start, end)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseNegativeCountWithSwedishDetail()
    {
        var (start, end) = Hour(4, 11);
        using var client = Client(_host.Key);

        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, -5));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await DetailAsync(response)).ShouldContain("kan inte vara negativt");
        (await StoredAsync(start, end)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldAnswerConflictForExactDuplicateAndStoreNothingMore()
    {
        var (start, end) = Hour(5, 9);
        using var client = Client(_host.Key);
        using var first = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 40));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var second = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 41));

        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await DetailAsync(second)).ShouldContain("överlappar");
        (await StoredAsync(start, end)).ShouldHaveSingleItem().Reading.ShouldBe(40);
    }

    [Fact]
    public async Task ShouldAnswerConflictForOverlapButAcceptBackToBack()
    {
        var (start, end) = Hour(6, 9);
        using var client = Client(_host.Key);
        using var first = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 40));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var overlapping = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(start.AddMinutes(30), end.AddMinutes(30), 12));
        using var next = await client.PostAsync(new Uri(Path, UriKind.Relative), Body(end, end.AddHours(1), 12));

        overlapping.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        next.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StoredAsync(start, end.AddHours(1))).Select(r => r.Start).Order().ShouldBe([start, end]);
    }

    [Fact]
    public async Task ShouldStoreOneOfTwoIdenticalConcurrentPosts()
    {
        var (start, end) = Hour(7, 9);
        using var client = Client(_host.Key);

        var responses = await Task.WhenAll(
            client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 77)),
            client.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 77)));

        responses.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict]);
        (await StoredAsync(start, end)).ShouldHaveSingleItem();
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task ShouldRefuseAfterKeyIsRevokedAndReissued()
    {
        var (start, end) = Hour(8, 9);
        var manager = await _host.Factory.StaffAsync(DemoAccounts.Manager);
        string newKey;
        using (var scope = _host.Factory.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<VisitorCommands>();
            newKey = await commands.IssueDoorCounterKeyAsync(manager);
        }

        try
        {
            using var oldClient = Client(_host.Key);
            using var refused = await oldClient.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 10));
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            using var newClient = Client(newKey);
            using var accepted = await newClient.PostAsync(new Uri(Path, UriKind.Relative), Body(start, end, 10));
            accepted.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        finally
        {
            // Put the fixture's key back for the other tests.
            await using var db = await _host.Factory.DbFactory.CreateDbContextAsync();
            var office = await db.Offices.SingleAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug);
            office.SetDoorCounterKeyHash(DoorCounterKeys.Hash(_host.Key));
            await db.SaveChangesAsync();
        }
    }
}
