using System.Globalization;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// A decision over its life in two browser contexts: the chair records and corrects it (the history keeps both
/// versions) and closes the meeting; the next day (the meeting's clock moved one day) the chair takes it up from the binder
/// and supersedes it, and both screens show the link and the statuses live; the binder's search "å" finds "Å".
/// </summary>
public sealed class DecisionLifecycleLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private static readonly System.Text.RegularExpressions.Regex DecisionCard = new("^decision-\\d+$");
    private static readonly System.Text.RegularExpressions.Regex DecisionText = new("^decision-text-\\d+$");
    private readonly Browser _browser;
    // Frozen at the start (any date works); moved on by hand to reach the next day's meeting.
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly PortalAppFactory _portal;
    private Uri _address = default!;

    public DecisionLifecycleLiveTests(Browser browser)
    {
        _browser = browser;
        // Only the meeting's services follow the fake clock: moving the whole portal a day ahead would also move
        // SignalR's and the circuits' own timing, which the browsers do not share.
        _portal = new PortalAppFactory(configureServices: services =>
        {
            services.AddScoped(sp => new MeetingCommands(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), _clock));
            services.AddScoped(sp => new MeetingQueries(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), _clock));
        });
    }

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> OpenAsync(string email, string path)
    {
        var page = await _browser.SignedInPageAsync(_address, email);
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>The binder's card whose own text is <paramref name="text"/> (links to it elsewhere quote it too).</summary>
    private static ILocator Card(IPage page, string text) =>
        page.GetByTestId(DecisionCard).Filter(new LocatorFilterOptions { Has = page.GetByTestId(DecisionText).Filter(new LocatorFilterOptions { HasText = text }) });

    [Fact]
    public async Task ShouldCorrectDuringTheMeetingThenSupersedeFromTheBinderNextDayWithBothScreensLive()
    {
        var tag = "k" + Guid.NewGuid().ToString("N")[..8];
        var original = $"Åtgärdslista för kön {tag} gäller från måndag.";
        var corrected = $"Åtgärdslista för kön {tag} gäller från tisdag.";
        var replacement = $"Åtgärdslista för kön {tag} gäller från onsdag.";
        var chair = await OpenAsync(DemoAccounts.Manager, "/meeting");
        var colleague = await OpenAsync(DemoAccounts.Advisor, "/meeting");

        // Day 1: record, correct, close.
        await chair.GetByTestId("meeting-start").ClickAsync();
        await chair.GetByTestId("decision-form-toggle").ClickAsync();
        await chair.GetByTestId("decision-text").FillAsync(original);
        await chair.GetByTestId("decision-category").SelectOptionAsync("Rutin");
        await chair.GetByTestId("decision-save").ClickAsync();
        await Expect(colleague.GetByTestId("meeting-decision")).ToContainTextAsync(original);
        await Expect(colleague.GetByTestId("decision-correct")).ToHaveCountAsync(0);

        await chair.GetByTestId("decision-correct").ClickAsync();
        await chair.GetByTestId("decision-correct-text").FillAsync(corrected);
        await chair.GetByTestId("decision-correct-save").ClickAsync();
        await Expect(chair.GetByTestId("meeting-decision")).ToContainTextAsync(corrected);
        await Expect(colleague.GetByTestId("meeting-decision")).ToContainTextAsync(corrected);
        await colleague.GetByTestId("decision-history").Locator("summary").ClickAsync();
        await Expect(colleague.GetByTestId("decision-history-version")).ToHaveCountAsync(2);
        await Expect(colleague.GetByTestId("decision-history-version").First).ToContainTextAsync(original);
        await Expect(colleague.GetByTestId("decision-history-version").Last).ToContainTextAsync(corrected);

        await chair.GetByTestId("meeting-close").ClickAsync();
        await chair.GetByTestId("meeting-close-confirm").ClickAsync();
        await Expect(colleague.GetByTestId("meeting-closed")).ToBeVisibleAsync();
        await Expect(colleague.GetByTestId("decision-correct")).ToHaveCountAsync(0);

        // Day 2: the colleague watches the binder while the chair takes the decision up at the new meeting.
        _clock.Advance(TimeSpan.FromDays(1));
        await colleague.GotoAsync("/decisions");
        await Browser.WaitUntilInteractiveAsync(colleague);
        var oldCard = Card(colleague, corrected);
        await Expect(oldCard.GetByTestId("decision-status")).ToHaveTextAsync("gällande");
        await Expect(oldCard.GetByTestId("decision-history")).ToContainTextAsync("2 versioner");
        var oldId = (await oldCard.GetAttributeAsync("data-testid"))!["decision-".Length..];

        await chair.GotoAsync("/decisions");
        await Browser.WaitUntilInteractiveAsync(chair);
        await chair.GetByTestId($"decision-take-up-{oldId}").ClickAsync();
        await chair.WaitForURLAsync(new Uri(_address, $"/meeting?beslut={oldId}").ToString());
        await Browser.WaitUntilInteractiveAsync(chair);
        await chair.GetByTestId("meeting-start").ClickAsync();
        await Expect(chair.GetByTestId("decision-take-up")).ToHaveAttributeAsync("data-decision-id", oldId);
        await chair.GetByTestId("decision-supersede").ClickAsync();
        await Expect(chair.GetByTestId("decision-supersede-text")).ToHaveValueAsync(corrected);
        await chair.GetByTestId("decision-supersede-text").FillAsync(replacement);
        await chair.GetByTestId("decision-supersede-save").ClickAsync();

        // The chair's meeting: the old one is now "ersatt", the new one links back to it.
        await Expect(chair.GetByTestId("decision-take-up").GetByTestId("decision-status")).ToHaveTextAsync("ersatt");
        await Expect(chair.GetByTestId("meeting-decision")).ToContainTextAsync(replacement);
        await Expect(chair.GetByTestId("decision-supersedes-link")).ToContainTextAsync("Ersätter beslutet");
        await Expect(chair.GetByTestId("decision-supersedes-link")).ToContainTextAsync("ersatt");

        // The colleague's binder, without reload: statuses and links both ways.
        await Expect(colleague.GetByTestId($"decision-{oldId}").GetByTestId("decision-status")).ToHaveTextAsync("ersatt");
        await Expect(colleague.GetByTestId($"decision-superseded-by-{oldId}")).ToContainTextAsync("Ersatt av beslutet");
        var newCard = Card(colleague, replacement);
        await Expect(newCard.GetByTestId("decision-status")).ToHaveTextAsync("gällande");
        await Expect(newCard.Locator("[data-testid^='decision-supersedes-']")).ToContainTextAsync("Ersätter beslutet");

        // Search: "å" finds the decisions written with "Å"; a plain "a" does not.
        await colleague.GetByTestId("decisions-search").FillAsync("å");
        await colleague.GetByTestId("decisions-search").PressAsync("Enter");
        await Expect(colleague.GetByTestId($"decision-{oldId}")).ToBeVisibleAsync();
        await Expect(newCard).ToBeVisibleAsync();
        await colleague.GetByTestId("decisions-search").FillAsync("a");
        await colleague.GetByTestId("decisions-search").PressAsync("Enter");
        await Expect(colleague.GetByTestId($"decision-{oldId}")).ToHaveCountAsync(0);
        await colleague.GetByTestId("decisions-search").FillAsync(tag);
        await colleague.GetByTestId("decisions-search").PressAsync("Enter");
        await Expect(colleague.GetByTestId("decisions-count")).ToHaveTextAsync("2 beslut");
        oldId.ShouldBe(int.Parse(oldId, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
    }
}
