using Mbk.Portal.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Two browser contexts: the chair assigns an action to a colleague, whose open start page shows it under "Mina
/// åtgärder" without reload, as does /actions by default; the chair's own decision gives the chair no "nytt beslut"
/// badge while the colleague gets one.
/// </summary>
public sealed class MyActionsLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public MyActionsLiveTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldShowAnAssignedActionOnTheColleaguesStartPageLiveAndNoBadgeForTheAuthor()
    {
        var colleagueStaff = await _portal.StaffAsync(DemoAccounts.Advisor2);
        var colleague = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor2);
        await Expect(colleague.GetByTestId("my-actions")).ToBeVisibleAsync();
        await colleague.EvaluateAsync("() => { window.mbkNotReloaded = true; }");
        var chair = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await chair.GotoAsync("/meeting");
        await Browser.WaitUntilInteractiveAsync(chair);

        var what = $"Byt toner i skrivaren vid bord 2 ({Guid.NewGuid():N})";
        await chair.GetByTestId("meeting-start").ClickAsync();
        await chair.GetByTestId("action-form-toggle").ClickAsync();
        await chair.GetByTestId("action-what").FillAsync(what);
        await chair.GetByTestId("action-who").SelectOptionAsync(colleagueStaff.UserId);
        await chair.GetByTestId("action-save").ClickAsync();
        await Expect(chair.GetByTestId("meeting-actions")).ToContainTextAsync($"{what} – {colleagueStaff.DisplayName}");

        await Expect(colleague.GetByTestId("my-actions")).ToContainTextAsync(what);
        (await colleague.EvaluateAsync<bool>("() => window.mbkNotReloaded === true")).ShouldBeTrue("the start page was not reloaded");

        var decision = $"Tonern beställs av den som byter den ({Guid.NewGuid():N})";
        await chair.GetByTestId("decision-form-toggle").ClickAsync();
        await chair.GetByTestId("decision-text").FillAsync(decision);
        await chair.GetByTestId("decision-category").SelectOptionAsync("Rutin");
        await chair.GetByTestId("decision-save").ClickAsync();
        await Expect(chair.GetByTestId("meeting-decision")).ToContainTextAsync(decision);
        await Expect(colleague.GetByTestId("new-decisions-badge")).ToContainTextAsync("1 nytt beslut");
        await Expect(colleague.GetByTestId("new-decision-notice")).ToContainTextAsync(decision);
        await Expect(chair.GetByTestId("new-decisions-badge")).ToHaveCountAsync(0);
        await Expect(chair.GetByTestId("new-decision-notice")).ToHaveCountAsync(0);

        await colleague.GotoAsync("/actions");
        await Browser.WaitUntilInteractiveAsync(colleague);
        await Expect(colleague.GetByTestId("actions-view-mine")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(colleague.GetByText(what)).ToBeVisibleAsync();
    }
}
