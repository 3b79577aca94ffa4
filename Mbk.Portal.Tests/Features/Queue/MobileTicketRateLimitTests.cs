using System.Net;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>/t/* is rate-limited per client, so codes cannot be walked through; the rest of the portal is not.</summary>
public sealed class MobileTicketRateLimitTests : IAsyncLifetime
{
    private const int Limit = 5;
    private readonly PortalAppFactory _portal = new(settings: new Dictionary<string, string?>
    {
        ["Queue:MobileTicketRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldAnswer429WhenOneClientAsksForMoreMobileTicketsThanTheLimitInAMinute()
    {
        using var client = _portal.CreateClient();
        for (var i = 0; i < Limit; i++)
        {
            (await client.GetAsync($"/t/guess{i:D17}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await client.GetAsync("/t/guess99999999999999999")).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await client.GetAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
