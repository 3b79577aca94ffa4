using Mbk.Portal.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Two browser contexts on the almanac's week view: an event added through one screen's dialog appears on the other
/// screen without reload.
/// </summary>
public sealed class AlmanacLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    // Week 2 of 2030, far from today's events and the seeded demo data.
    private const string WeekPath = "/almanac?view=week&date=2030-01-07";
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public AlmanacLiveTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> AlmanacPageAsync(string email)
    {
        var page = await _browser.SignedInPageAsync(_address, email);
        await page.GotoAsync(WeekPath);
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("almanac-title")).ToHaveTextAsync("Vecka 2 · 7–13 januari 2030");
        return page;
    }

    [Fact]
    public async Task ShouldShowAnEventAddedOnOneScreenOnAnotherWithoutReload()
    {
        var advisor = await AlmanacPageAsync(DemoAccounts.Advisor);
        var manager = await AlmanacPageAsync(DemoAccounts.Manager);
        await manager.EvaluateAsync("() => { window.mbkNotReloaded = true; }");
        var title = $"Skatteverket ({Guid.NewGuid():N})";
        var entryOnManager = manager.GetByTestId("almanac-entry").Filter(new() { HasText = title });
        await Expect(entryOnManager).ToHaveCountAsync(0);

        await advisor.GetByTestId("almanac-add").ClickAsync();
        await advisor.GetByTestId("event-kind").SelectOptionAsync("PartnerVisit");
        await advisor.GetByTestId("event-title").FillAsync(title);
        await advisor.GetByTestId("event-date").FillAsync("2030-01-09");
        await advisor.GetByTestId("event-start").FillAsync("13:00");
        await advisor.GetByTestId("event-end").FillAsync("16:00");
        await advisor.GetByTestId("event-save").ClickAsync();

        await Expect(advisor.GetByTestId("almanac-form")).ToHaveCountAsync(0);
        await Expect(advisor.GetByTestId("almanac-entry").Filter(new() { HasText = title })).ToHaveCountAsync(1);
        await Expect(entryOnManager).ToHaveCountAsync(1);
        await Expect(entryOnManager).ToHaveAttributeAsync("data-kind", "PartnerVisit");
        await Expect(entryOnManager).ToContainTextAsync("Partnerbesök");
        await Expect(entryOnManager).ToContainTextAsync("13:00–16:00");
        manager.Url.ShouldBe(new Uri(_address, WeekPath).ToString());
        (await manager.EvaluateAsync<bool>("() => window.mbkNotReloaded === true")).ShouldBeTrue("the manager's page was not reloaded");
    }

    [Fact]
    public async Task ShouldShowAnEventAddedForTodayOnAnotherScreensStartPageWithoutReload()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm")).Date)
            .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await start.GotoAsync("/");
        await Browser.WaitUntilInteractiveAsync(start);
        await Expect(start.GetByTestId("todays-almanac")).ToBeVisibleAsync();
        await start.EvaluateAsync("() => { window.mbkNotReloaded = true; }");
        var title = $"Datakurs ({Guid.NewGuid():N})";

        var advisor = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor);
        await advisor.GotoAsync($"/almanac?view=day&date={today}");
        await Browser.WaitUntilInteractiveAsync(advisor);
        await advisor.GetByTestId("almanac-add").ClickAsync();
        await advisor.GetByTestId("event-kind").SelectOptionAsync("Course");
        await advisor.GetByTestId("event-title").FillAsync(title);
        await advisor.GetByTestId("event-date").FillAsync(today);
        await advisor.GetByTestId("event-start").FillAsync("10:00");
        await advisor.GetByTestId("event-end").FillAsync("12:00");
        await advisor.GetByTestId("event-save").ClickAsync();
        await Expect(advisor.GetByTestId("almanac-form")).ToHaveCountAsync(0);

        var entry = start.GetByTestId("todays-almanac-entry").Filter(new() { HasText = title });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToHaveAttributeAsync("data-kind", "Course");
        await Expect(entry).ToContainTextAsync("10:00–12:00");
        (await start.EvaluateAsync<bool>("() => window.mbkNotReloaded === true")).ShouldBeTrue("the start page was not reloaded");
    }
}
