using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.Events;

/// <summary>The /almanac panel on a real SQLite file: views in Swedish, entries from every source, the dialog, live updates.</summary>
public sealed class AlmanacPanelTests : MudBunitContext
{
    // Monday 23 November 2026, 09:00 in Stockholm (ISO week 48).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private AlmanacEventCommands _commands = default!;
    private StaffContext _advisor = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync("Medborgarkontoret Almanacka", "alm-" + Guid.NewGuid().ToString("N")[..8]);
        _commands = new AlmanacEventCommands(_database, _clock);
        var queries = new AlmanacEventQueries(_database);
        _advisor = TestDatabase.Staff(_office, StaffRoles.Advisor);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_commands);
        Services.AddSingleton(queries);
        Services.AddSingleton<IAlmanacEntrySource>(new AlmanacEventEntrySource(queries));
        Services.AddSingleton<IAlmanacEntrySource>(new FixedSource(new AlmanacEntry(
            new DateOnly(2026, 11, 24), new TimeOnly(9, 0), new TimeOnly(19, 0), CalendarEventKind.OpeningHours, "Öppet 09–19")));
        RenderMudProviders();
    }

    private sealed class FixedSource(params AlmanacEntry[] entries) : IAlmanacEntrySource
    {
        public Task<IReadOnlyList<AlmanacEntry>> GetEntriesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AlmanacEntry>>(entries.Where(e => e.Date >= first && e.Date <= last).ToList());
    }

    private IRenderedComponent<AlmanacPanel> RenderPanel(string? view = null, string? date = null)
    {
        var cut = Render<AlmanacPanel>(p => p.Add(c => c.Staff, _advisor).Add(c => c.View, view).Add(c => c.Date, date));
        cut.WaitForAssertion(() => cut.Find("[data-testid=almanac-title]"));
        return cut;
    }

    private static string Title(IRenderedComponent<AlmanacPanel> cut) => cut.Find("[data-testid=almanac-title]").TextContent.Trim();

    [Fact]
    public void ShouldShowTheIsoWeekMondayFirstWithEntriesOfEverySource()
    {
        var cut = RenderPanel();

        Title(cut).ShouldBe("Vecka 48 · 23–29 november 2026");
        cut.FindAll("[data-testid=almanac-day-heading]").Select(h => h.TextContent).ShouldBe(
            ["mån 23/11", "tis 24/11", "ons 25/11", "tors 26/11", "fre 27/11", "lör 28/11", "sön 29/11"]);
        var entry = cut.Find("[data-testid=almanac-entry]");
        entry.GetAttribute("data-kind").ShouldBe("OpeningHours");
        entry.TextContent.ShouldContain("Öppettider");
        entry.TextContent.ShouldContain("09:00–19:00");
    }

    [Fact]
    public void ShouldStepBetweenViewsAndPeriodsAndKeepThemInTheAddress()
    {
        var cut = RenderPanel();
        var navigation = Services.GetRequiredService<NavigationManager>();

        cut.Find("[data-testid=almanac-next]").Click();
        cut.WaitForAssertion(() => Title(cut).ShouldBe("Vecka 49 · 30 november – 6 december 2026"));
        navigation.Uri.ShouldEndWith("?view=week&date=2026-11-30");

        cut.Find("[data-testid=almanac-view-month]").Click();
        cut.WaitForAssertion(() => Title(cut).ShouldBe("November 2026"));
        cut.FindAll(".almanac-month tbody tr").Count.ShouldBe(6); // weeks 44–49, Monday first
        cut.Find(".almanac-month tbody th").TextContent.ShouldBe("44");

        cut.Find("[data-testid=almanac-view-day]").Click();
        cut.WaitForAssertion(() => Title(cut).ShouldBe("Måndag 30 november 2026 · vecka 49"));
        cut.Find("[data-testid=almanac-today]").Click();
        cut.WaitForAssertion(() => Title(cut).ShouldBe("Måndag 23 november 2026 · vecka 48"));
        navigation.Uri.ShouldEndWith("?view=day&date=2026-11-23");
    }

    [Fact]
    public async Task ShouldShowAnEventAddedElsewhereLive()
    {
        var cut = RenderPanel();
        cut.FindAll("[data-testid=almanac-entry]").Count.ShouldBe(1);

        await _commands.AddAsync(_advisor, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", new DateOnly(2026, 11, 25), new TimeOnly(13, 0), new TimeOnly(16, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday])));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=almanac-entry][data-kind=PartnerVisit]").Single().TextContent.ShouldContain("Skatteverket"));
        cut.Find("[data-testid=almanac-entry][data-kind=PartnerVisit]").TextContent.ShouldContain("Varje vecka på onsdag");
    }

    [Fact]
    public void ShouldAddAWeeklySeriesThroughTheDialog()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=almanac-add]").Click();
        cut.Find("[data-testid=event-kind]").Change(CalendarEventKind.Course.ToString());
        cut.Find("[data-testid=event-title]").Input("Datakurs för nybörjare");
        cut.Find("[data-testid=event-date]").Change("2026-11-24");
        cut.Find("[data-testid=event-start]").Change("10:00:00");
        cut.Find("[data-testid=event-end]").Change("12:00:00");
        cut.Find("[data-testid=event-repeat]").Change(RepeatChoice.Weekly.ToString());
        cut.Find("[data-testid=event-weekday-tuesday]").Change(true);
        cut.Find("[data-testid=event-weekday-thursday]").Change(true);
        cut.Find("[data-testid=event-ends]").Change(RepeatEnd.Count.ToString());
        cut.Find("[data-testid=event-count]").Change("4");
        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=almanac-entry][data-kind=Course]").Count.ShouldBe(2));
        cut.FindAll("[data-testid=almanac-form]").ShouldBeEmpty();
        cut.Find("[data-testid=almanac-entry][data-kind=Course]").TextContent.ShouldContain("Varje vecka på tisdag och torsdag, 4 gånger");
    }

    [Fact]
    public void ShouldKeepTheDialogWithASwedishMessageWhenInputIsRefused()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=almanac-add]").Click();
        cut.Find("[data-testid=event-title]").Input("Informationsmöte");
        cut.Find("[data-testid=event-start]").Change("15:00:00");
        cut.Find("[data-testid=event-end]").Change("14:00:00");
        cut.Find("[data-testid=event-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=event-error]").TextContent.ShouldBe("Sluttiden måste vara efter starttiden."));
        cut.Find("[data-testid=event-title]").GetAttribute("value").ShouldBe("Informationsmöte");
    }

    [Fact]
    public async Task ShouldCancelOnlyTheChosenOccurrence()
    {
        await _commands.AddAsync(_advisor, new CalendarEventDetails(
            CalendarEventKind.Supervision, "Handledning", new DateOnly(2026, 11, 23), new TimeOnly(13, 0), new TimeOnly(15, 0),
            Recurrence: Recurrence.Daily(count: 3)));
        var cut = RenderPanel();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=almanac-entry][data-kind=Supervision]").Count.ShouldBe(3));

        cut.FindAll("[data-testid=almanac-entry][data-kind=Supervision] button")[1].Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=event-scope]"));
        cut.Find("[data-testid=event-date]").GetAttribute("value").ShouldBe("2026-11-24");
        cut.Find("[data-testid=event-delete]").Click();
        cut.Find("[data-testid=event-delete-confirm]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=almanac-entry][data-kind=Supervision]").Count.ShouldBe(2));
        cut.FindAll("[data-testid=almanac-day-heading]")[1].ParentElement!.TextContent.ShouldNotContain("Handledning");
    }
}
