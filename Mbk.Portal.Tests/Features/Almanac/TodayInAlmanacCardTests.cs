using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac;

/// <summary>The start page's "I dag i almanackan": today's entries of every source but staffing, live.</summary>
public sealed class TodayInAlmanacCardTests : MudBunitContext
{
    // Wednesday 25 November 2026, 09:00 in Stockholm.
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private AlmanacEventCommands _commands = default!;
    private StaffContext _advisor = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync("Medborgarkontoret Idag", "idag-" + Guid.NewGuid().ToString("N")[..8]);
        _commands = new AlmanacEventCommands(_database, _clock);
        _advisor = TestDatabase.Staff(_office, StaffRoles.Advisor);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new StaffingQueries(_database, _clock));
        Services.AddSingleton<IAlmanacEntrySource>(new AlmanacEventEntrySource(new AlmanacEventQueries(_database)));
        Services.AddSingleton<IAlmanacEntrySource>(new FixedSource(
            new AlmanacEntry(Today, new TimeOnly(9, 0), new TimeOnly(16, 0), CalendarEventKind.OpeningHours, "Öppet 09:00–16:00"),
            new AlmanacEntry(Today, new TimeOnly(9, 0), new TimeOnly(12, 0), CalendarEventKind.Staffing, "Bord 1: Amina (förmiddag)"),
            new AlmanacEntry(Today.AddDays(1), null, null, CalendarEventKind.Holiday, "Stängt – i morgon")));
        RenderMudProviders();
    }

    private sealed class FixedSource(params AlmanacEntry[] entries) : IAlmanacEntrySource
    {
        public Task<IReadOnlyList<AlmanacEntry>> GetEntriesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AlmanacEntry>>(entries.Where(e => e.Date >= first && e.Date <= last).ToList());
    }

    private static List<string> Entries(IRenderedComponent<TodayInAlmanacCard> cut) =>
        cut.FindAll("[data-testid=todays-almanac-entry]").Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))).ToList();

    [Fact]
    public async Task ShouldListTodaysEntriesButNotStaffingOrOtherDaysAndFollowNewEventsLive()
    {
        var cut = Render<TodayInAlmanacCard>(p => p.Add(c => c.OfficeId, _office.Id));
        cut.WaitForAssertion(() => Entries(cut).ShouldBe(["Öppettider 09:00–16:00 Öppet 09:00–16:00"]));
        cut.Find("[data-testid=todays-almanac-link]").GetAttribute("href").ShouldBe("/almanac?view=day&date=2026-11-25");

        await _commands.AddAsync(_advisor, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", Today, new TimeOnly(13, 0), new TimeOnly(16, 0)));

        cut.WaitForAssertion(() => Entries(cut).ShouldBe(
            ["Öppettider 09:00–16:00 Öppet 09:00–16:00", "Partnerbesök 13:00–16:00 Skatteverket"]));
    }

    [Fact]
    public void ShouldSaySoWhenNothingIsInTheAlmanacToday()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));

        var cut = Render<TodayInAlmanacCard>(p => p.Add(c => c.OfficeId, _office.Id));

        cut.WaitForAssertion(() => cut.Find("[data-testid=todays-almanac-empty]").TextContent.ShouldBe("Inget inlagt i almanackan i dag"));
    }
}
