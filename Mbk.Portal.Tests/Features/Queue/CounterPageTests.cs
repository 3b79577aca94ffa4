using Bunit;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Queue.Counter;
using Mbk.Portal.Features.Queue.Settings;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>
/// An office that is always open, with two services (A, B), two places, three question categories and a referral
/// target, on a real SQLite file. All queue services share one fake clock.
/// </summary>
internal sealed class QueueScenario
{
    public const string AlwaysOpen = "mon=00:00-24:00;tue=00:00-24:00;wed=00:00-24:00;thu=00:00-24:00;fri=00:00-24:00;sat=00:00-24:00;sun=00:00-24:00";

    private QueueScenario(TestDatabase database, FakeTimeProvider clock)
    {
        Database = database;
        Clock = clock;
        Queries = new QueueQueries(database, clock);
        Commands = new QueueCommands(database, clock, new TicketRateLimiter(100, TimeSpan.FromMinutes(1), TimeProvider.System));
        SettingsCommands = new QueueSettingsCommands(database, TimeProvider.System);
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public QueueQueries Queries { get; }

    public QueueCommands Commands { get; }

    public QueueSettingsCommands SettingsCommands { get; }

    public Office Office { get; private set; } = default!;

    public ServiceLine ServiceA { get; private set; } = default!;

    public ServiceLine ServiceB { get; private set; } = default!;

    public Place Disk1 { get; private set; } = default!;

    public Place Bord2 { get; private set; } = default!;

    public IReadOnlyList<QuestionCategory> Categories { get; private set; } = [];

    public ReferralTarget Referral { get; private set; } = default!;

    public static async Task<QueueScenario> CreateAsync()
    {
        var scenario = new QueueScenario(await TestDatabase.CreateAsync(), new FakeTimeProvider(new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.Zero)));
        await scenario.SeedAsync();
        return scenario;
    }

    /// <summary>Registers what the queue pages need in a bUnit context.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ILiveEventBus>(Database.Bus);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Queries);
        services.AddSingleton(Commands);
        services.AddSingleton(SettingsCommands);
        services.AddSingleton(KioskDeviceLimit.Default);
        services.AddQueueReadModels(Database, Clock);
    }

    /// <summary>A staff member with a real user row, so places show who sits there.</summary>
    public async Task<StaffContext> StaffAsync(string displayName, params string[] roles)
    {
        var staff = TestDatabase.Staff(Office, roles) with { DisplayName = displayName };
        await using var db = Database.CreateDbContext();
        var userName = staff.UserId + "@example.se";
        db.Users.Add(new StaffUser
        {
            Id = staff.UserId,
            UserName = userName,
            NormalizedUserName = userName.ToUpperInvariant(),
            Email = userName,
            NormalizedEmail = userName.ToUpperInvariant(),
            DisplayName = displayName,
            CurrentOfficeId = Office.Id,
        });
        await db.SaveChangesAsync();
        return staff;
    }

    public async Task<string> TakeTicketAsync(ServiceLine service)
    {
        var result = await Commands.TakeTicketAsync(Office.Slug, service.Id, "kiosk-1");
        result.Refusal.ShouldBe(KioskRefusal.None);
        return result.Receipt!.Number;
    }

    public async Task<Ticket> TicketAsync(string number)
    {
        await using var db = Database.CreateDbContext();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.OfficeId == Office.Id).ToListAsync();
        return tickets.Where(t => t.DisplayNumber == number).MaxBy(t => t.Id)!;
    }

    private async Task SeedAsync()
    {
        Office = await Database.AddOfficeAsync();
        await using var db = Database.CreateDbContext();
        var office = await db.Offices.SingleAsync(o => o.Id == Office.Id);
        office.SetOpeningHours(OpeningHours.Parse(AlwaysOpen));
        ServiceA = ServiceLine.Create(Office.Id, "Samhällsvägledning", 'A', 1, 20);
        ServiceB = ServiceLine.Create(Office.Id, "Konsumentvägledning", 'B', 2, 30);
        Disk1 = Place.Create(Office.Id, "Disk 1", 1);
        Bord2 = Place.Create(Office.Id, "Bord 2", 2);
        db.AddRange(ServiceA, ServiceB, Disk1, Bord2);
        await db.SaveChangesAsync();
        await QueueTestOffice.ConfirmHolidaysOpenAsync(Database, Office.Id, Clock);
        Categories =
        [
            QuestionCategory.Create(Office.Id, "Bostad", 1),
            QuestionCategory.Create(Office.Id, "Ekonomi", 2),
            QuestionCategory.Create(Office.Id, "Arbete", 3),
        ];
        db.QuestionCategories.AddRange(Categories);
        Referral = ReferralTarget.Create(Office.Id, "Försäkringskassan", 1);
        db.ReferralTargets.Add(Referral);
        await db.SaveChangesAsync();
    }
}

