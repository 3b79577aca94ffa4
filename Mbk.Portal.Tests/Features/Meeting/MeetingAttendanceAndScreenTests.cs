using AngleSharp.Dom;
using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Domain.Meeting;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Meeting.Pages;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.Features.Almanac.Staffing;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>Attendance among the office's staff (today's staffing ticked at the start) and the room's big screen following the chair.</summary>
public sealed class MeetingAttendanceAndScreenTests : MudBunitContext
{
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;
    private MeetingCommands _commands = default!;
    private MeetingQueries _queries = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
        _commands = new MeetingCommands(_database, _office.Clock);
        _queries = new MeetingQueries(_database, _office.Clock);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_office.Clock);
        Services.AddSingleton(_commands);
        Services.AddSingleton(_queries);
        Services.AddSingleton(new YesterdaysFigures(new StatisticsQueries(_database)));
        Services.AddSingleton(_office.Queries);
        Services.AddSingleton(new Mbk.Portal.Features.Feedback.FeedbackQueries(_database, new Mbk.Portal.Features.Almanac.OpeningHours.OpeningScheduleQueries(_database, _office.Clock), _office.Clock));
        RenderMudProviders();
    }

    private static IElement CheckBox(IRenderedComponent<MeetingPanel> cut, string testId)
    {
        var element = cut.Find($"[data-testid={testId}]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    [Fact]
    public async Task ShouldTickTodaysStaffingAtTheStartAndLetTheChairTickTheOthers()
    {
        await _office.Commands.AssignAsync(_office.Manager, StaffingTestOffice.Today, DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId);
        var chair = Render<MeetingPanel>(p => p.Add(c => c.Staff, _office.Manager));
        var bo = Render<MeetingPanel>(p => p.Add(c => c.Staff, _office.Bo));
        chair.WaitForAssertion(() => chair.Find("[data-testid=meeting-start]"));

        chair.Find("[data-testid=meeting-start]").Click();

        chair.WaitForAssertion(() =>
        {
            chair.Find($"[data-testid=meeting-attendance-{_office.Manager.UserId}]");
            chair.Find($"[data-testid=meeting-attendance-{_office.Amina.UserId}]");
            chair.Find($"[data-testid=meeting-attendance-choice-{_office.Bo.UserId}]");
        });
        chair.FindAll($"[data-testid$='{_office.InactiveUserId}']").ShouldBeEmpty("deactivated accounts are not offered");
        bo.WaitForAssertion(() => bo.Find("[data-testid=meeting-attend-me]"));

        CheckBox(chair, $"meeting-attendance-choice-{_office.Bo.UserId}").Change(true);

        chair.WaitForAssertion(() => chair.Find($"[data-testid=meeting-attendance-{_office.Bo.UserId}]"));
        bo.WaitForAssertion(() => bo.FindAll("[data-testid=meeting-attend-me]").ShouldBeEmpty());
        (await _queries.TodayAsync(_office.Manager))!.Attendees.Select(a => a.DisplayName).ShouldBe(["Maria Chef", "Amina Vägledare", "Bo Vägledare"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldFollowTheChairOnTheBigScreenWithDecisionsAsTheyAreRecorded()
    {
        var screen = Render<MeetingScreen>(p => p.Add(c => c.Staff, _office.Amina));
        screen.WaitForAssertion(() => screen.Find("[data-testid=meeting-screen-waiting]"));
        var id = await _commands.GetOrCreateTodaysMeetingAsync(_office.Manager);
        await _commands.StartAsync(_office.Manager, id);

        screen.WaitForAssertion(() => screen.Find("[data-testid=meeting-screen-current] h1").TextContent.ShouldBe("Gårdagens siffror"));
        screen.FindAll("button").ShouldBeEmpty("the big screen has no controls");

        await _commands.GoToAsync(_office.Manager, id, 1);
        await _commands.RecordDecisionAsync(_office.Manager, id, 1, new DecisionInput("Två i disken på måndagar.", DecisionCategory.Rutin, null, null, _office.Bo.UserId));

        screen.WaitForAssertion(() =>
        {
            screen.Find("[data-testid=meeting-screen-current] h1").TextContent.ShouldBe("Dagens bemanning");
            var decision = screen.Find("[data-testid=meeting-screen-decision]").TextContent;
            decision.ShouldContain("Två i disken på måndagar.");
            decision.ShouldContain("ansvarig Bo Vägledare");
            screen.Find("[data-testid=meeting-screen-decision] [data-testid=decision-status]").TextContent.ShouldBe("gällande");
        });
    }
}
