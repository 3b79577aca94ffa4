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
/// Three browser contexts on one office: a kiosk tap issues A001, a staff counter calls it, the waiting-room display
/// shows A001 and its place without reload, and finishing with a category records a tally.
/// </summary>
public sealed class QueueLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;
    private int _officeId;

    public QueueLiveTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        _officeId = await _portal.DemoOfficeIdAsync();
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        var advisor = await _portal.StaffAsync(DemoAccounts.Advisor);
        using var scope = _portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OpeningScheduleCommands>().SetWeeklyHoursAsync(manager, OpeningHours.Parse(QueueTestOffice.AlwaysOpen));
        await QueueTestOffice.ConfirmHolidaysOpenAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>(), _officeId, TimeProvider.System);
        var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        var serviceA = (await queries.GetServicesAsync(_officeId)).Single(s => s.Prefix == 'A');
        var table2 = (await queries.GetPlacesAsync(_officeId)).Single(p => p.Name == "Bord 2");
        await scope.ServiceProvider.GetRequiredService<QueueCommands>().SitDownAsync(advisor, table2.Id, [serviceA.Id]);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> AnonymousPageAsync(string path)
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString(), Locale = "sv-SE", TimezoneId = "Europe/Stockholm" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);
        return page;
    }

    [Fact]
    public async Task ShouldShowKioskTicketCalledAtCounterOnDisplayAndTallyItWhenFinished()
    {
        var kiosk = await AnonymousPageAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        var display = await AnonymousPageAsync($"/display/{DatabaseInitializer.DemoOfficeSlug}");
        var counter = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor);
        await counter.GotoAsync("/counter");
        await Browser.WaitUntilInteractiveAsync(counter);
        await Expect(display.GetByTestId("display-waiting-A")).ToHaveTextAsync("0");

        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();

        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A001");
        await Expect(display.GetByTestId("display-waiting-A")).ToHaveTextAsync("1");

        await counter.GetByTestId("counter-call-next").ClickAsync();

        await Expect(counter.GetByTestId("counter-current-ticket")).ToContainTextAsync("A001");
        await Expect(display.GetByTestId("display-current-number")).ToHaveTextAsync("A001");
        await Expect(display.GetByTestId("display-current-place")).ToHaveTextAsync("Bord 2");
        await Expect(display.GetByTestId("display-waiting-A")).ToHaveTextAsync("0");

        int categoryId;
        await using (var db = await _portal.DbFactory.CreateDbContextAsync())
        {
            categoryId = await db.QuestionCategories.Where(c => c.OfficeId == _officeId && c.Name == "Migrationsfrågor").Select(c => c.Id).SingleAsync();
        }

        await counter.GetByTestId("counter-finish").ClickAsync();
        await counter.GetByTestId($"finish-category-{categoryId}").ClickAsync();
        await counter.GetByTestId("finish-confirm").ClickAsync();

        await Expect(counter.GetByTestId("counter-current-ticket")).Not.ToContainTextAsync("A001");
        await using var check = await _portal.DbFactory.CreateDbContextAsync();
        var ticket = await check.Tickets.SingleAsync(t => t.OfficeId == _officeId);
        ticket.Status.ShouldBe(TicketStatus.Done);
        (await check.QuestionTallies.SingleAsync(t => t.TicketId == ticket.Id)).QuestionCategoryId.ShouldBe(categoryId);
    }

    [Fact]
    public async Task ShouldAnnounceACallOnTheDisplayFromTheRenderedCallWithoutASoundCallFromTheServer()
    {
        var display = await AnonymousPageAsync($"/display/{DatabaseInitializer.DemoOfficeSlug}");
        await Expect(display.GetByTestId("display-no-calls")).ToBeVisibleAsync();
        // display.js dispatches each announcement it plays, and whether the sound could play.
        await display.EvaluateAsync("() => { window.announced = []; document.addEventListener('mbk-display-announce', e => { window.announced.push(e.detail.text); window.played = e.detail.played; }); }");
        var advisor = await _portal.StaffAsync(DemoAccounts.Advisor);
        using var scope = _portal.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
        var serviceA = (await scope.ServiceProvider.GetRequiredService<QueueQueries>().GetServicesAsync(_officeId)).Single(s => s.Prefix == 'A');
        await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, serviceA.Id, "kiosk");
        await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, serviceA.Id, "kiosk");

        (await commands.CallNextAsync(advisor)).ShouldBe("A001");
        await Expect(display.GetByTestId("display-current-number")).ToHaveTextAsync("A001");
        await display.WaitForFunctionAsync("() => window.announced.length === 1");
        await commands.MarkNoShowAsync(advisor);
        (await commands.CallNextAsync(advisor)).ShouldBe("A002");

        await Expect(display.GetByTestId("display-current-number")).ToHaveTextAsync("A002");
        await display.WaitForFunctionAsync("() => window.announced.length === 2");
        (await display.EvaluateAsync<string[]>("() => window.announced")).ShouldBe(["Nummer A001, bord 2", "Nummer A002, bord 2"]);
        // The browser tells the server whether sound played; "Aktivera ljud" is offered exactly when it did not.
        var played = await display.EvaluateAsync<bool>("() => window.played");
        await Expect(display.GetByTestId("display-enable-sound")).ToHaveCountAsync(played ? 0 : 1);
    }
}
