using Bunit;
using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Meeting.Pages;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>The /meeting panel on a real SQLite file: agenda, starting, stepping, decisions and refused notes.</summary>
public sealed class MeetingPanelTests : MudBunitContext
{
    // Tuesday 24 November 2026, 08:00 in Stockholm.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 7, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private Office _office = default!;
    private MeetingCommands _commands = default!;
    private MeetingQueries _queries = default!;
    private StaffContext _advisor = default!;
    private StaffContext _colleague = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await _database.AddOfficeAsync("Medborgarkontoret Möte", "mote-" + Guid.NewGuid().ToString("N")[..8]);
        _commands = new MeetingCommands(_database, _clock);
        _queries = new MeetingQueries(_database, _clock);
        _advisor = TestDatabase.Staff(_office, StaffRoles.Advisor) with { DisplayName = "Sara Vägledare" };
        _colleague = TestDatabase.Staff(_office, StaffRoles.Advisor) with { DisplayName = "Ahmed Kollega" };
        await _database.AddStaffAsync(_office, _advisor, _colleague);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(_commands);
        Services.AddSingleton(_queries);
        Services.AddSingleton(new YesterdaysFigures(new Mbk.Portal.Features.Statistics.Report.StatisticsQueries(_database)));
        Services.AddSingleton(new Mbk.Portal.Features.Feedback.FeedbackQueries(_database, new Mbk.Portal.Features.Almanac.OpeningHours.OpeningScheduleQueries(_database, _clock), _clock));
        Services.AddSingleton(new Mbk.Portal.Features.Almanac.Staffing.StaffingQueries(_database, _clock));
        RenderMudProviders();
    }

    private IRenderedComponent<MeetingPanel> RenderPanel(StaffContext? staff = null)
    {
        var cut = Render<MeetingPanel>(p => p.Add(c => c.Staff, staff ?? _advisor));
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-item-0]"));
        return cut;
    }

    private static string CurrentTitle(IRenderedComponent<MeetingPanel> cut) => cut.Find("[data-testid=meeting-current-title]").TextContent.Trim();

    private static IRenderedComponent<MeetingPanel> Started(IRenderedComponent<MeetingPanel> cut)
    {
        // The panel may still be rendering what it loaded: find and click in one go on the renderer's thread.
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-start]"));
        cut.InvokeAsync(() => cut.Find("[data-testid=meeting-start]").Click()).GetAwaiter().GetResult();
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-current-title]"));
        return cut;
    }

    [Fact]
    public async Task ShouldShowTodaysAgendaAndStartButtonBeforeTheMeetingStarts()
    {
        await _commands.ProposePointAsync(_colleague, "Trasig skrivare", "Skrivaren vid bord 2");

        var cut = RenderPanel();

        cut.Find("[data-testid=meeting-item-0]").TextContent.ShouldContain("Gårdagens siffror");
        cut.Find("[data-testid=meeting-item-4]").TextContent.ShouldContain("Trasig skrivare");
        cut.Find("[data-testid=meeting-start]").TextContent.ShouldContain("Starta mötet");
        cut.Find("[data-testid=meeting-not-started]").ShouldNotBeNull();
        cut.FindAll("[data-testid=meeting-next]").ShouldBeEmpty();
        cut.FindAll("li.current").ShouldBeEmpty();
        (await _queries.TodayAsync(_advisor)).ShouldNotBeNull();
    }

    [Fact]
    public void ShouldMakeThePresserChairAndHighlightTheFirstItemWhenStarting()
    {
        var cut = Started(RenderPanel());

        CurrentTitle(cut).ShouldBe("Gårdagens siffror");
        var first = cut.Find("[data-testid=meeting-item-0]");
        first.ClassList.ShouldContain("current");
        first.GetAttribute("aria-current").ShouldBe("step");
        cut.Find("[data-testid=meeting-status]").TextContent.ShouldContain("ordförande Sara Vägledare");
        cut.Find("[data-testid=meeting-attendance]").TextContent.ShouldContain("Sara Vägledare");
        cut.FindAll("[data-testid=meeting-attend-me]").ShouldBeEmpty();
        cut.FindAll("[data-testid=meeting-start]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldMoveTheCurrentItemOnNextAndFollowOnAnotherScreen()
    {
        var chair = Started(RenderPanel());
        var other = RenderPanel(_colleague);
        other.WaitForAssertion(() => CurrentTitle(other).ShouldBe("Gårdagens siffror"));
        other.FindAll("[data-testid=meeting-next]").ShouldBeEmpty();

        chair.Find("[data-testid=meeting-next]").Click();

        chair.WaitForAssertion(() => CurrentTitle(chair).ShouldBe("Dagens bemanning"));
        chair.Find("[data-testid=meeting-item-1]").GetAttribute("aria-current").ShouldBe("step");
        chair.Find("[data-testid=meeting-item-0]").ClassList.ShouldNotContain("current");
        other.WaitForAssertion(() => CurrentTitle(other).ShouldBe("Dagens bemanning"));
        other.Find("[data-testid=meeting-item-1]").ClassList.ShouldContain("current");
    }

    [Fact]
    public void ShouldGoToAClickedItemAndBackWithPrevious()
    {
        var cut = Started(RenderPanel());

        cut.Find("[data-testid=meeting-item-3] button").Click();
        cut.WaitForAssertion(() => CurrentTitle(cut).ShouldBe("Information"));
        cut.Find("[data-testid=meeting-prev]").Click();

        cut.WaitForAssertion(() => CurrentTitle(cut).ShouldBe("Synpunkter från besökare"));
    }

    [Fact]
    public void ShouldShowTheDecisionRowOnBothScreensWhenSaved()
    {
        var cut = Started(RenderPanel());
        var other = RenderPanel(_colleague);
        cut.Find("[data-testid=meeting-decisions-empty]").ShouldNotBeNull();

        cut.Find("[data-testid=decision-text]").Input("Vi öppnar disk 2 kl. 9 på måndagar.");
        cut.Find("[data-testid=decision-category]").Change("Rutin");
        cut.Find("[data-testid=decision-responsible]").Change(_colleague.UserId);
        cut.Find("[data-testid=decision-save]").Click();

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=meeting-decision]");
            row.TextContent.ShouldContain("Vi öppnar disk 2 kl. 9 på måndagar.");
            row.TextContent.ShouldContain("rutin");
            row.TextContent.ShouldContain("ansvarig Ahmed Kollega");
        });
        cut.Find("[data-testid=decision-text]").GetAttribute("value").ShouldBeNullOrEmpty();
        other.WaitForAssertion(() => other.Find("[data-testid=meeting-decision]").TextContent.ShouldContain("Vi öppnar disk 2 kl. 9"));
    }

    [Fact]
    public void ShouldRefuseADecisionWithoutCategoryAndKeepTheText()
    {
        var cut = Started(RenderPanel());

        cut.Find("[data-testid=decision-text]").Input("Nytt beslut");
        cut.Find("[data-testid=decision-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-error]").TextContent.ShouldContain("Välj en kategori"));
        cut.Find("[data-testid=decision-text]").GetAttribute("value").ShouldBe("Nytt beslut");
        cut.FindAll("[data-testid=meeting-decision]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldKeepTheDraftAndShowTheCurrentTextWhenNotesSaveIsRefused()
    {
        var cut = Started(RenderPanel());
        var meeting = (await _queries.TodayAsync(_advisor))!;
        cut.Find("[data-testid=meeting-notes]").Input("Min version av siffrorna");

        await _commands.SaveNotesAsync(_colleague, meeting.Id, 0, "142 besökare i går.", meeting.Items[0].NotesVersion);
        cut.Find("[data-testid=meeting-notes-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-notes-error]").TextContent.ShouldContain("har ändrats av någon annan"));
        cut.Find("[data-testid=meeting-notes-current]").TextContent.ShouldContain("142 besökare i går.");
        cut.Find("[data-testid=meeting-notes]").GetAttribute("value").ShouldBe("Min version av siffrorna");
        (await _queries.TodayAsync(_advisor))!.Items[0].Notes.ShouldBe("142 besökare i går.");
    }

    [Fact]
    public async Task ShouldSaveNotesAndAddAndCompleteAnActionItem()
    {
        var cut = Started(RenderPanel());

        cut.Find("[data-testid=meeting-notes]").Input("Lugn dag i går.");
        cut.Find("[data-testid=meeting-notes-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-notes-saved]"));
        cut.Find("[data-testid=action-what]").Input("Beställ toner");
        cut.Find("[data-testid=action-who]").Change(_colleague.UserId);
        cut.Find("[data-testid=action-save]").Click();
        // The save runs on the renderer's dispatcher; read the database once the panel shows the new item.
        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=meeting-action-]").ShouldNotBeEmpty());

        var meeting = (await _queries.TodayAsync(_advisor))!;
        meeting.Items[0].Notes.ShouldBe("Lugn dag i går.");
        var action = meeting.Items[0].ActionItems.ShouldHaveSingleItem();
        action.DueDate.ShouldBe(new DateOnly(2026, 11, 25));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=meeting-action-{action.Id}]").TextContent.ShouldContain("Beställ toner – Ahmed Kollega"));
        cut.Find($"[data-testid=action-done-{action.Id}]").Click();
        cut.WaitForAssertion(() => cut.FindAll($"[data-testid=action-done-{action.Id}]").ShouldBeEmpty());
        (await _queries.TodayAsync(_advisor))!.Items[0].ActionItems.Single().Done.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldTickAttendanceAndCloseAfterConfirming()
    {
        var chair = Started(RenderPanel());
        var other = RenderPanel(_colleague);

        other.Find("[data-testid=meeting-attend-me]").Click();
        other.WaitForAssertion(() => other.Find($"[data-testid=meeting-attendance-{_colleague.UserId}]"));
        chair.WaitForAssertion(() => chair.Find($"[data-testid=meeting-attendance-{_colleague.UserId}]"));
        chair.Find("[data-testid=meeting-close]").Click();
        chair.Find("[data-testid=meeting-close-confirm]").Click();

        chair.WaitForAssertion(() => chair.Find("[data-testid=meeting-closed]"));
        other.WaitForAssertion(() => other.Find("[data-testid=meeting-closed]"));
        (await _queries.TodayAsync(_advisor))!.Status.ShouldBe(Mbk.Domain.Meeting.MeetingStatus.Closed);
    }

    [Fact]
    public async Task ShouldProposeAPointForTheNextMeetingAtAnyTime()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=point-title]").Input("Ny blankett från Skatteverket");
        cut.Find("[data-testid=point-text]").Input("Den gamla gäller inte längre.");
        cut.Find("[data-testid=point-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-info]").TextContent.ShouldContain("Ny blankett från Skatteverket"));
        cut.WaitForAssertion(() => cut.Find("[data-testid=meeting-agenda]").TextContent.ShouldContain("Ny blankett från Skatteverket"));
        (await _queries.TodayAsync(_advisor))!.Items.ShouldContain(i => i.Title == "Ny blankett från Skatteverket" && i.PointText == "Den gamla gäller inte längre.");
    }

    [Fact]
    public async Task ShouldCorrectADecisionAndShowBothVersionsInItsHistory()
    {
        var cut = Started(RenderPanel());
        var other = RenderPanel(_colleague);
        cut.Find("[data-testid=decision-text]").Input("Vi öppnar disk 2 kl. 9.");
        cut.Find("[data-testid=decision-category]").Change("Rutin");
        cut.Find("[data-testid=decision-save]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=decision-correct]"));
        other.WaitForAssertion(() => other.Find("[data-testid=meeting-decision]"));
        other.FindAll("[data-testid=decision-correct]").ShouldBeEmpty("only the chair corrects");

        cut.Find("[data-testid=decision-correct]").Click();
        cut.Find("[data-testid=decision-correct-text]").GetAttribute("value").ShouldBe("Vi öppnar disk 2 kl. 9.");
        cut.Find("[data-testid=decision-correct-text]").Input("Vi öppnar disk 2 kl. 8.30.");
        cut.Find("[data-testid=decision-correct-responsible]").Change("*alla");
        cut.Find("[data-testid=decision-correct-save]").Click();

        cut.WaitForAssertion(() =>
        {
            cut.Find("[data-testid=meeting-decision]").TextContent.ShouldContain("Vi öppnar disk 2 kl. 8.30.");
            var versions = cut.FindAll("[data-testid=decision-history-version]").Select(v => v.TextContent).ToList();
            versions.Count.ShouldBe(2);
            versions[0].ShouldContain("Vi öppnar disk 2 kl. 9.");
            versions[1].ShouldContain("ansvarig Alla");
        });
        other.WaitForAssertion(() => other.Find("[data-testid=decision-history]").TextContent.ShouldContain("Vi öppnar disk 2 kl. 9."));
        (await _queries.TodayAsync(_advisor))!.Items[0].Decisions.Single().Version.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldRepealADecisionAtItsReviewPointOfALaterMeeting()
    {
        var tuesday = await _commands.GetOrCreateTodaysMeetingAsync(_advisor);
        await _commands.StartAsync(_advisor, tuesday);
        var oldId = await _commands.RecordDecisionAsync(_advisor, tuesday, 0,
            new DecisionInput("Kvällsöppet torsdagar till 19.", Mbk.Domain.Meeting.DecisionCategory.Arbetssatt, null, new DateOnly(2026, 11, 25)));
        await _commands.CloseAsync(_advisor, tuesday);
        _clock.Advance(TimeSpan.FromDays(1));

        var cut = Started(RenderPanel());
        var review = (await _queries.TodayAsync(_advisor))!.Items.Single(i => i.DecisionId == oldId);
        cut.Find($"[data-testid=meeting-item-{review.Index}] button").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=decision-take-up]").GetAttribute("data-decision-id").ShouldBe(oldId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        cut.Find("[data-testid=decision-repeal]").Click();
        cut.Find("[data-testid=decision-repeal-reason]").Input("Ingen personal på kvällarna.");
        cut.Find("[data-testid=decision-repeal-save]").Click();

        cut.WaitForAssertion(() =>
        {
            cut.Find("[data-testid=decision-take-up] [data-testid=decision-status]").TextContent.ShouldBe("upphävd");
            cut.Find("[data-testid=meeting-decision]").TextContent.ShouldContain("Ingen personal på kvällarna.");
            cut.Find("[data-testid=decision-supersedes-link]").TextContent.ShouldContain("Upphäver");
        });
        (await _queries.DecisionAsync(_advisor, oldId))!.Status.ShouldBe(Mbk.Domain.Meeting.DecisionStatus.Upphavd);
    }

    [Fact]
    public async Task ShouldSupersedeATakenUpDecisionWithoutItsPassedReviewDateAndNotOfferItForTodaysOwn()
    {
        var tuesday = await _commands.GetOrCreateTodaysMeetingAsync(_advisor);
        await _commands.StartAsync(_advisor, tuesday);
        var oldId = await _commands.RecordDecisionAsync(_advisor, tuesday, 0,
            new DecisionInput("Kvällsöppet torsdagar till 19.", Mbk.Domain.Meeting.DecisionCategory.Arbetssatt, null, new DateOnly(2026, 11, 25)));
        await _commands.CloseAsync(_advisor, tuesday);
        _clock.Advance(TimeSpan.FromDays(1));

        var cut = Started(Render<MeetingPanel>(p => p.Add(c => c.Staff, _advisor).Add(c => c.TakeUpDecisionId, oldId)));
        cut.WaitForAssertion(() => cut.Find("[data-testid=decision-supersede]"));
        cut.Find("[data-testid=decision-supersede]").Click();
        cut.Find("[data-testid=decision-supersede-text]").Input("Kvällsöppet torsdagar till 20.");
        cut.Find("[data-testid=decision-supersede-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=decision-take-up] [data-testid=decision-status]").TextContent.ShouldBe("ersatt"));
        var replacement = (await _queries.TodayAsync(_advisor))!.Items[0].Decisions.ShouldHaveSingleItem();
        replacement.ReviewDate.ShouldBeNull();
        replacement.SupersedesId.ShouldBe(oldId);

        var own = Render<MeetingPanel>(p => p.Add(c => c.Staff, _advisor).Add(c => c.TakeUpDecisionId, replacement.Id));
        own.WaitForAssertion(() => own.Find("[data-testid=decision-take-up]").TextContent.ShouldContain("rätta det under sin punkt"));
        own.FindAll("[data-testid=decision-supersede]").ShouldBeEmpty();
    }
}