public sealed class CounterPageTests : MudBunitContext
{
    private QueueScenario _queue = default!;
    private StaffContext _staff = default!;

    public override async Task InitializeAsync()
    {
        _queue = await QueueScenario.CreateAsync();
        _queue.Register(Services);
        _staff = await _queue.StaffAsync("Sara Vägledare", StaffRoles.Advisor);
        RenderMudProviders();
    }

    private IRenderedComponent<CounterPanel> RenderCounter(StaffContext? staff = null) =>
        Render<CounterPanel>(p => p.Add(c => c.Staff, staff ?? _staff));

    private async Task<IRenderedComponent<CounterPanel>> RenderSeatedAsync()
    {
        await _queue.Commands.SitDownAsync(_staff, _queue.Disk1.Id, [_queue.ServiceA.Id, _queue.ServiceB.Id]);
        var cut = RenderCounter();
        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-header]"));
        return cut;
    }

    private static string CurrentTicket(IRenderedComponent<CounterPanel> cut) => cut.Find("[data-testid=counter-current-ticket]").TextContent;

    [Fact]
    public async Task ShouldCallOldestTicketWhenSittingDownAndCallingNext()
    {
        var oldest = await _queue.TakeTicketAsync(_queue.ServiceA);
        _queue.Clock.Advance(TimeSpan.FromMinutes(2));
        await _queue.TakeTicketAsync(_queue.ServiceB);
        var cut = RenderCounter();
        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-sit-down]"));

        cut.Find("[data-testid=counter-sit-down]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-header]").TextContent
            .ShouldBe("Du sitter vid Disk 1 · tar Samhällsvägledning, Konsumentvägledning"));
        cut.Find("[data-testid=counter-call-next]").Click();

        cut.WaitForAssertion(() =>
        {
            CurrentTicket(cut).ShouldContain(oldest);
            CurrentTicket(cut).ShouldContain("Samhällsvägledning");
            CurrentTicket(cut).ShouldContain("Uppropad");
        });
        (await _queue.TicketAsync(oldest)).Status.ShouldBe(TicketStatus.Called);
    }

    [Fact]
    public async Task ShouldSayNobodyIsWaitingWhenQueueIsEmpty()
    {
        var cut = await RenderSeatedAsync();

        cut.Find("[data-testid=counter-call-next]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-info]").TextContent.ShouldContain("Ingen väntar just nu."));
        CurrentTicket(cut).ShouldContain("Inget pågående besök.");
    }

    [Fact]
    public async Task ShouldStoreTallyWithCategoryAndTicketWhenFinishing()
    {
        var number = await _queue.TakeTicketAsync(_queue.ServiceA);
        var cut = await RenderSeatedAsync();
        cut.Find("[data-testid=counter-call-next]").Click();
        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain(number));
        cut.Find("[data-testid=counter-start]").Click();
        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain("Betjänas"));
        var category = _queue.Categories[1];

        cut.Find("[data-testid=counter-finish]").Click();
        // Opening the panel also moves focus into it (a JS call), so it may render a moment after the click.
        cut.WaitForElement($"[data-testid=finish-category-{category.Id}]").Click();
        cut.Find("[data-testid=finish-confirm]").Click();

        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain("Inget pågående besök."));
        cut.FindAll("[data-testid=finish-panel]").ShouldBeEmpty();
        var ticket = await _queue.TicketAsync(number);
        ticket.Status.ShouldBe(TicketStatus.Done);
        await using var db = _queue.Database.CreateDbContext();
        var tally = await db.QuestionTallies.AsNoTracking().SingleAsync();
        tally.QuestionCategoryId.ShouldBe(category.Id);
        tally.TicketId.ShouldBe(ticket.Id);
        tally.Channel.ShouldBe(TallyChannel.Disk);
    }

    [Fact]
    public async Task ShouldRefuseToFinishWhenNoCategoryIsChosen()
    {
        var number = await _queue.TakeTicketAsync(_queue.ServiceA);
        var cut = await RenderSeatedAsync();
        cut.Find("[data-testid=counter-call-next]").Click();
        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain(number));

        cut.Find("[data-testid=counter-finish]").Click();
        cut.WaitForElement("[data-testid=finish-confirm]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-error]").TextContent.ShouldContain("Välj minst ett ärendeslag"));
        cut.Find("[data-testid=finish-panel]").ShouldNotBeNull();
        CurrentTicket(cut).ShouldContain(number);
        (await _queue.TicketAsync(number)).Status.ShouldBe(TicketStatus.Called);
    }

    [Fact]
    public async Task ShouldCloseTicketAsNoShowWhenVisitorNeverCame()
    {
        var number = await _queue.TakeTicketAsync(_queue.ServiceA);
        var cut = await RenderSeatedAsync();
        cut.Find("[data-testid=counter-call-next]").Click();
        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain(number));

        cut.Find("[data-testid=counter-no-show]").Click();

        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain("Inget pågående besök."));
        (await _queue.TicketAsync(number)).Status.ShouldBe(TicketStatus.NoShow);
    }

    [Fact]
    public async Task ShouldRerenderWhenAnotherScreensKioskIssuesATicket()
    {
        var cut = await RenderSeatedAsync();
        cut.Find("[data-testid=counter-waiting-empty]").ShouldNotBeNull();

        var number = await _queue.TakeTicketAsync(_queue.ServiceB);

        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-waiting]").TextContent.ShouldContain(number));
    }

    [Fact]
    public async Task ShouldCallNextWhenShortcutNIsPressed()
    {
        var number = await _queue.TakeTicketAsync(_queue.ServiceA);
        var cut = await RenderSeatedAsync();

        await cut.InvokeAsync(() => cut.FindComponent<CounterShortcuts>().Instance.HandleShortcutAsync("n"));

        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain(number));
    }

    [Fact]
    public async Task ShouldRequireReasonWhenCallingATicketOutOfTurn()
    {
        await _queue.TakeTicketAsync(_queue.ServiceA);
        var second = await _queue.TakeTicketAsync(_queue.ServiceA);
        var ticket = await _queue.TicketAsync(second);
        var cut = await RenderSeatedAsync();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=counter-call-ticket-{ticket.Id}]"));

        cut.Find($"[data-testid=counter-call-ticket-{ticket.Id}]").Click();
        cut.Find("[data-testid=counter-call-confirm]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-error]").TextContent.ShouldContain("Ange varför"));
        cut.Find("[data-testid=counter-call-reason]").Input("Har tid bokad");
        cut.Find("[data-testid=counter-call-confirm]").Click();

        cut.WaitForAssertion(() => CurrentTicket(cut).ShouldContain(second));
    }

    [Fact]
    public async Task ShouldOfferToTakeOverPlaceWhenSomeoneElseSitsThere()
    {
        var colleague = await _queue.StaffAsync("Karin Kollega", StaffRoles.Advisor);
        await _queue.Commands.SitDownAsync(colleague, _queue.Disk1.Id, [_queue.ServiceA.Id]);
        var cut = RenderCounter();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=counter-place-{_queue.Disk1.Id}]").TextContent.ShouldContain("Karin Kollega"));

        cut.Find($"[data-testid=counter-place-{_queue.Disk1.Id}]").Click();
        cut.Find("[data-testid=counter-take-over]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=counter-header]").TextContent.ShouldStartWith("Du sitter vid Disk 1"));
    }

    [Fact]
    public async Task ShouldServeWalkInWhenServiceIsChosen()
    {
        var cut = await RenderSeatedAsync();

        cut.Find("[data-testid=counter-walk-in]").Click();
        // The walk-in panel may render after the click returns: wait for it, then find and click in one go.
        cut.WaitForAssertion(() => cut.Find($"[data-testid=walk-in-service-{_queue.ServiceB.Id}]"));
        await cut.InvokeAsync(() => cut.Find($"[data-testid=walk-in-service-{_queue.ServiceB.Id}]").Click());

        cut.WaitForAssertion(() =>
        {
            CurrentTicket(cut).ShouldContain("B001");
            CurrentTicket(cut).ShouldContain("Betjänas");
        });
    }
}
