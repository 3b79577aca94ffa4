using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Almanac.OpeningHours;

/// <summary>The kiosk, the end of day and the statistics read their opening hours from the almanac's schedule.</summary>
public sealed class OpeningScheduleIntegrationTests : IAsyncLifetime
{
    private const string Weekdays = "mon=09:00-16:00;tue=09:00-16:00;wed=09:00-16:00;thu=09:00-19:00;fri=09:00-16:00;sat=closed;sun=closed";

    // Wednesday 25 November 2026, 10:00 in Stockholm (UTC+1).
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;
    private OpeningScheduleCommands _schedule = default!;
    private StaffContext _manager = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database, _clock, openingHours: Weekdays);
        _schedule = new OpeningScheduleCommands(_database, _clock);
        _manager = await _office.StaffAsync("Maria Chef", StaffRoles.Manager);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static DayHours Hours(int opens, int closes) => new(new TimeOnly(opens, 0), new TimeOnly(closes, 0));

    [Fact]
    public async Task ShouldRefuseKioskTicketAndPointToNextDayWhenTodayIsClosedByException()
    {
        await _schedule.AddExceptionAsync(_manager, new DateOnly(2026, 11, 25), null, "Planeringsdag");

        var result = await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, "kiosk-1");
        var kiosk = await _office.Queries.GetKioskAsync(_office.Office.Slug);
        var display = await _office.Queries.GetDisplayAsync(_office.Office.Slug);

        result.Refusal.ShouldBe(KioskRefusal.Closed);
        result.NextOpening.ShouldBe(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        kiosk!.IsOpen.ShouldBeFalse();
        kiosk.NextOpening.ShouldBe(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
        display!.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldIssueTicketAgainWhenExceptionIsRemoved()
    {
        var id = await _schedule.AddExceptionAsync(_manager, new DateOnly(2026, 11, 25), null, "Planeringsdag");
        await _schedule.RemoveExceptionAsync(_manager, id);

        (await _office.TakeAsync(_office.ServiceA)).ShouldBe("A001");
    }

    [Fact]
    public async Task ShouldKeepKioskClosedOnUnconfirmedHolidayAndOpenWhenManagerConfirmsOpen()
    {
        // Thursday 24 December 2026, 10:00: julafton on a normally open day.
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero));

        var refused = await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, "kiosk-1");
        refused.Refusal.ShouldBe(KioskRefusal.Closed);
        refused.NextOpening.ShouldBe(new DateTimeOffset(2026, 12, 28, 8, 0, 0, TimeSpan.Zero), "juldagen is closed too, then the weekend");

        await _schedule.ConfirmHolidayAsync(_manager, new DateOnly(2026, 12, 24), Hours(9, 12));

        (await _office.TakeAsync(_office.ServiceA)).ShouldBe("A001");
    }

    [Fact]
    public async Task ShouldCloseQueueAtChangedClosingTimeWhenExceptionShortensDay()
    {
        await _schedule.AddExceptionAsync(_manager, new DateOnly(2026, 11, 25), Hours(9, 12), "Personalmöte på eftermiddagen");
        await _office.TakeAsync(_office.ServiceA);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 10, 59, 0, TimeSpan.Zero)); // 11:59 local
        (await _office.Commands.CloseEndedDaysAsync(TimeSpan.Zero)).ShouldBe(0);

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero)); // 12:00 local
        (await _office.Commands.CloseEndedDaysAsync(TimeSpan.Zero)).ShouldBe(1);
        (await _office.TicketsAsync()).ShouldHaveSingleItem().Status.ShouldBe(TicketStatus.NotServed);
    }

    [Fact]
    public async Task ShouldKeepQueueOpenPastUsualClosingWhenExceptionLengthensDay()
    {
        await _schedule.AddExceptionAsync(_manager, new DateOnly(2026, 11, 25), Hours(9, 20), "Advokatjour");
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero)); // 18:00 local
        await _office.TakeAsync(_office.ServiceA);

        (await _office.Commands.CloseEndedDaysAsync(TimeSpan.Zero)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldSplitStatisticsByScheduleWhenEveningAndHolidayComeFromAlmanac()
    {
        // Wednesday: open to 20:00 by exception, so 18:00 is evening; Kristi himmelsfärdsdag 2027 (Thursday 6 May)
        // confirmed open counts with the weekend.
        await _schedule.AddExceptionAsync(_manager, new DateOnly(2026, 11, 25), Hours(9, 20), "Advokatjour");
        await _office.TakeAsync(_office.ServiceA); // 10:00: day
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 17, 0, 0, TimeSpan.Zero));
        await _office.TakeAsync(_office.ServiceA); // 18:00: evening
        await _schedule.ConfirmHolidayAsync(_manager, new DateOnly(2027, 5, 6), Hours(10, 14));
        _clock.SetUtcNow(new DateTimeOffset(2027, 5, 6, 9, 0, 0, TimeSpan.Zero)); // 11:00 CEST
        await _office.TakeAsync(_office.ServiceA);

        var statistics = new StatisticsQueries(_database);
        var november = await statistics.GetReportAsync(_office.Office.Id, StatisticsPeriod.Day(new DateOnly(2026, 11, 25)));
        var ascension = await statistics.GetReportAsync(_office.Office.Id, StatisticsPeriod.Day(new DateOnly(2027, 5, 6)));

        november.Visitors.DayParts.Day.ShouldBe(1);
        november.Visitors.DayParts.Evening.ShouldBe(1);
        november.Visitors.DayParts.Weekend.ShouldBe(0);
        ascension.Visitors.DayParts.Weekend.ShouldBe(1);
        ascension.Visitors.DayParts.Day.ShouldBe(0);
    }
}
