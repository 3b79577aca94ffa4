using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// The feedback register in Chromium, three people on their own screens, on Monday 23 November 2026: an advisor
/// registers a complaint with the visitor's contact, the manager's open list shows it live, she raises it at the morning
/// meeting where a decision is taken (shown on the item), answers it, and the statistics change; a second advisor's
/// screens never show the contact.
/// </summary>
public sealed class FeedbackLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    /// <summary>09:00 in Stockholm.</summary>
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);

    private const string Email = "kerstin.k@example.se";

    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new(configureServices: s =>
    {
        s.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedTimeProvider(Today)));
        // The browser's cookie jar lives in real time: sign-in cookies keep the system clock, the portal the fixed date.
        s.PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System);
    });
    private Uri _address = default!;

    public FeedbackLiveTests(Browser browser) => _browser = browser;

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

    private static async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);
    }

    [Fact]
    public async Task ShouldFollowAComplaintFromTheDeskToTheAnswerLiveWithoutShowingTheContactToAdvisors()
    {
        var manager = await OpenAsync(DemoAccounts.Manager, "/statistics");
        await Expect(manager.GetByTestId("stats-feedback-missing")).ToBeVisibleAsync();
        await GoAsync(manager, "/feedback");
        await Expect(manager.GetByTestId("feedback-empty")).ToBeVisibleAsync();
        var advisor = await OpenAsync(DemoAccounts.Advisor, "/feedback");
        var colleague = await OpenAsync(DemoAccounts.Advisor2, "/feedback");
        await manager.EvaluateAsync("() => { window.mbkNotReloaded = true; }");

        // The advisor registers the complaint with the visitor's contact.
        var summary = $"Väntade en timme vid bord 2 utan besked ({Guid.NewGuid():N})";
        await advisor.GetByTestId("feedback-new").ClickAsync();
        await advisor.GetByTestId("feedback-kind").SelectOptionAsync("Klagomal");
        await advisor.GetByTestId("feedback-summary").FillAsync(summary);
        await advisor.GetByTestId("feedback-contact-name").FillAsync("Kerstin Kontaktsson");
        await advisor.GetByTestId("feedback-contact-email").FillAsync(Email);
        await advisor.GetByTestId("feedback-consent").CheckAsync();
        await advisor.GetByTestId("feedback-save").ClickAsync();
        await Expect(advisor.GetByTestId("feedback-info")).ToContainTextAsync("är registrerad");

        // The manager's open list shows it without a reload, as does the other advisor's.
        var row = manager.GetByTestId("feedback-row").Filter(new() { HasText = summary });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("feedback-status")).ToHaveTextAsync("Mottagen");
        await Expect(row.GetByTestId("feedback-days-left")).ToContainTextAsync("2026-12-07 – 10 arbetsdagar kvar");
        await Expect(colleague.GetByTestId("feedback-row").Filter(new() { HasText = summary })).ToBeVisibleAsync();
        (await manager.EvaluateAsync<bool>("() => window.mbkNotReloaded === true")).ShouldBeTrue("the manager's list was not reloaded");
        var id = await row.GetAttributeAsync("data-feedback-id");

        // A suggestion received three weeks ago is overdue: the manager's top bar shows it live.
        await Expect(manager.GetByTestId("feedback-overdue-badge")).ToHaveCountAsync(0);
        await colleague.GetByTestId("feedback-new").ClickAsync();
        await colleague.GetByTestId("feedback-kind").SelectOptionAsync("Forslag");
        await colleague.GetByTestId("feedback-received").FillAsync("2026-11-02");
        await colleague.GetByTestId("feedback-summary").FillAsync("Fler stolar i väntrummet");
        await colleague.GetByTestId("feedback-save").ClickAsync();
        await Expect(manager.GetByTestId("feedback-overdue-badge")).ToHaveTextAsync("1 försenad synpunkt");

        // The manager sees the contact and raises the item at the morning meeting.
        await GoAsync(manager, $"/feedback/{id}");
        await Expect(manager.GetByTestId("feedback-contact")).ToContainTextAsync(Email);
        await manager.GetByTestId("feedback-raise-at-meeting").ClickAsync();
        await Expect(manager.GetByTestId("feedback-meeting")).ToContainTextAsync("Föreslagen som punkt");

        var pointTitle = $"Synpunkt #{id}: klagomål";
        await GoAsync(manager, "/meeting");
        await manager.GetByTestId("meeting-start").ClickAsync();
        await manager.GetByTestId("meeting-agenda").GetByRole(AriaRole.Button, new() { Name = pointTitle }).ClickAsync();
        await Expect(manager.GetByTestId("meeting-current-title")).ToHaveTextAsync(pointTitle);
        await Expect(manager.GetByTestId("meeting-point-feedback-link")).ToHaveAttributeAsync("href", $"/feedback/{id}");
        await manager.GetByTestId("decision-form-toggle").ClickAsync();
        await manager.GetByTestId("decision-text").FillAsync("Vi sätter upp en skylt om väntetiden vid bord 2");
        await manager.GetByTestId("decision-category").SelectOptionAsync("Rutin");
        await manager.GetByTestId("decision-save").ClickAsync();
        await Expect(manager.GetByTestId("meeting-decision")).ToContainTextAsync("skylt om väntetiden");

        // The decision shows on the item; the manager answers.
        await manager.GetByTestId("meeting-point-feedback-link").ClickAsync();
        await Browser.WaitUntilInteractiveAsync(manager);
        await Expect(manager.GetByTestId("feedback-decision")).ToContainTextAsync("Vi sätter upp en skylt om väntetiden vid bord 2");
        await manager.GetByTestId("feedback-start").ClickAsync();
        await Expect(manager.GetByTestId("feedback-status")).ToHaveTextAsync("Under handläggning");
        await manager.GetByTestId("feedback-answer-text").FillAsync("Tack! Vi har satt upp en skylt och informerar om väntetiden.");
        await manager.GetByTestId("feedback-answer-how").SelectOptionAsync("Epost");
        await manager.GetByTestId("feedback-answer-save").ClickAsync();
        await Expect(manager.GetByTestId("feedback-status")).ToHaveTextAsync("Besvarad");
        await Expect(manager.GetByTestId("feedback-answered")).ToContainTextAsync("inom svarstiden");

        // The statistics: one complaint, one suggestion; one of the two due items answered in time.
        await GoAsync(manager, "/statistics");
        await Expect(manager.GetByTestId("stats-feedback-kind-Klagomål")).ToHaveTextAsync("1");
        await Expect(manager.GetByTestId("stats-feedback-kind-Förslag")).ToHaveTextAsync("1");
        await Expect(manager.GetByTestId("stats-feedback-in-time")).ToHaveTextAsync("50 % (1 av 2)");

        // The second advisor, list and item, never sees the contact.
        await Expect(colleague.GetByTestId("feedback-row").Filter(new() { HasText = summary }).GetByTestId("feedback-status")).ToHaveTextAsync("Besvarad");
        (await colleague.ContentAsync()).ShouldNotContain(Email);
        await GoAsync(colleague, $"/feedback/{id}");
        await Expect(colleague.GetByTestId("feedback-answer")).ToContainTextAsync("satt upp en skylt");
        await Expect(colleague.GetByTestId("feedback-contact")).ToHaveCountAsync(0);
        await Expect(colleague.GetByTestId("feedback-contact-hidden")).ToBeVisibleAsync();
        (await colleague.ContentAsync()).ShouldNotContain(Email);
        (await colleague.ContentAsync()).ShouldNotContain("Kontaktsson");
    }
}
