using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Meeting.Pages;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

/// <summary>The morning meeting's standing point "Dagens bemanning" shows today's staffing, live.</summary>
public sealed class MeetingStaffingPointTests : MudBunitContext
{
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_office.Clock);
        Services.AddSingleton(new MeetingCommands(_database, _office.Clock));
        Services.AddSingleton(new MeetingQueries(_database, _office.Clock));
        Services.AddSingleton(new YesterdaysFigures(new StatisticsQueries(_database)));
        Services.AddSingleton(new Mbk.Portal.Features.Feedback.FeedbackQueries(_database, new Mbk.Portal.Features.Almanac.OpeningHours.OpeningScheduleQueries(_database, _office.Clock), _office.Clock));
        Services.AddSingleton(_office.Queries);
        RenderMudProviders();
    }

    [Fact]
    public async Task ShouldShowTodaysStaffingWhenTheMeetingReachesDagensBemanning()
    {
        await _office.Commands.AssignAsync(_office.Amina, StaffingTestOffice.Today, DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId);
        var cut = Render<MeetingPanel>(p => p.Add(c => c.Staff, _office.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-start]"));
        cut.Find("[data-testid=meeting-start]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-next]"));
        cut.FindAll("[data-testid=todays-staffing]").ShouldBeEmpty();

        cut.Find("[data-testid=meeting-next]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-current-title]").TextContent.ShouldBe("Dagens bemanning"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=todays-staffing-row]").TextContent.Trim().ShouldBe("Informationsdisken: Amina Vägledare"));

        await _office.Commands.AssignAsync(_office.Bo, StaffingTestOffice.Today, DayPart.Forenoon, _office.Table1.Id, _office.Bo.UserId);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=todays-staffing-row]").Count.ShouldBe(2));
    }
}
