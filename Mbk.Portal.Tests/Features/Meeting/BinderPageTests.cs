using Bunit;
using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Meeting.Binder;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>An office with a running morning meeting on a real SQLite file, for the binder's components.</summary>
public sealed class BinderScenario : IAsyncDisposable
{
    // Tuesday 24 November 2026, 08:00 in Stockholm.
    public static readonly DateTimeOffset Tuesday8 = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

    private BinderScenario(TestDatabase database, Office office)
    {
        Database = database;
        Office = office;
        Commands = new MeetingCommands(database, Clock);
        Queries = new MeetingQueries(database, Clock);
        Chair = TestDatabase.Staff(office, StaffRoles.Advisor) with { DisplayName = "Olsson" };
        Advisor = TestDatabase.Staff(office, StaffRoles.Advisor) with { DisplayName = "Ahmed" };
        Manager = TestDatabase.Staff(office, StaffRoles.Manager) with { DisplayName = "Maria Chef" };
    }

    public TestDatabase Database { get; }

    public Office Office { get; }

    public FakeTimeProvider Clock { get; } = new(Tuesday8);

    public MeetingCommands Commands { get; }

    public MeetingQueries Queries { get; }

    public StaffContext Chair { get; }

    public StaffContext Advisor { get; }

    public StaffContext Manager { get; }

    public int MeetingId { get; private set; }

    public static async Task<BinderScenario> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var office = await database.AddOfficeAsync("Medborgarkontoret Pärm", "parm-" + Guid.NewGuid().ToString("N")[..8]);
        var scenario = new BinderScenario(database, office);
        await database.AddStaffAsync(office, scenario.Chair, scenario.Advisor, scenario.Manager);
        scenario.MeetingId = await scenario.Commands.GetOrCreateTodaysMeetingAsync(scenario.Chair);
        await scenario.Commands.StartAsync(scenario.Chair, scenario.MeetingId);
        return scenario;
    }

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<ILiveEventBus>(Database.Bus);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Commands);
        services.AddSingleton(Queries);
        services.AddSingleton<DecisionReadNotifier>();
    }

    public Task<int> DecideAsync(string text, DecisionCategory category = DecisionCategory.Rutin, string? responsible = null) =>
        Commands.RecordDecisionAsync(Chair, MeetingId, 0, new DecisionInput(text, category, responsible, null));

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

public sealed class BinderPageTests : MudBunitContext
{
    private BinderScenario _s = default!;

    public override async Task InitializeAsync()
    {
        _s = await BinderScenario.CreateAsync();
        _s.Register(Services);
        RenderMudProviders();
    }

    private IRenderedComponent<DecisionBinderPanel> RenderBinder(StaffContext staff) =>
        Render<DecisionBinderPanel>(p => p.Add(c => c.Staff, staff));

    [Fact]
    public async Task ShouldListDecisionsNewestFirstAndFilterBySearchAndPerson()
    {
        var first = await _s.DecideAsync("Kvällsöppet torsdagar till 19.", DecisionCategory.Arbetssatt, "Sara");
        _s.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _s.DecideAsync("Nya rutiner för hittegods.", DecisionCategory.Rutin);

        var cut = RenderBinder(_s.Advisor);

        cut.WaitForAssertion(() =>
            cut.FindAll("[data-testid^=decision-text-]").Select(e => e.TextContent).ShouldBe(["Nya rutiner för hittegods.", "Kvällsöppet torsdagar till 19."]));
        var row = cut.Find($"[data-testid=decision-{first}]").TextContent;
        row.ShouldContain("2026-11-24");
        row.ShouldContain("Gårdagens siffror");
        row.ShouldContain("arbetssätt");
        row.ShouldContain("gällande");
        row.ShouldContain("Registrerat av Olsson");
        cut.FindAll("[data-testid^=decision-readers-toggle-]").ShouldBeEmpty();

        cut.Find("[data-testid=decisions-search]").Change("hittegods");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=decision-text-]").ShouldHaveSingleItem().TextContent.ShouldBe("Nya rutiner för hittegods."));
        cut.Find("[data-testid=decisions-export-xlsx]").GetAttribute("href").ShouldBe("/decisions/export.xlsx?q=hittegods");

        cut.Find("[data-testid=decisions-search]").Change(string.Empty);
        cut.Find("[data-testid=decisions-person]").Change("sara");
        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=decision-text-]").ShouldHaveSingleItem().TextContent.ShouldContain("torsdagar"));

        cut.Find("[data-testid=decisions-person]").Change(string.Empty);
        cut.Find("[data-testid=decisions-from]").Change("2026-11-25");
        cut.WaitForAssertion(() => cut.Find("[data-testid=decisions-empty]"));
        second.ShouldBeGreaterThan(first);
    }

    [Fact]
    public async Task ShouldMarkShownDecisionsReadAndShowManagersWhoRead()
    {
        var id = await _s.DecideAsync("Två i disken på måndagar.");
        (await _s.Queries.UnreadDecisionIdsAsync(_s.Advisor)).ShouldBe([id]);

        var cut = RenderBinder(_s.Advisor);
        cut.WaitForAssertion(() => cut.Find($"[data-testid=decision-{id}]"));

        (await _s.Queries.UnreadDecisionIdsAsync(_s.Advisor)).ShouldBeEmpty();
        (await _s.Queries.UnreadDecisionIdsAsync(_s.Manager)).ShouldBe([id]);

        var managerView = RenderBinder(_s.Manager);
        managerView.WaitForAssertion(() => managerView.Find($"[data-testid=decision-readers-toggle-{id}]"));
        managerView.Find($"[data-testid=decision-readers-toggle-{id}]").Click();
        managerView.WaitForAssertion(() => managerView.Find($"[data-testid=decision-readers-{id}]").TextContent.ShouldContain("Ahmed"));
    }

    [Fact]
    public async Task ShouldShowANewDecisionLiveWithoutReload()
    {
        var cut = RenderBinder(_s.Advisor);
        cut.WaitForAssertion(() => cut.Find("[data-testid=decisions-empty]"));

        var id = await _s.DecideAsync("Skrivaren flyttas till bord 3.", DecisionCategory.Lokal);

        cut.WaitForAssertion(() => cut.Find($"[data-testid=decision-text-{id}]").TextContent.ShouldBe("Skrivaren flyttas till bord 3."));
    }
}
