using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Tests.Features.Almanac.Staffing;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// /almanac/staffing beside the forecast (issue 16), on a fixed clock (Tuesday 26 November 2030, 08:00 in Stockholm):
/// twelve past Tuesdays with 12 visitors between 10 and 11 need two advisors in the forenoon.
/// </summary>
public sealed class StaffingNeedTests : IClassFixture<Browser>, IAsyncLifetime
{
    private static readonly DateOnly Tuesday = new(2030, 11, 26);
    private static readonly IsoWeekNumber Week = IsoWeekNumber.Of(Tuesday);
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new(configureServices: services =>
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedTimeProvider(new DateTimeOffset(2030, 11, 26, 7, 0, 0, TimeSpan.Zero)))));

    private Uri _address = default!;
    private int _deskId;

    public StaffingNeedTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        var officeId = await _portal.DemoOfficeIdAsync();
        await StaffingHistorySeed.BusyTuesdayMorningsAsync(_portal.DbFactory, officeId, Week.Monday, perHour: 12, serviceMinutes: 6);
        string saraId;
        string chefId;
        int tableId;
        await using (var db = await _portal.DbFactory.CreateDbContextAsync())
        {
            _deskId = await db.Places.Where(p => p.OfficeId == officeId && p.Name == "Informationsdisken").Select(p => p.Id).SingleAsync();
            tableId = await db.Places.Where(p => p.OfficeId == officeId && p.Name == "Bord 1").Select(p => p.Id).SingleAsync();
            saraId = await db.Users.Where(u => u.Email == DemoAccounts.Advisor).Select(u => u.Id).SingleAsync();
            chefId = await db.Users.Where(u => u.Email == DemoAccounts.Manager).Select(u => u.Id).SingleAsync();
        }

        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        using var scope = _portal.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<StaffingCommands>();
        await commands.AssignAsync(manager, Tuesday, DayPart.Forenoon, _deskId, saraId);
        await commands.AssignAsync(manager, Tuesday, DayPart.Forenoon, tableId, chefId);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldShowTheNeedPerDayPartAndTurnRedWhenAnAdvisorIsRemovedFromTheBusyForenoon()
    {
        var page = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await page.GotoAsync("/almanac/staffing");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("staffing-week-label")).ToHaveTextAsync($"Vecka {Week.Week}");

        var forenoon = page.GetByTestId($"staffing-need-{Tuesday:yyyy-MM-dd}-{DayPart.Forenoon}");
        await Expect(forenoon).ToHaveTextAsync("behov 2 · bemannat 2");
        await Expect(forenoon).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("staffing-short"));
        await Expect(page.GetByTestId($"staffing-need-{Tuesday:yyyy-MM-dd}-{DayPart.Afternoon}")).ToHaveTextAsync("behov 1 · bemannat 0 (saknas 1)");
        await Expect(page.GetByTestId("staffing-forecast-note")).ToContainTextAsync("uppmätt betjäningstid 6 min");

        await page.GetByTestId($"staffing-remove-{Tuesday:yyyy-MM-dd}-{DayPart.Forenoon}-{_deskId}").ClickAsync();

        await Expect(forenoon).ToHaveTextAsync("behov 2 · bemannat 1 (saknas 1)");
        await Expect(forenoon).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("staffing-short"));
        var colour = await forenoon.EvaluateAsync<string>("e => getComputedStyle(e).color");
        colour.ShouldBe("rgb(138, 0, 16)");
    }
}
