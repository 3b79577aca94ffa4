using Bunit;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Queue.Display;
using Mbk.Portal.Features.Queue.Live;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Queue;

public sealed class DisplayPageTests : MudBunitContext
{
    private TestDatabase _database = default!;
    private Office _office = default!;
    private ServiceLine _samhall = default!;
    private Place _table = default!;
    private QueueCommands _commands = default!;
    private BunitJSModuleInterop _module = default!;
    private bool _browserNeverAnswers;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync();
        await using (var db = _database.CreateDbContext())
        {
            var office = await db.Offices.SingleAsync(o => o.Id == _office.Id);
            office.SetOpeningHours(OpeningHours.Parse(KioskPageTests.AlwaysOpen));
            _samhall = ServiceLine.Create(office.Id, "Samhällsvägledning", 'A', 1);
            db.ServiceLines.AddRange(_samhall, ServiceLine.Create(office.Id, "Konsumentvägledning", 'B', 2));
            _table = Place.Create(office.Id, "Bord 2", 1);
            db.Places.Add(_table);
            await db.SaveChangesAsync();
        }

        await QueueTestOffice.ConfirmHolidaysOpenAsync(_database, _office.Id, TimeProvider.System);

        _commands = new QueueCommands(_database, TimeProvider.System, new TicketRateLimiter(10, TimeSpan.FromMinutes(1), TimeProvider.System));
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton(new QueueQueries(_database, TimeProvider.System));
        Services.AddSingleton(new Mbk.Portal.Features.Almanac.PartnerVisits.PartnerVisitQueueGate(_database, TimeProvider.System));
        Services.AddSingleton(_commands);
        Services.AddQueueReadModels(_database, TimeProvider.System);
        _module = JSInterop.SetupModule("./js/display.js");
        _module.Setup<bool>("isUnlocked").SetResult(true);
        _module.Setup<bool>("announce", _ => !_browserNeverAnswers).SetResult(true);
        // A display whose browser is gone: the announcement is sent and never answered.
        _module.Setup<bool>("announce", _ => _browserNeverAnswers);
    }

    private IRenderedComponent<DisplayPage> RenderDisplay(string slug = "testby", string? speech = null)
    {
        // [SupplyParameterFromQuery] reads the address, as in the browser.
        Services.GetRequiredService<NavigationManager>().NavigateTo(speech is null ? $"/display/{slug}" : $"/display/{slug}?speech={speech}");
        return Render<DisplayPage>(p => p.Add(c => c.Office, slug));
    }

    private async Task CallNextAsync()
    {
        var staff = TestDatabase.Staff(_office, StaffRoles.Advisor);
        await _commands.SitDownAsync(staff, _table.Id, [_samhall.Id]);
        (await _commands.CallNextAsync(staff)).ShouldBe("A001");
    }

    [Fact]
    public async Task ShouldShowCurrentNumberAndPlaceAfterCall()
    {
        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        await CallNextAsync();

        var cut = RenderDisplay();

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-current-number]").TextContent.ShouldBe("A001"));
        cut.Find("[data-testid=display-current-place]").TextContent.ShouldBe("Bord 2");
        cut.Find("[data-testid=display-office]").TextContent.ShouldBe("Medborgarkontoret Testby");
    }

    [Fact]
    public async Task ShouldShowCallAndAnnounceItWhenCalledLive()
    {
        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        var cut = RenderDisplay();
        cut.WaitForAssertion(() => cut.Find("[data-testid=display-no-calls]"));
        cut.WaitForAssertion(() => _module.VerifyInvoke("isUnlocked"));

        await CallNextAsync();

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-current-number]").TextContent.ShouldBe("A001"));
        cut.Find("[data-testid=display-current-place]").TextContent.ShouldBe("Bord 2");
        cut.WaitForAssertion(() => _module.VerifyInvoke("announce").Arguments[0].ShouldBe("Nummer A001, bord 2"));
    }

    [Fact]
    public async Task ShouldChimeWithoutSpeechWhenSpeechIsOff()
    {
        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        var cut = RenderDisplay(speech: "0");
        cut.WaitForAssertion(() => _module.VerifyInvoke("isUnlocked"));

        await CallNextAsync();

        cut.WaitForAssertion(() => _module.VerifyInvoke("announce").Arguments[0].ShouldBeNull());
    }

    [Fact]
    public async Task ShouldUpdateWaitingCountWhenKioskTicketIsTaken()
    {
        var cut = RenderDisplay();
        cut.WaitForAssertion(() => cut.Find("[data-testid=display-waiting-A]").TextContent.ShouldBe("0"));

        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-waiting-A]").TextContent.ShouldBe("1"));
        cut.Find("[data-testid=display-waiting-B]").TextContent.ShouldBe("0");
    }

    [Fact]
    public void ShouldShowClockInTwentyFourHourFormat()
    {
        var cut = RenderDisplay();

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-clock]").TextContent.ShouldMatch(@"^([01]\d|2[0-3]):[0-5]\d$"));
    }

    [Fact]
    public void ShouldShowNotFoundMessageWhenOfficeIsUnknown()
    {
        var cut = RenderDisplay(slug: "finns-inte");

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-not-found]").TextContent.ShouldContain("Kontoret finns inte"));
    }

    [Fact]
    public async Task ShouldUnsubscribeWhenDisplayIsDisposed()
    {
        var board = Services.GetRequiredService<DisplayReadModel>();
        var cut = RenderDisplay();
        cut.WaitForAssertion(() => board.WatcherCount(_office.Id).ShouldBe(1));

        await DisposeComponentsAsync();

        board.WatcherCount(_office.Id).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRenderABurstOfFiftyChangesABoundedNumberOfTimesWithTheFinalState()
    {
        var cut = RenderDisplay();
        cut.WaitForAssertion(() => cut.Find("[data-testid=display-waiting-A]").TextContent.ShouldBe("0"));
        cut.WaitForAssertion(() => _module.VerifyInvoke("isUnlocked"));
        // Fifty tickets written without events, then their fifty events at once: a burst the display has not seen.
        var silent = new QueueCommands(new SilentDatabase(_database.FilePath), TimeProvider.System, new TicketRateLimiter(100, TimeSpan.FromMinutes(1), TimeProvider.System));
        var receipts = new List<TicketReceipt>();
        for (var i = 0; i < 50; i++)
        {
            receipts.Add((await silent.TakeTicketAsync("testby", _samhall.Id, "kiosk")).Receipt!);
        }

        var rendersBefore = cut.RenderCount;
        foreach (var receipt in receipts)
        {
            await _database.Bus.PublishAsync(new TicketIssued(_office.Id, receipt.TicketId, receipt.Number, _samhall.Id, TicketStatus.Waiting, receipt.TakenAt, false, null, null));
        }

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-waiting-A]").TextContent.ShouldBe("50"));
        await _database.Bus.WhenDeliveredAsync().WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        (cut.RenderCount - rendersBefore).ShouldBeInRange(1, 5);
        cut.Find("[data-testid=display-waiting-A]").TextContent.ShouldBe("50");
    }

    [Fact]
    public async Task ShouldHoldNothingWhenTheBrowserNeverAnswersTheAnnouncement()
    {
        _browserNeverAnswers = true;
        await using (var db = _database.CreateDbContext())
        {
            db.Places.Add(Place.Create(_office.Id, "Bord 3", 2));
            await db.SaveChangesAsync();
        }

        var bord3 = await PlaceIdAsync("Bord 3");
        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        var cut = RenderDisplay();
        cut.WaitForAssertion(() => _module.VerifyInvoke("isUnlocked"));
        var first = TestDatabase.Staff(_office, StaffRoles.Advisor);
        var second = TestDatabase.Staff(_office, StaffRoles.Advisor);
        await _commands.SitDownAsync(first, _table.Id, [_samhall.Id]);
        await _commands.SitDownAsync(second, bord3, [_samhall.Id]);

        (await _commands.CallNextAsync(first).WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe("A001");
        cut.WaitForAssertion(() => _module.VerifyInvoke("announce"));
        (await _commands.CallNextAsync(second).WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe("A002");

        // The display itself keeps following while its first announcement is still unanswered.
        cut.WaitForAssertion(() => cut.Find("[data-testid=display-current-number]").TextContent.ShouldBe("A002"));
        cut.Find("[data-testid=display-current-place]").TextContent.ShouldBe("Bord 3");
        cut.WaitForAssertion(() => _module.VerifyInvoke("announce", 2));
    }

    private async Task<int> PlaceIdAsync(string name)
    {
        await using var db = _database.CreateDbContext();
        return await db.Places.Where(p => p.OfficeId == _office.Id && p.Name == name).Select(p => p.Id).SingleAsync();
    }

    /// <summary>The same SQLite file without the event dispatcher: writes that publish nothing.</summary>
    private sealed class SilentDatabase(string filePath) : IDbContextFactory<PortalDbContext>
    {
        private readonly DbContextOptions<PortalDbContext> _options = new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite($"Data Source={filePath}")
            .AddInterceptors(ConnectionSetup.ForSqlite(10_000))
            .Options;

        public PortalDbContext CreateDbContext() => new(_options);
    }
}
