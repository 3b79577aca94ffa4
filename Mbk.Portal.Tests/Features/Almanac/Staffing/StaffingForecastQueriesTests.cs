using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

/// <summary>The week's staffing need from the office's own queue history, on a real SQLite file.</summary>
[Trait("Providers", "Both")]
public sealed class StaffingForecastQueriesTests : IAsyncLifetime
{
    private static readonly IsoWeekNumber Week48 = new(2026, 48);
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldNeedTwoAdvisorsOnTuesdayForenoonWhenTwelveVisitorsAnHourCameOnPastTuesdays()
    {
        await StaffingHistorySeed.BusyTuesdayMorningsAsync(_database, _office.Office.Id, Week48.Monday, perHour: 12, serviceMinutes: 6);

        var forecast = await _office.Forecasts.GetWeekAsync(_office.Office.Id, Week48);

        forecast.ServiceTimeMeasured.ShouldBeTrue();
        forecast.MeanServiceMinutes.ShouldBe(6, 0.001);
        forecast.TargetWaitMinutes.ShouldBe(20);
        var tuesday = new DateOnly(2026, 11, 24);
        var forenoon = forecast.Need(tuesday, DayPart.Forenoon)!;
        forenoon.ExpectedArrivals.ShouldBe(12, 0.001);
        // 12 an hour × 6 min = 1.2 erlangs: one advisor serves 63 % within 20 min, two serve 99 %.
        forenoon.Needed.ShouldBe(2);
        forecast.Need(tuesday, DayPart.Afternoon)!.Needed.ShouldBe(1);
        // Mondays had no visitors but were open: the desk still needs someone.
        forecast.Need(Week48.Monday, DayPart.Forenoon)!.Needed.ShouldBe(1);
        forecast.Need(Week48.Sunday, DayPart.Forenoon)!.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldSayThereIsNoForecastWhenTheOfficeHasNoHistoryBeforeTheWeek()
    {
        var forecast = await _office.Forecasts.GetWeekAsync(_office.Office.Id, new IsoWeekNumber(2020, 10));

        forecast.ServiceTimeMeasured.ShouldBeFalse();
        forecast.Needs.Where(n => n.IsOpen).ShouldAllBe(n => n.Needed == null);
    }

    [Fact]
    public async Task ShouldNoteThePartnerVisitsOfTheWeek()
    {
        var events = new AlmanacEventCommands(_database, _office.Clock);
        await events.AddAsync(_office.Manager, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", new DateOnly(2026, 11, 25), new TimeOnly(13, 0), new TimeOnly(16, 0)));

        var forecast = await _office.Forecasts.GetWeekAsync(_office.Office.Id, Week48);

        forecast.PartnerVisits[new DateOnly(2026, 11, 25)].ShouldBe(["Skatteverket 13:00–16:00"]);
    }
}
