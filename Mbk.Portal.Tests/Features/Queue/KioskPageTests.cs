using Bunit;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Features.Queue.Live;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Queue;

public sealed class KioskPageTests : MudBunitContext
{
    internal const string AlwaysOpen = "mon=00:00-24:00;tue=00:00-24:00;wed=00:00-24:00;thu=00:00-24:00;fri=00:00-24:00;sat=00:00-24:00;sun=00:00-24:00";

    private TestDatabase _database = default!;
    private Office _office = default!;
    private ServiceLine _samhall = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync();
        await using var db = _database.CreateDbContext();
        var office = await db.Offices.SingleAsync(o => o.Id == _office.Id);
        office.SetOpeningHours(OpeningHours.Parse(AlwaysOpen));
        _samhall = ServiceLine.Create(office.Id, "Samhällsvägledning", 'A', 1);
        var konsument = ServiceLine.Create(office.Id, "Konsumentvägledning", 'B', 2);
        var retired = ServiceLine.Create(office.Id, "Gammal tjänst", 'C', 3);
        retired.Deactivate();
        db.ServiceLines.AddRange(_samhall, konsument, retired);
        db.Places.Add(Place.Create(office.Id, "Bord 2", 1));
        await db.SaveChangesAsync();
        await QueueTestOffice.ConfirmHolidaysOpenAsync(_database, office.Id, TimeProvider.System);
    }

    private IRenderedComponent<KioskPage> RenderKiosk(string slug = "testby", int maxTicketsPerKiosk = 10)
    {
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton(new QueueQueries(_database, TimeProvider.System));
        Services.AddSingleton(new QueueCommands(_database, TimeProvider.System,
            new TicketRateLimiter(maxTicketsPerKiosk, TimeSpan.FromMinutes(1), TimeProvider.System)));
        Services.AddQueueReadModels(_database, TimeProvider.System);
        return Render<KioskPage>(p => p.Add(c => c.Office, slug));
    }

    private async Task SetOpeningHoursAsync(string hours)
    {
        await using var db = _database.CreateDbContext();
        var office = await db.Offices.SingleAsync(o => o.Id == _office.Id);
        office.SetOpeningHours(OpeningHours.Parse(hours));
        // Only the weekly hours apply: no holiday kept open by the setup.
        db.HolidayDecisions.RemoveRange(db.HolidayDecisions.Where(d => d.OfficeId == office.Id));
        await db.SaveChangesAsync();
    }

    [Fact]
    public void ShouldShowOneButtonPerActiveService()
    {
        var cut = RenderKiosk();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=kiosk-service-]").Count.ShouldBe(2));
        cut.Find("[data-testid=kiosk-service-A]").TextContent.ShouldContain("Samhällsvägledning");
        cut.Find("[data-testid=kiosk-service-B]").TextContent.ShouldContain("Konsumentvägledning");
        cut.FindAll("[data-testid=kiosk-service-C]").ShouldBeEmpty();
        cut.Find("[data-testid=kiosk-waiting-A]").TextContent.ShouldBe("0 väntar");
    }

    [Fact]
    public void ShouldShowTicketNumberWhenServiceIsTapped()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));

        cut.Find("[data-testid=kiosk-service-A]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-ticket-number]").TextContent.ShouldBe("A001"));
        cut.Find("[data-testid=kiosk-ticket-ahead]").TextContent.ShouldBe("0 före dig");
        cut.Find("[data-testid=kiosk-ticket-estimate]").TextContent.ShouldBe("Ingen uppskattning av väntetiden ännu");
        cut.Find("[data-testid=kiosk-receipt]").TextContent.ShouldContain("Medborgarkontoret Testby");
        // The phone address under the QR code: the kiosk's own address without Queue:PublicBaseUrl, in its language.
        cut.Find("[data-testid=kiosk-ticket-url]").TextContent.ShouldMatch(@"^http://localhost/t/[A-Za-z0-9_-]{22}\?lang=sv$");
        cut.Find("[data-testid=kiosk-ticket-qr]").GetAttribute("src").ShouldStartWith("data:image/png;base64,");
    }

    [Fact]
    public void ShouldCountTheFirstTicketAheadWhenSecondIsTaken()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));
        cut.Find("[data-testid=kiosk-service-A]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-ticket-number]").TextContent.ShouldBe("A001"));

        cut.Find("[data-testid=kiosk-done]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-waiting-A]").TextContent.ShouldBe("1 väntar"));
        cut.Find("[data-testid=kiosk-service-A]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-ticket-number]").TextContent.ShouldBe("A002"));
        cut.Find("[data-testid=kiosk-ticket-ahead]").TextContent.ShouldBe("1 före dig");
    }

    [Fact]
    public void ShouldCallWindowPrintWhenPrintIsTapped()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));
        cut.Find("[data-testid=kiosk-service-A]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-print]"));

        cut.Find("[data-testid=kiosk-print]").Click();

        // The click is dispatched to the renderer, which may still be handling the ticket's live update: wait for it.
        cut.WaitForAssertion(() => JSInterop.VerifyInvoke("print"));
    }

    [Fact]
    public async Task ShouldCloseLiveWhenManagerClosesTodayInAlmanac()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId)).DateTime);

        await new OpeningScheduleCommands(_database, TimeProvider.System)
            .AddExceptionAsync(TestDatabase.Staff(_office, StaffRoles.Manager), today, null, "Planeringsdag");

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-closed]").TextContent.ShouldContain("Kontoret är stängt"));
        cut.Find("[data-testid=kiosk-closed-reason]").TextContent.ShouldBe("Planeringsdag");
        cut.FindAll("[data-testid^=kiosk-service-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldShowClosedTextAndNextOpeningWhenOfficeIsClosed()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DayOfWeek;
        var openDay = (DayOfWeek)(((int)today + 2) % 7);
        await SetOpeningHoursAsync(OpeningHours.Create(new Dictionary<DayOfWeek, DayHours>
        {
            [openDay] = new(new TimeOnly(9, 0), new TimeOnly(16, 0)),
        }).ToStorageString());

        var cut = RenderKiosk();

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-closed]").TextContent.ShouldContain("Kontoret är stängt"));
        cut.Find("[data-testid=kiosk-next-opening]").TextContent
            .ShouldBe($"Vi öppnar {VisitorTexts.Kiosk.Swedish.Weekday(openDay)} kl. 09:00");
        cut.FindAll("[data-testid^=kiosk-service-]").ShouldBeEmpty();
        if (Mbk.Domain.Almanac.SwedishHolidays.On(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime)) is null)
        {
            // An ordinary closed weekday needs no explanation.
            cut.FindAll("[data-testid=kiosk-closed-reason]").ShouldBeEmpty();
        }
    }

    [Fact]
    public void ShouldShowFriendlyMessageWhenKioskIsRateLimited()
    {
        var cut = RenderKiosk(maxTicketsPerKiosk: 1);
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));
        cut.Find("[data-testid=kiosk-service-A]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-ticket-number]").TextContent.ShouldBe("A001"));
        cut.Find("[data-testid=kiosk-done]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));

        cut.Find("[data-testid=kiosk-service-A]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-rate-limited]").TextContent.ShouldContain(
            "För många nummerlappar på kort tid. Vänta en stund och försök igen, eller fråga i informationsdisken."));
        cut.FindAll("[data-testid=kiosk-ticket-number]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldSetRightToLeftWhenArabicIsChosen()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-lang-ar]"));
        cut.Find("[data-testid=kiosk]").GetAttribute("dir").ShouldBe("ltr");

        cut.Find("[data-testid=kiosk-lang-ar]").Click();

        cut.Find("[data-testid=kiosk]").GetAttribute("dir").ShouldBe("rtl");
        cut.Find("[data-testid=kiosk]").GetAttribute("lang").ShouldBe("ar");
        cut.Find("[data-testid=kiosk-service-A]").TextContent.ShouldContain(VisitorTexts.Kiosk.For("ar").ServiceName("Samhällsvägledning"));
    }

    [Fact]
    public void ShouldShowTicketInChosenLanguage()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-lang-en]"));
        cut.Find("[data-testid=kiosk-lang-en]").Click();

        cut.Find("[data-testid=kiosk-service-B]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-ticket-number]").TextContent.ShouldBe("B001"));
        cut.Find("[data-testid=kiosk-ticket-ahead]").TextContent.ShouldBe("0 ahead of you");
        cut.Find("[data-testid=kiosk-ticket]").TextContent.ShouldContain("Consumer advice");
    }

    [Fact]
    public void ShouldReturnToSwedishStartScreenWhenDoneIsTapped()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-lang-fa]"));
        cut.Find("[data-testid=kiosk-lang-fa]").Click();
        cut.Find("[data-testid=kiosk-service-A]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-done]"));

        cut.Find("[data-testid=kiosk-done]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-A]"));
        cut.Find("[data-testid=kiosk]").GetAttribute("dir").ShouldBe("ltr");
        cut.Find("h1").TextContent.ShouldBe("Ta en nummerlapp");
    }

    [Fact]
    public void ShouldShowNotFoundMessageWhenOfficeIsUnknown()
    {
        var cut = RenderKiosk(slug: "finns-inte");

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-not-found]").TextContent.ShouldContain("Kontoret finns inte"));
    }

    [Fact]
    public async Task ShouldReloadServicesWhenQueueSetupChanges()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=kiosk-service-]").Count.ShouldBe(2));

        await using (var db = _database.CreateDbContext())
        {
            db.ServiceLines.Add(ServiceLine.Create(_office.Id, "IT-guide/datorhjälp", 'D', 4));
            await db.SaveChangesAsync();
        }

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-service-D]").TextContent.ShouldContain("IT-guide/datorhjälp"));
    }

    [Fact]
    public async Task ShouldUpdateWaitingCountWhenAnotherKioskIssuesTicket()
    {
        var cut = RenderKiosk();
        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-waiting-A]").TextContent.ShouldBe("0 väntar"));

        await new QueueCommands(_database, TimeProvider.System, new TicketRateLimiter(10, TimeSpan.FromMinutes(1), TimeProvider.System))
            .TakeTicketAsync("testby", _samhall.Id, "other-kiosk");

        cut.WaitForAssertion(() => cut.Find("[data-testid=kiosk-waiting-A]").TextContent.ShouldBe("1 väntar"));
    }

    [Fact]
    public async Task ShouldUnsubscribeWhenKioskIsDisposed()
    {
        var cut = RenderKiosk();
        var board = Services.GetRequiredService<KioskReadModel>();
        cut.WaitForAssertion(() => board.WatcherCount(_office.Id).ShouldBe(1));

        await DisposeComponentsAsync();

        board.WatcherCount(_office.Id).ShouldBe(0);
    }
}
