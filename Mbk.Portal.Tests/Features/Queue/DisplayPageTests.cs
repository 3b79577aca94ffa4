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
        _module.Setup<bool>("start", _ => !_browserNeverAnswers).SetResult(true);
        // A display whose browser is gone: the start of its sound is sent and never answered.
        _module.Setup<bool>("start", _ => _browserNeverAnswers);
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
        cut.WaitForAssertion(() => _module.VerifyInvoke("start"));

        await CallNextAsync();

        cut.WaitForAssertion(() => cut.Find("[data-testid=display-current-number]").TextContent.ShouldBe("A001"));
        cut.Find("[data-testid=display-current-place]").TextContent.ShouldBe("Bord 2");
        cut.WaitForAssertion(() => Announcements(cut).ShouldBe([(1L, "Nummer A001, bord 2")]));
        // Announced by rendering, not by a JS call per screen (display.js plays what the render adds).
        _module.Invocations.Select(i => i.Identifier).ShouldBe(["start"]);
    }

    /// <summary>The calls rendered for display.js to announce: (sequence, text).</summary>
    private static List<(long Sequence, string Text)> Announcements(IRenderedComponent<DisplayPage> cut) =>
        cut.FindAll("[data-testid=display-announcements] li")
            .Select(li => (long.Parse(li.GetAttribute("data-seq")!, System.Globalization.CultureInfo.InvariantCulture), li.GetAttribute("data-text") ?? string.Empty))
            .ToList();

    [Fact]
    public async Task ShouldKeepTheLatestAnnouncementsInCallOrder()
    {
        await using (var db = _database.CreateDbContext())
        {
            db.Places.Add(Place.Create(_office.Id, "Bord 3", 2));
            await db.SaveChangesAsync();
        }

        var bord3 = await PlaceIdAsync("Bord 3");
        for (var i = 0; i < DisplayPage.AnnouncementsKept + 2; i++)
        {
            await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        }

        var cut = RenderDisplay();
        cut.WaitForAssertion(() => _module.VerifyInvoke("start"));
        cut.FindAll("[data-testid=display-announcements] li").ShouldBeEmpty();
        var first = TestDatabase.Staff(_office, StaffRoles.Advisor);
        var second = TestDatabase.Staff(_office, StaffRoles.Advisor);
        await _commands.SitDownAsync(first, _table.Id, [_samhall.Id]);
        await _commands.SitDownAsync(second, bord3, [_samhall.Id]);

        var numbers = new List<string>();
        for (var i = 0; i < DisplayPage.AnnouncementsKept + 2; i++)
        {
            var staff = i % 2 == 0 ? first : second;
            numbers.Add((await _commands.CallNextAsync(staff))!);
            await _commands.MarkNoShowAsync(staff);
        }

        // The newest five, oldest first, each with its own growing sequence number.
        cut.WaitForAssertion(() => Announcements(cut).Select(a => a.Text).ShouldBe(numbers
            .Select((number, i) => $"Nummer {number}, bord {(i % 2 == 0 ? 2 : 3)}")
            .TakeLast(DisplayPage.AnnouncementsKept)));
        var sequences = Announcements(cut).Select(a => a.Sequence).ToList();
        sequences.ShouldBe(sequences.Order().ToList());
        sequences.Distinct().Count().ShouldBe(DisplayPage.AnnouncementsKept);
        sequences[^1].ShouldBe(DisplayPage.AnnouncementsKept + 2);
    }

    [Fact]
    public async Task ShouldShowTheSoundButtonWhenTheBrowserSaysSoundIsBlocked()
    {
        var cut = RenderDisplay();
        cut.WaitForAssertion(() => _module.VerifyInvoke("start"));
        cut.FindAll("[data-testid=display-enable-sound]").ShouldBeEmpty();

        await cut.InvokeAsync(() => cut.Instance.OnSoundChanged(false));
        cut.WaitForAssertion(() => cut.Find("[data-testid=display-enable-sound]"));

        await cut.InvokeAsync(() => cut.Instance.OnSoundChanged(true));
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=display-enable-sound]").ShouldBeEmpty());
    }

    [Fact]
    public async Task ShouldChimeWithoutSpeechWhenSpeechIsOff()
    {
        await _commands.TakeTicketAsync("testby", _samhall.Id, "kiosk");
        var cut = RenderDisplay(speech: "0");
        cut.WaitForAssertion(() => _module.VerifyInvoke("start"));

        await CallNextAsync();

        cut.WaitForAssertion(() => Announcements(cut).ShouldBe([(1L, string.Empty)]));
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
        cut.WaitForAssertion(() => _module.VerifyInvoke("start"));
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
    public async Task ShouldHoldNothingWhenTheBrowserNeverAnswers()
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
        cut.WaitForAssertion(() => _module.VerifyInvoke("start"));
        var first = TestDatabase.Staff(_office, StaffRoles.Advisor);
        var second = TestDatabase.Staff(_office, StaffRoles.Advisor);
        await _commands.SitDownAsync(first, _table.Id, [_samhall.Id]);
        await _commands.SitDownAsync(second, bord3, [_samhall.Id]);

        (await _commands.CallNextAsync(first).WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe("A001");
        cut.WaitForAssertion(() => Announcements(cut).Count.ShouldBe(1));
        (await _commands.CallNextAsync(second).WaitAsync(TimeSpan.FromSeconds(5))).ShouldBe("A002");

        // The display itself keeps following and announcing while its browser has never answered the start of sound.
        cut.WaitForAssertion(() => cut.Find("[data-testid=display-current-number]").TextContent.ShouldBe("A002"));
        cut.Find("[data-testid=display-current-place]").TextContent.ShouldBe("Bord 3");
        cut.WaitForAssertion(() => Announcements(cut).Select(a => a.Text).ShouldBe(["Nummer A001, bord 2", "Nummer A002, bord 3"]));
        _module.Invocations.Select(i => i.Identifier).ShouldBe(["start"]);
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
