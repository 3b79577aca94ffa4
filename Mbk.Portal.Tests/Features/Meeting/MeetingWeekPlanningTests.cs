using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Meeting.Pages;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.Features.Almanac.Staffing;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>The Monday meeting's "Veckoplanering" shows the week's almanac (events and closures, not the regular hours), live.</summary>
[Trait("Providers", "Both")]
public sealed class MeetingWeekPlanningTests : MudBunitContext
{
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;
    private AlmanacEventCommands _events = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
        // Monday 30 November 2026, 08:00 in Stockholm: the Monday agenda with "Veckoplanering".
        _office.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero));
        _events = new AlmanacEventCommands(_database, _office.Clock);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_office.Clock);
        Services.AddSingleton(new MeetingCommands(_database, _office.Clock));
        Services.AddSingleton(new MeetingQueries(_database, _office.Clock));
        Services.AddSingleton(new YesterdaysFigures(new StatisticsQueries(_database)));
        Services.AddSingleton(new Mbk.Portal.Features.Feedback.FeedbackQueries(_database, new Mbk.Portal.Features.Almanac.OpeningHours.OpeningScheduleQueries(_database, _office.Clock), _office.Clock));
        Services.AddSingleton(_office.Queries);
        Services.AddSingleton(_office.Forecasts);
        Services.AddSingleton<IAlmanacEntrySource>(new AlmanacEventEntrySource(new AlmanacEventQueries(_database)));
        RenderMudProviders();
    }

    [Fact]
    public async Task ShouldShowTheWeeksEventsWhenTheMondayMeetingReachesVeckoplanering()
    {
        await _events.AddAsync(_office.Manager, new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", new DateOnly(2026, 12, 2), new TimeOnly(13, 0), new TimeOnly(16, 0)));
        await _events.AddAsync(_office.Manager, new CalendarEventDetails(
            CalendarEventKind.Course, "Datakurs nästa vecka", new DateOnly(2026, 12, 8), new TimeOnly(10, 0), new TimeOnly(12, 0)));
        var cut = Render<MeetingPanel>(p => p.Add(c => c.Staff, _office.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-start]"));
        cut.Find("[data-testid=meeting-start]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-next]"));

        while (cut.Find("[data-testid=meeting-current-title]").TextContent != "Veckoplanering")
        {
            cut.FindAll("[data-testid=todays-almanac]").ShouldBeEmpty();
            var before = cut.Find("[data-testid=meeting-current-title]").TextContent;
            cut.Find("[data-testid=meeting-next]").Click();
            cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-current-title]").TextContent.ShouldNotBe(before));
        }

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=todays-almanac-entry]").Count.ShouldBe(1));
        cut.Find("[data-testid=todays-almanac-entry]").TextContent.ShouldContain("Skatteverket");
        cut.Find("[data-testid=todays-almanac-entry]").TextContent.ShouldContain("ons 2 dec");

        await _events.AddAsync(_office.Amina, new CalendarEventDetails(
            CalendarEventKind.StudyVisit, "Studiebesök från Rågsved", new DateOnly(2026, 12, 4)));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=todays-almanac-entry]").Count.ShouldBe(2));
        cut.FindAll("[data-testid=todays-almanac-entry]")[1].TextContent.ShouldContain("Studiebesök från Rågsved");
    }
}
