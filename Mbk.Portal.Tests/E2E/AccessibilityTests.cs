using Mbk.Domain.Feedback;
using Mbk.Portal.Features.Feedback;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// axe-core on every page of the README's table, as the role that opens it, and in the states that matter (a seated
/// counter with a called ticket, the finish panel open, a started meeting, a kiosk ticket): no violation of any impact
/// of the WCAG 2.1 A/AA rules or axe's best practices (landmarks, headings, regions included). The portal under test is
/// pinned to chosen days (<see cref="TestDays"/>), because some markup only exists on some days (past days in the
/// staffing week, a closed kiosk on a holiday); the message lists each rule with the elements it found, so a failure
/// says what to fix. The keyboard checks sit beside: focus moves to the called ticket, into the finish panel on "K",
/// and to the kiosk's ticket number. The pages whose markup depends on the day are audited on the other chosen days
/// in <see cref="AccessibilityByDayTests"/> (a class of its own, so the two run side by side).
/// </summary>
public sealed class AccessibilityTests : IClassFixture<AccessibilityAudit.Portals>
{
    /// <summary>The README's page table (staff pages a manager opens; /admin, /login and the visitor screens apart).</summary>
    private static readonly string[] StaffPages =
    [
        "/", "/counter", "/queue", "/queue/settings", "/almanac", "/almanac?view=week", "/almanac?view=month",
        "/almanac/staffing", "/almanac/import", "/almanac/subscription", "/almanac/opening-hours", "/tally", "/statistics",
        "/statistics/surveys", "/statistics/visitors", "/statistics/categories", "/statistics/import", "/meeting",
        "/meeting/screen", "/decisions", "/actions", "/meeting/templates", "/feedback", "/reports",
    ];

    private static readonly string[] VisitorScreens = ["/kiosk/rinkeby", "/display/rinkeby"];

    private readonly AccessibilityAudit.Portals _portals;

    public AccessibilityTests(AccessibilityAudit.Portals portals) => _portals = portals;

