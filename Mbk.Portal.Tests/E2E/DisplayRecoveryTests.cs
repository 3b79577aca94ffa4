using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// The waiting-room display heals itself: the portal is stopped and started again on the same address and data, and
/// the open display shows the next call without anyone touching it and without a "reconnecting" dialog.
/// </summary>
public sealed class DisplayRecoveryTests : IClassFixture<Browser>
{
    private readonly Browser _browser;

    public DisplayRecoveryTests(Browser browser) => _browser = browser;

    [Fact]
    public async Task ShouldShowNewCallsWithoutManualReloadWhenPortalRestarts()
    {
        var dataDirectory = TestPaths.NewTempDirectory("display-restart");
        var port = PortalAppFactory.FreePort();
        var first = new PortalAppFactory(dataDirectory);
        var address = first.StartKestrel(port);
        await first.OpenAroundTheClockAsync();
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString() });
        var display = await context.NewPageAsync();
        await display.GotoAsync($"/display/{DatabaseInitializer.DemoOfficeSlug}?speech=0");
        await Browser.WaitUntilInteractiveAsync(display);
        await Expect(display.GetByTestId("display-no-calls")).ToBeVisibleAsync();

        await first.DisposeAsync();
        await using var second = new PortalAppFactory(dataDirectory);
        second.StartKestrel(port);
        await CallFirstTicketAsync(second);

        await Expect(display.GetByTestId("display-current-number")).ToHaveTextAsync("A001");
        await Expect(display.GetByTestId("display-current-place")).ToHaveTextAsync("Bord 1");
        await Expect(display.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0);
    }


    private static async Task CallFirstTicketAsync(PortalAppFactory portal)
    {
        var advisor = await portal.StaffAsync(DemoAccounts.Advisor);
        using var scope = portal.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
        var officeId = advisor.CurrentOffice!.Id;
        var serviceA = (await queries.GetServicesAsync(officeId)).Single(s => s.Prefix == 'A');
        var table1 = (await queries.GetPlacesAsync(officeId)).Single(p => p.Name == "Bord 1");
        await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, serviceA.Id, "kiosk");
        await commands.SitDownAsync(advisor, table1.Id, [serviceA.Id]);
        (await commands.CallNextAsync(advisor)).ShouldBe("A001");
    }
}
