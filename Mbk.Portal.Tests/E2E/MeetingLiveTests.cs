using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Two browser contexts on the morning meeting: the manager starts it and moves to the second point, the advisor's
/// screen follows without reload, and a decision recorded by the manager appears on the advisor's screen too.
/// </summary>
public sealed class MeetingLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public MeetingLiveTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> MeetingPageAsync(string email)
    {
        var page = await _browser.SignedInPageAsync(_address, email);
        await page.GotoAsync("/meeting");
        await Browser.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task ShouldFollowTheChairsPointAndShowNewDecisionsOnOtherScreenWithoutReload()
    {
        var manager = await MeetingPageAsync(DemoAccounts.Manager);
        var advisor = await MeetingPageAsync(DemoAccounts.Advisor);
        await Expect(manager.GetByTestId("meeting-start")).ToBeVisibleAsync();
        await Expect(advisor.GetByTestId("meeting-item-1")).ToBeVisibleAsync();
        string secondTitle;
        using (var scope = _portal.Services.CreateScope())
        {
            var meeting = await scope.ServiceProvider.GetRequiredService<MeetingQueries>().TodayAsync(await _portal.StaffAsync(DemoAccounts.Manager));
            secondTitle = meeting!.Items.Single(i => i.Index == 1).Title;
        }

        await advisor.EvaluateAsync("() => { window.mbkNotReloaded = true; }");

        await manager.GetByTestId("meeting-start").ClickAsync();
        await Expect(manager.GetByTestId("meeting-next")).ToBeEnabledAsync();
        await manager.GetByTestId("meeting-next").ClickAsync();

        await Expect(manager.GetByTestId("meeting-current-title")).ToHaveTextAsync(secondTitle);
        await Expect(advisor.GetByTestId("meeting-current-title")).ToHaveTextAsync(secondTitle);
        await Expect(advisor.GetByTestId("meeting-item-1")).ToHaveAttributeAsync("aria-current", "step");
        await Expect(advisor.GetByTestId("meeting-next")).ToHaveCountAsync(0);

        var text = $"Vi öppnar disk 2 kl. 9 på måndagar ({Guid.NewGuid():N})";
        await manager.GetByTestId("decision-form-toggle").ClickAsync();
        await manager.GetByTestId("decision-text").FillAsync(text);
        await manager.GetByTestId("decision-category").SelectOptionAsync("Rutin");
        await manager.GetByTestId("decision-responsible").SelectOptionAsync("*alla");
        await manager.GetByTestId("decision-save").ClickAsync();

        await Expect(manager.GetByTestId("meeting-decision")).ToContainTextAsync(text);
        await Expect(advisor.GetByTestId("meeting-decision")).ToContainTextAsync(text);
        await Expect(advisor.GetByTestId("meeting-decision")).ToContainTextAsync("rutin");
        advisor.Url.ShouldBe(new Uri(_address, "/meeting").ToString());
        (await advisor.EvaluateAsync<bool>("() => window.mbkNotReloaded === true")).ShouldBeTrue("the advisor's page was not reloaded");
    }
}
