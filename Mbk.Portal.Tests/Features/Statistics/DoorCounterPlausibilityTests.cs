using System.Net;
using System.Text;
using System.Text.Json;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>
/// Implausible door-counter posts are refused with 400 and a Swedish detail, and nothing is stored: more passages per
/// hour than the office allows, periods over 24 h, dates before 2000 or before the office opened, duplicate fields.
/// </summary>
public sealed class DoorCounterPlausibilityTests : IClassFixture<DoorCounterPlausibilityTests.Host>
{
    private const string Path = "/api/offices/" + DatabaseInitializer.DemoOfficeSlug + "/door-counter";

    private readonly Host _host;

    public DoorCounterPlausibilityTests(Host host) => _host = host;

    /// <summary>The demo office with a key, at most 300 passages an hour, opened on 2010-08-16.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public PortalAppFactory Factory { get; } = new();

        public string Key { get; private set; } = string.Empty;

        public async Task InitializeAsync()
        {
            var manager = await Factory.StaffAsync(DemoAccounts.Manager);
            using var scope = Factory.Services.CreateScope();
            var commands = scope.ServiceProvider.GetRequiredService<VisitorCommands>();
            Key = await commands.IssueDoorCounterKeyAsync(manager);
            await commands.SetDoorCounterLimitsAsync(manager, 300, new DateOnly(2010, 8, 16));
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private async Task<(HttpStatusCode Status, string Detail)> PostAsync(string json)
    {
        using var client = _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(DoorCounterKeys.HeaderName, _host.Key);
        using var response = await client.PostAsync(new Uri(Path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        var detail = string.Empty;
        if (response.StatusCode != HttpStatusCode.Created)
        {
            using var document = JsonDocument.Parse(body);
            detail = document.RootElement.GetProperty("detail").GetString() ?? string.Empty;
        }

        return (response.StatusCode, detail);
    }

    private async Task<int> StoredCountAsync()
    {
        await using var db = await _host.Factory.DbFactory.CreateDbContextAsync();
        return await db.DoorCounterReadings.CountAsync();
    }

    private static string Body(string start, string end, string count) => $$"""{"start":"{{start}}","end":"{{end}}","count":{{count}}}""";

    [Theory]
    [InlineData("301", "orimligt många")]
    [InlineData("2147483647", "orimligt många")]
    public async Task ShouldRefuseMorePassagesPerHourThanTheOfficeAllows(string count, string expected)
    {
        var before = await StoredCountAsync();

        var (status, detail) = await PostAsync(Body("2025-02-03T09:00:00+01:00", "2025-02-03T10:00:00+01:00", count));

        status.ShouldBe(HttpStatusCode.BadRequest);
        detail.ShouldContain(expected);
        detail.ShouldContain("300 per timme");
        (await StoredCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ShouldAcceptTheMaximumPerHourOverALongerPeriod()
    {
        var (status, _) = await PostAsync(Body("2025-02-04T08:00:00+01:00", "2025-02-04T10:00:00+01:00", "600"));

        status.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ShouldRefuseAPeriodLongerThanADay()
    {
        var before = await StoredCountAsync();

        var (status, detail) = await PostAsync(Body("2025-02-05T00:00:00+01:00", "2025-02-06T00:30:00+01:00", "10"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        detail.ShouldContain("högst 24 timmar");
        (await StoredCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ShouldRefuseADateBeforeTheYear2000()
    {
        var (status, detail) = await PostAsync(Body("1999-12-31T09:00:00+01:00", "1999-12-31T10:00:00+01:00", "10"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        detail.ShouldContain("före år 2000");
    }

    [Fact]
    public async Task ShouldRefuseADateBeforeTheOfficeOpened()
    {
        var (status, detail) = await PostAsync(Body("2010-08-15T09:00:00+02:00", "2010-08-15T10:00:00+02:00", "10"));

        status.ShouldBe(HttpStatusCode.BadRequest);
        detail.ShouldContain("före kontorets start 2010-08-16");
    }

    [Theory]
    [InlineData("""{"start":"2025-02-07T09:00:00+01:00","end":"2025-02-07T10:00:00+01:00","count":3,"count":-1}""", "count")]
    [InlineData("""{"start":"2025-02-07T09:00:00+01:00","Start":"2020-01-01T09:00:00+01:00","end":"2025-02-07T10:00:00+01:00","count":3}""", "Start")]
    public async Task ShouldRefuseDuplicateProperties(string json, string field)
    {
        var before = await StoredCountAsync();

        var (status, detail) = await PostAsync(json);

        status.ShouldBe(HttpStatusCode.BadRequest);
        detail.ShouldBe($"Fältet \"{field}\" förekommer mer än en gång.");
        (await StoredCountAsync()).ShouldBe(before);
    }
}
