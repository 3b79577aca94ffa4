using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Real Chromium against the portal on Kestrel: two advisors of the demo office have the tally screen open; when one
/// taps a category, the other's count rises without reload.
/// </summary>
public sealed class TallyLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public TallyLiveTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> TallyPageAsync(string email)
    {
        var page = await _browser.SignedInPageAsync(_address, email);
        await page.GotoAsync("/tally");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Räkna frågor" })).ToBeVisibleAsync();
        return page;
    }

    [Fact]
    public async Task ShouldShowColleaguesTapOnOtherScreenWithoutReload()
    {
        var officeId = await _portal.DemoOfficeIdAsync();
        int categoryId;
        await using (var db = await _portal.DbFactory.CreateDbContextAsync())
        {
            categoryId = await db.QuestionCategories.Where(c => c.OfficeId == officeId && c.Name == "Migrationsfrågor").Select(c => c.Id).SingleAsync();
        }

        var ahmed = await TallyPageAsync(DemoAccounts.Advisor);
        var sara = await TallyPageAsync(DemoAccounts.Advisor2);
        await Expect(sara.GetByTestId($"tally-count-{categoryId}")).ToHaveTextAsync("0");
        await Expect(ahmed.GetByTestId($"tally-count-{categoryId}")).ToHaveTextAsync("0");

        await ahmed.GetByTestId($"tally-category-{categoryId}").ClickAsync();

        await Expect(ahmed.GetByTestId($"tally-count-{categoryId}")).ToHaveTextAsync("1");
        await Expect(sara.GetByTestId($"tally-count-{categoryId}")).ToHaveTextAsync("1");
        await Expect(ahmed.GetByTestId("tally-undo")).ToContainTextAsync("Ångra Migrationsfrågor");
        await Expect(sara.GetByTestId("tally-undo")).ToHaveCountAsync(0);
        sara.Url.ShouldBe(new Uri(_address, "/tally").ToString(), "the colleague's page was not reloaded");
    }
}