    public static TheoryData<string, string> StaffPagesMidWeek()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in StaffPages)
        {
            data.Add(TestDays.MidWeek, path);
        }

        return data;
    }

    public static TheoryData<string, string> VisitorScreensByDay()
    {
        var data = new TheoryData<string, string>();
        foreach (var day in TestDays.All)
        {
            foreach (var path in VisitorScreens)
            {
                data.Add(day, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StaffPagesMidWeek))]
    public async Task ShouldHaveNoViolationsWhenAManagerOpensThePage(string day, string path)
    {
        var (_, page) = await _portals.OnAsync(day);
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AccessibilityAudit.AssertAccessibleAsync(page, day, path);
    }

    [Theory]
    [MemberData(nameof(VisitorScreensByDay))]
    public async Task ShouldHaveNoViolationsWhenAVisitorSeesTheScreen(string day, string path)
    {
        var (address, _) = await _portals.OnAsync(day);
        await using var context = await _portals.Browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AccessibilityAudit.AssertAccessibleAsync(page, day, path);
    }

    [Theory]
    [InlineData("sv")]
    [InlineData("ar")]
    public async Task ShouldHaveNoViolationsOnTheMobileTicketWhenItIsOpenedInTheKioskLanguage(string language)
    {
        var (address, _) = await _portals.OnAsync(TestDays.MidWeek);
        using var scope = _portals.Factory(TestDays.MidWeek).Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        var officeId = await _portals.Factory(TestDays.MidWeek).DemoOfficeIdAsync();
        var service = (await queries.GetServicesAsync(officeId)).First(s => s.IsActive);
        var result = await scope.ServiceProvider.GetRequiredService<QueueCommands>().TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, service.Id, "axe-kiosk");
        var code = result.Receipt.ShouldNotBeNull($"the demo office gives no ticket on {TestDays.MidWeek}: {result.Refusal}").MobileCode;
        await using var context = await _portals.Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), Locale = "sv-SE", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/t/{code}?lang={language}");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("mobile-ticket")).ToHaveAttributeAsync("lang", language);

        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, $"/t/{{code}}?lang={language}");

        await page.GetByTestId("mobile-ticket-give-up").ClickAsync();
        await Expect(page.GetByTestId("mobile-ticket-give-up-confirm")).ToBeVisibleAsync();
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, $"/t/{{code}}?lang={language} (give up?)");
    }

    [Fact]
    public async Task ShouldHaveNoViolationsOnTheMobileTicketWhenTheCodeIsUnknown()
    {
        var (address, _) = await _portals.OnAsync(TestDays.MidWeek);
        await using var context = await _portals.Browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/t/AAAAAAAAAAAAAAAAAAAAAA");
        await Browser.WaitUntilInteractiveAsync(page);

        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/t/{unknown}");
    }

    [Fact]
    public async Task ShouldHaveNoViolationsWhenAnAdminOpensTheAdminPage()
    {
        var page = await _portals.AdminAsync(TestDays.MidWeek);
        await page.GotoAsync("/admin");
        await Browser.WaitUntilInteractiveAsync(page);
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/admin");

        await page.GetByTestId("staff-new").ClickAsync();
        await Expect(page.GetByTestId("staff-form")).ToBeVisibleAsync();
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/admin (new account form)");
    }

    [Fact]
    public async Task ShouldHaveNoViolationsOnTheLoginPage()
    {
        var (address, _) = await _portals.OnAsync(TestDays.MidWeek);
        await using var context = await _portals.Browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");

        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/login");
    }

    [Fact]
    public async Task ShouldHaveNoViolationsOnAFeedbackItem()
    {
        var (_, page) = await _portals.OnAsync(TestDays.MidWeek);
        var manager = await _portals.Factory(TestDays.MidWeek).StaffAsync(DemoAccounts.Manager);
        using var scope = _portals.Factory(TestDays.MidWeek).Services.CreateScope();
        var id = await scope.ServiceProvider.GetRequiredService<FeedbackCommands>().RegisterAsync(manager, new FeedbackForm(
            FeedbackKind.Klagomal, FeedbackChannel.Besok, null, "Lång väntan vid disken", "Kön", "Anna Besökare", "anna@example.se", null, null, ContactConsent: true));

        await page.GotoAsync($"/feedback/{id}");
        await Browser.WaitUntilInteractiveAsync(page);

        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/feedback/{id}");
    }

    [Fact]
    public async Task ShouldHaveNoViolationsAndKeepFocusWhenACounterCallsAndFinishes()
    {
        var (_, page) = await _portals.OnAsync(TestDays.MidWeek);
        var factory = _portals.Factory(TestDays.MidWeek);
        var manager = await factory.StaffAsync(DemoAccounts.Manager);
        var officeId = await factory.DemoOfficeIdAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
            var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
            var services = await queries.GetServicesAsync(officeId);
            var place = (await queries.GetPlacesAsync(officeId)).First(p => p.Name == "Bord 1");
            await commands.SitDownAsync(manager, place.Id, services.Select(s => s.Id).ToList(), takeOver: true);
            var ticket = await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, services.First(s => s.Prefix == 'A').Id, "a11y-counter");
            ticket.Refusal.ShouldBe(KioskRefusal.None, "the mid-week test day is an open day");
        }

        await page.GotoAsync("/counter");
        await Browser.WaitUntilInteractiveAsync(page);
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/counter (seated, someone waiting)");

        await page.GetByTestId("counter-call-next").ClickAsync();
        await Expect(page.GetByTestId("counter-current-number")).ToBeFocusedAsync();
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/counter (ticket called)");

        await page.Keyboard.PressAsync("k");
        await Expect(page.GetByTestId("finish-panel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("finish-heading")).ToBeFocusedAsync();
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/counter (finish panel open)");

        await page.GetByTestId("finish-cancel").ClickAsync();
        await page.GetByTestId("counter-no-show").ClickAsync();
        await page.GetByTestId("counter-leave").ClickAsync();
        await Expect(page.GetByTestId("counter-seat-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ShouldHaveNoViolationsWhenTheMeetingHasStarted()
    {
        var (_, page) = await _portals.OnAsync(TestDays.MidWeek);
        var factory = _portals.Factory(TestDays.MidWeek);
        var manager = await factory.StaffAsync(DemoAccounts.Manager);
        using (var scope = factory.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<MeetingCommands>();
            var meeting = await commands.GetOrCreateTodaysMeetingAsync(manager);
            await commands.StartAsync(manager, meeting);
        }

        await page.GotoAsync("/meeting");
        await Browser.WaitUntilInteractiveAsync(page);
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/meeting (started)");

        await page.GotoAsync("/meeting/screen");
        await Browser.WaitUntilInteractiveAsync(page);
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/meeting/screen (started)");
    }

    [Fact]
    public async Task ShouldHaveNoViolationsAndFocusTheNumberWhenTheKioskGivesATicket()
    {
        var (address, _) = await _portals.OnAsync(TestDays.MidWeek);
        await using var context = await _portals.Browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/kiosk/rinkeby");
        await Browser.WaitUntilInteractiveAsync(page);

        await page.GetByTestId("kiosk-service-B").ClickAsync();

        await Expect(page.GetByTestId("kiosk-ticket-number")).ToBeFocusedAsync();
        await AccessibilityAudit.AssertAccessibleAsync(page, TestDays.MidWeek, "/kiosk/rinkeby (ticket)");
    }
}
