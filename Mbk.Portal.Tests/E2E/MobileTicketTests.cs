using System.Text.RegularExpressions;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// The ticket on the visitor's phone, in Chromium: the kiosk's QR code decodes to the ticket's /t/{code} address, a
/// phone-sized context follows "N före dig" live as earlier tickets are called, shows the place full screen when its
/// number is called, and can give the ticket up (it leaves the counter's list, the monitor counts it); an unknown code
/// answers 404 with the plain text. The portal runs on a fixed day (<see cref="TestDays.MidWeek"/>).
/// </summary>
public sealed partial class MobileTicketTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new(configureServices: services =>
        services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(TestDays.At(TestDays.MidWeek))));

    private Uri _address = default!;
    private int _officeId;
    private int _serviceA;
    private StaffContext _advisor = default!;

    public MobileTicketTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        _officeId = await _portal.DemoOfficeIdAsync();
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        _advisor = await _portal.StaffAsync(DemoAccounts.Advisor);
        using var scope = _portal.Services.CreateScope();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        await scope.ServiceProvider.GetRequiredService<OpeningScheduleCommands>().SetWeeklyHoursAsync(manager, OpeningHours.Parse(QueueTestOffice.AlwaysOpen));
        await QueueTestOffice.ConfirmHolidaysOpenAsync(_portal.DbFactory, _officeId, clock);
        var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        _serviceA = (await queries.GetServicesAsync(_officeId)).Single(s => s.Prefix == 'A').Id;
        var table2 = (await queries.GetPlacesAsync(_officeId)).Single(p => p.Name == "Bord 2");
        await scope.ServiceProvider.GetRequiredService<QueueCommands>().SitDownAsync(_advisor, table2.Id, [_serviceA]);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldFollowTheQueueLiveOnThePhoneAndShowThePlaceWhenTheTicketIsCalled()
    {
        await TakeTicketsAtTheDeskAsync(2);
        var url = await TakeKioskTicketAndReadQrAsync("A003");
        url.ShouldStartWith(new Uri(_address, "/t/").ToString());

        var phone = await PhoneAsync(url);
        await Expect(phone.GetByTestId("mobile-ticket-number")).ToHaveTextAsync("A003");
        await Expect(phone.GetByTestId("mobile-ticket-ahead")).ToHaveTextAsync("2 före dig");

        (await CallNextAsync()).ShouldBe("A001");
        await Expect(phone.GetByTestId("mobile-ticket-ahead")).ToHaveTextAsync("1 före dig");

        await RunAsync(commands => commands.MarkNoShowAsync(_advisor));
        (await CallNextAsync()).ShouldBe("A002");
        await Expect(phone.GetByTestId("mobile-ticket-ahead")).ToHaveTextAsync("0 före dig");

        await RunAsync(commands => commands.MarkNoShowAsync(_advisor));
        (await CallNextAsync()).ShouldBe("A003");
        await Expect(phone.GetByTestId("mobile-ticket-called-place")).ToHaveTextAsync("Gå till Bord 2");
        await Expect(phone.GetByTestId("mobile-ticket-number")).ToHaveTextAsync("A003");

        await RunAsync(commands => commands.MarkNoShowAsync(_advisor));
        await Expect(phone.GetByTestId("mobile-ticket-closing")).ToHaveTextAsync(
            "Du kom inte när ditt nummer ropades upp. Ta en ny nummerlapp om du fortfarande behöver hjälp.");
    }

    [Fact]
    public async Task ShouldLeaveTheCounterListAndCountAsCancelledWhenTheVisitorGivesUpOnThePhone()
    {
        var url = await TakeKioskTicketAndReadQrAsync("A001");
        var ticketId = await TicketIdAsync("A001");
        var counter = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor);
        await counter.GotoAsync("/counter");
        await Browser.WaitUntilInteractiveAsync(counter);
        await Expect(counter.GetByTestId($"counter-waiting-{ticketId}")).ToBeVisibleAsync();
        var monitor = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await monitor.GotoAsync("/queue");
        await Browser.WaitUntilInteractiveAsync(monitor);
        await Expect(monitor.GetByTestId("monitor-given-up-A")).ToHaveTextAsync("0");

        var phone = await PhoneAsync(url);
        await phone.GetByTestId("mobile-ticket-give-up").ClickAsync();
        await phone.GetByTestId("mobile-ticket-give-up-confirm").ClickAsync();

        await Expect(phone.GetByTestId("mobile-ticket-closing")).ToHaveTextAsync("Du har lämnat kön. Välkommen tillbaka!");
        await Expect(counter.GetByTestId($"counter-waiting-{ticketId}")).ToHaveCountAsync(0);
        await Expect(counter.GetByTestId($"counter-given-up-{ticketId}")).ToContainTextAsync("A001");
        await Expect(monitor.GetByTestId("monitor-given-up-A")).ToHaveTextAsync("1");
        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        (await db.Tickets.SingleAsync(t => t.Id == ticketId)).Status.ShouldBe(TicketStatus.VisitorCancelled);
    }

    [Fact]
    public async Task ShouldOpenInTheKioskLanguageRightToLeftAndSwitchLanguageOnThePhone()
    {
        var kiosk = await KioskAsync();
        await kiosk.GetByTestId("kiosk-lang-ar").ClickAsync();
        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
        var url = await QrUrlAsync(kiosk);
        url.ShouldEndWith("?lang=ar");

        var phone = await PhoneAsync(url);
        await Expect(phone.GetByTestId("mobile-ticket")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(phone.GetByTestId("mobile-ticket")).ToHaveAttributeAsync("lang", "ar");
        await Expect(phone.GetByTestId("mobile-ticket-give-up")).ToHaveTextAsync("لم أعد بحاجة إلى مساعدة");

        await phone.GetByTestId("mobile-ticket-lang-sv").ClickAsync();

        await Expect(phone.GetByTestId("mobile-ticket")).ToHaveAttributeAsync("dir", "ltr");
        await Expect(phone.GetByTestId("mobile-ticket-give-up")).ToHaveTextAsync("Jag behöver inte längre hjälp");
    }

    [Theory]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not-a-code")]
    public async Task ShouldAnswer404WithThePlainTextWhenTheCodeIsUnknown(string code)
    {
        await using var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString() });
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync($"/t/{code}");

        response.ShouldNotBeNull().Status.ShouldBe(404);
        await Expect(page.GetByTestId("mobile-ticket-not-found").Locator("h1")).ToHaveTextAsync("Nummerlappen finns inte eller har gått ut");
    }

    private async Task<IPage> KioskAsync()
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString(), Locale = "sv-SE", TimezoneId = "Europe/Stockholm" });
        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        await Browser.WaitUntilInteractiveAsync(kiosk);
        return kiosk;
    }

    private async Task<string> TakeKioskTicketAndReadQrAsync(string expectedNumber)
    {
        var kiosk = await KioskAsync();
        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync(expectedNumber);
        return await QrUrlAsync(kiosk);
    }

    private static async Task<string> QrUrlAsync(IPage kiosk)
    {
        var qr = kiosk.GetByTestId("kiosk-ticket-qr");
        await Expect(qr).ToBeVisibleAsync();
        var url = (await QrCodes.DecodeImageAsync(qr)).ShouldNotBeNull();
        // The decoded address is the one printed under the code, and has the shape of a mobile ticket address.
        await Expect(kiosk.GetByTestId("kiosk-ticket-url")).ToHaveTextAsync(url);
        MobileAddress().IsMatch(url).ShouldBeTrue(url);
        return url;
    }

    private async Task<IPage> PhoneAsync(string url)
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            IsMobile = true,
            HasTouch = true,
            Locale = "sv-SE",
        });
        var phone = await context.NewPageAsync();
        var response = await phone.GotoAsync(url);
        response.ShouldNotBeNull().Status.ShouldBe(200);
        await Browser.WaitUntilInteractiveAsync(phone);
        return phone;
    }

    private async Task TakeTicketsAtTheDeskAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await RunAsync(commands => commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, _serviceA, "desk-kiosk"));
        }
    }

    private Task<string?> CallNextAsync() => RunAsync(commands => commands.CallNextAsync(_advisor));

    private async Task<T> RunAsync<T>(Func<QueueCommands, Task<T>> command)
    {
        using var scope = _portal.Services.CreateScope();
        return await command(scope.ServiceProvider.GetRequiredService<QueueCommands>());
    }

    private async Task<int> TicketIdAsync(string number)
    {
        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        var tickets = await db.Tickets.Where(t => t.OfficeId == _officeId).ToListAsync();
        return tickets.Single(t => t.DisplayNumber == number && t.IsOpen).Id;
    }

    [GeneratedRegex(@"^http://127\.0\.0\.1:\d+/t/[A-Za-z0-9_-]{22}\?lang=(sv|en|ar|so|ti|fa)$")]
    private static partial Regex MobileAddress();
}
