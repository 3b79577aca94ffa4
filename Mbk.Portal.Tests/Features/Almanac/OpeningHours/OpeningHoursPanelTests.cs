using Bunit;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.OpeningHours;

public sealed class OpeningHoursPanelTests : MudBunitContext
{
    // Monday 23 November 2026, 10:00 in Stockholm.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private OpeningScheduleCommands _commands = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync();
        _commands = new OpeningScheduleCommands(_database, _clock);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton(new OpeningScheduleQueries(_database, _clock));
        Services.AddSingleton(_commands);
        RenderMudProviders();
    }

    private StaffContext Manager => TestDatabase.Staff(_office, StaffRoles.Manager) with { DisplayName = "Maria Chef" };

    private IRenderedComponent<OpeningHoursPanel> RenderPanel(StaffContext staff)
    {
        var cut = Render<OpeningHoursPanel>(p => p.Add(c => c.Staff, staff));
        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holidays]"));
        return cut;
    }

    private async Task<Mbk.Domain.Queue.OpeningHours> StoredWeeklyAsync()
    {
        await using var db = _database.CreateDbContext();
        return Mbk.Domain.Queue.OpeningHours.Parse(await db.Offices.AsNoTracking().Where(o => o.Id == _office.Id).Select(o => o.OpeningHoursText).SingleAsync());
    }

    [Fact]
    public void ShouldShowWeekMondayFirstWithEveningOpening()
    {
        var cut = RenderPanel(Manager);

        cut.FindAll("[data-testid^=oh-weekly-] td:first-child").Select(td => td.TextContent)
            .ShouldBe(["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"]);
        cut.Find("[data-testid=oh-weekly-opens-mon]").GetAttribute("value").ShouldBe("09:00");
        cut.Find("[data-testid=oh-weekly-evening-thu]").TextContent.ShouldContain("Kvällsöppet till 19:00");
        cut.FindAll("[data-testid=oh-weekly-evening-tue]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldSaveWeeklyHoursWhenManagerAddsSecondEvening()
    {
        var cut = RenderPanel(Manager);

        cut.Find("[data-testid=oh-weekly-closes-tue]").Input("19:00");
        cut.Find("[data-testid=oh-weekly-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-weekly-evening-tue]").TextContent.ShouldContain("19:00"));
        cut.FindAll("[data-testid=oh-weekly-error]").ShouldBeEmpty();
        (await StoredWeeklyAsync()).For(DayOfWeek.Tuesday).ShouldBe(new DayHours(new TimeOnly(9, 0), new TimeOnly(19, 0)));
    }

    [Fact]
    public async Task ShouldRefuseBadWeeklyTimeWithSwedishMessageAndKeepInput()
    {
        var cut = RenderPanel(Manager);

        cut.Find("[data-testid=oh-weekly-opens-wed]").Input("25:00");
        cut.Find("[data-testid=oh-weekly-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-weekly-error]").TextContent.ShouldContain("Öppettiderna för onsdag kunde inte läsas"));
        cut.Find("[data-testid=oh-weekly-opens-wed]").GetAttribute("value").ShouldBe("25:00");
        (await StoredWeeklyAsync()).ShouldBe(Mbk.Domain.Queue.OpeningHours.Default);
    }

    [Fact]
    public void ShouldAskForReasonAndThenListExceptionWhenManagerClosesDay()
    {
        var cut = RenderPanel(Manager);

        cut.Find("[data-testid=oh-new-exception-date]").Input("2026-11-27");
        cut.Find("[data-testid=oh-new-exception-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-exceptions-error]").TextContent
            .ShouldBe("Orsaken till att kontoret är stängt måste fyllas i."));

        cut.Find("[data-testid=oh-new-exception-reason]").Input("Planeringsdag");
        cut.Find("[data-testid=oh-new-exception-add]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-exception-2026-11-27]").TextContent.ShouldContain("Planeringsdag"));
        cut.Find("[data-testid=oh-exception-2026-11-27]").TextContent.ShouldContain("Stängt");
        cut.FindAll("[data-testid=oh-exceptions-error]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRemoveExceptionWhenManagerClicksRemove()
    {
        var cut = RenderPanel(Manager);
        cut.Find("[data-testid=oh-new-exception-date]").Input("2026-11-27");
        cut.Find("[data-testid=oh-new-exception-reason]").Input("Planeringsdag");
        cut.Find("[data-testid=oh-new-exception-add]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-exception-remove-2026-11-27]"));

        cut.Find("[data-testid=oh-exception-remove-2026-11-27]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-exceptions-empty]"));
    }

    [Fact]
    public void ShouldConfirmHolidayClosedAndOpenWhenManagerAnswers()
    {
        var cut = RenderPanel(Manager);
        cut.Find("[data-testid=oh-holiday-status-2026-12-24]").TextContent.ShouldContain("Ej bekräftad");
        cut.Find("[data-testid=oh-holiday-hours-2026-12-24]").TextContent.ShouldBe("Stängt");

        cut.Find("[data-testid=oh-holiday-close-2026-12-25]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holiday-status-2026-12-25]").TextContent.ShouldContain("Bekräftad"));
        cut.Find("[data-testid=oh-holiday-status-2026-12-25]").TextContent.ShouldNotContain("Ej bekräftad");

        cut.Find("[data-testid=oh-holiday-closes-2026-12-24]").Input("12:00");
        cut.Find("[data-testid=oh-holiday-open-2026-12-24]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holiday-hours-2026-12-24]").TextContent.ShouldBe("Öppet 09:00–12:00"));
        cut.Find("[data-testid=oh-holiday-status-2026-12-24]").TextContent.ShouldContain("Maria Chef");
    }

    [Fact]
    public void ShouldMakeTheHolidayUnconfirmedAgainWhenManagerWithdrawsTheDecision()
    {
        var cut = RenderPanel(Manager);
        cut.FindAll("[data-testid=oh-holiday-withdraw-2026-12-25]").ShouldBeEmpty();
        cut.Find("[data-testid=oh-holiday-close-2026-12-25]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holiday-withdraw-2026-12-25]"));

        cut.Find("[data-testid=oh-holiday-withdraw-2026-12-25]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holiday-status-2026-12-25]").TextContent.ShouldContain("Ej bekräftad"));
        cut.FindAll("[data-testid=oh-holiday-withdraw-2026-12-25]").ShouldBeEmpty();
        cut.Find("[data-testid=oh-holiday-hours-2026-12-25]").TextContent.ShouldBe("Stängt");
    }

    [Fact]
    public void ShouldRefuseHolidayOpeningWhenTimeIsBad()
    {
        var cut = RenderPanel(Manager);

        cut.Find("[data-testid=oh-holiday-opens-2026-12-31]").Input("nio");
        cut.Find("[data-testid=oh-holiday-open-2026-12-31]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holidays-error]").TextContent
            .ShouldBe("Öppningstiden kunde inte läsas: skriv tiden som TT:MM, t.ex. 09:00."));
        cut.Find("[data-testid=oh-holiday-status-2026-12-31]").TextContent.ShouldContain("Ej bekräftad");
    }

    [Fact]
    public void ShouldShowReadOnlyHoursWhenAdvisorViews()
    {
        var cut = RenderPanel(TestDatabase.Staff(_office, StaffRoles.Advisor));

        cut.Find("[data-testid=oh-readonly]");
        cut.Find("[data-testid=oh-weekly-text-thu]").TextContent.ShouldBe("09:00–19:00");
        cut.FindAll("[data-testid=oh-weekly-save]").ShouldBeEmpty();
        cut.FindAll("[data-testid=oh-new-exception-add]").ShouldBeEmpty();
        cut.FindAll("[data-testid^=oh-holiday-close-]").ShouldBeEmpty();
        cut.Find("[data-testid=oh-holiday-status-2026-12-24]").TextContent.ShouldContain("Ej bekräftad");
    }

    [Fact]
    public async Task ShouldUpdateLiveWhenAnotherScreenChangesOpeningHours()
    {
        var cut = RenderPanel(TestDatabase.Staff(_office, StaffRoles.Advisor));

        await _commands.ConfirmHolidayAsync(Manager, new DateOnly(2026, 12, 24), null);
        await _commands.AddExceptionAsync(Manager, new DateOnly(2026, 11, 27), null, "Planeringsdag");

        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-holiday-status-2026-12-24]").TextContent.ShouldContain("Bekräftad"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=oh-exception-2026-11-27]").TextContent.ShouldContain("Planeringsdag"));
    }
}
