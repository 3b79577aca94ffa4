using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Two browser contexts: the manager places a colleague on /almanac/staffing, and the advisor's start page shows it in
/// "Dagens bemanning" without reload.
/// </summary>
public sealed class StaffingLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public StaffingLiveTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldShowNewStaffingOnAnotherStartPageWithoutReloadWhenManagerAssignsOnTheStaffingPage()
    {
        var officeId = await _portal.DemoOfficeIdAsync();
        DateOnly today;
        int deskId;
        using (var scope = _portal.Services.CreateScope())
        {
            today = await scope.ServiceProvider.GetRequiredService<StaffingQueries>().TodayAsync(officeId);
            scope.ServiceProvider.GetServices<IAlmanacEntrySource>().OfType<StaffingAlmanacSource>().ShouldHaveSingleItem();
        }

        await using (var db = await _portal.DbFactory.CreateDbContextAsync())
        {
            deskId = await db.Places.Where(p => p.OfficeId == officeId && p.Name == "Informationsdisken").Select(p => p.Id).SingleAsync();
        }

        var advisor = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor);
        await Expect(advisor.GetByTestId("todays-staffing-empty")).ToHaveTextAsync("Ingen bemanning inlagd för i dag");
        await advisor.EvaluateAsync("() => { window.mbkNotReloaded = true; }");

        var manager = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await Expect(manager.GetByTestId("nav-staffing")).ToHaveAttributeAsync("href", "/almanac/staffing");
        await manager.GotoAsync("/almanac/staffing");
        await Browser.WaitUntilInteractiveAsync(manager);
        await Expect(manager.GetByTestId("staffing-week-label")).ToHaveTextAsync($"Vecka {IsoWeekNumber.Of(today).Week}");

        var cell = manager.GetByTestId($"staffing-cell-{today:yyyy-MM-dd}-{DayPart.Forenoon}-{deskId}");
        await cell.Locator("div.mud-select").First.ClickAsync();
        await manager.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = "Sara Samhällsvägledare" }).ClickAsync();

        await Expect(manager.GetByTestId($"staffing-remove-{today:yyyy-MM-dd}-{DayPart.Forenoon}-{deskId}")).ToBeVisibleAsync();
        var row = advisor.GetByTestId("todays-staffing-row");
        await Expect(row).ToHaveTextAsync("Informationsdisken: Sara Samhällsvägledare");
        await Expect(advisor.GetByTestId("todays-staffing-empty")).ToHaveCountAsync(0);
        advisor.Url.ShouldBe(new Uri(_address, "/").ToString());
        (await advisor.EvaluateAsync<bool>("() => window.mbkNotReloaded === true")).ShouldBeTrue("the advisor's start page was not reloaded");
    }
}
