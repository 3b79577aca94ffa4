using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using static Mbk.Portal.Tests.Domain.Meeting.MeetingTestData;

namespace Mbk.Portal.Tests.Domain.Meeting;

public class AgendaBuilderTests
{
    [Fact]
    public void ShouldUseTheDailyTemplateOnOrdinaryDays()
    {
        var template = AgendaTemplate.CreateDefault(OfficeId, AgendaTemplate.KindFor(Tuesday));

        var items = AgendaBuilder.Build(Tuesday, template, [], [], []);

        items.Select(i => i.Title).ShouldBe(["Gårdagens siffror", "Dagens bemanning", "Synpunkter från besökare", "Information", "Övrigt"]);
        items.ShouldAllBe(i => i.Kind == AgendaItemKind.Standing);
    }

    [Fact]
    public void ShouldAddWeekPlanningOnMondays()
    {
        AgendaTemplate.KindFor(Monday).ShouldBe(AgendaTemplateKind.Monday);
        var template = AgendaTemplate.CreateDefault(OfficeId, AgendaTemplateKind.Monday);

        var items = AgendaBuilder.Build(Monday, template, [], [], []);

        items.Select(i => i.Title).ShouldContain("Veckoplanering");
        items[^1].Title.ShouldBe("Övrigt");
    }

    [Fact]
    public void ShouldRefuseTheDailyTemplateOnAMonday()
    {
        var daily = AgendaTemplate.CreateDefault(OfficeId, AgendaTemplateKind.Daily);

        Should.Throw<DomainException>(() => AgendaBuilder.Build(Monday, daily, [], [], []));
    }

    [Fact]
    public void ShouldPutOpenPointsOldestFirstBeforeOther()
    {
        var template = AgendaTemplate.Create(OfficeId, AgendaTemplateKind.Daily, ["Information", "Övrigt"]);
        var newer = MeetingPoint.Propose(OfficeId, "Nya skrivaren", null, "u1", "Ahmed", Now.AddHours(2));
        var older = MeetingPoint.Propose(OfficeId, "Klagomål om kön", "Lång väntan i går", "u2", "Sara", Now);
        var otherOffice = MeetingPoint.Propose(OfficeId + 1, "Annat kontor", null, "u3", "Eva", Now);

        var items = AgendaBuilder.Build(Tuesday, template, [newer, older, otherOffice], [], []);

        items.Select(i => i.Title).ShouldBe(["Information", "Klagomål om kön", "Nya skrivaren", "Övrigt"]);
        items[1].Kind.ShouldBe(AgendaItemKind.Point);
    }

    [Fact]
    public void ShouldRollOverPointsNotReachedAndHandleThoseReached()
    {
        var first = Saved(MeetingPoint.Propose(OfficeId, "Punkt ett", null, "u1", "Ahmed", Now));
        var second = Saved(MeetingPoint.Propose(OfficeId, "Punkt två", null, "u1", "Ahmed", Now.AddMinutes(1)));
        var template = AgendaTemplate.Create(OfficeId, AgendaTemplateKind.Daily, ["Information"]);
        var meeting = MorningMeeting.Plan(OfficeId, Tuesday, AgendaBuilder.Build(Tuesday, template, [first, second], [], []));
        meeting.Start("chair", "Olsson", Now);

        meeting.GoTo(1); // "Punkt ett"; "Punkt två" is never reached.
        meeting.Close(Now.AddMinutes(20), [first, second]);

        first.Status.ShouldBe(MeetingPointStatus.Handled);
        second.Status.ShouldBe(MeetingPointStatus.Open);
        var wednesday = Tuesday.AddDays(1);
        var next = AgendaBuilder.Build(wednesday, template, [first, second], [], []);
        next.Where(i => i.Kind == AgendaItemKind.Point).Select(i => i.Title).ShouldBe(["Punkt två"]);
    }

    [Fact]
    public void ShouldPutADecisionOnTheAgendaWhenItsReviewDateHasCome()
    {
        var meeting = RunningMeeting(Monday, Standing("Information"));
        var decision = RecordDecision(meeting, "Kvällsöppet prövas en månad.", reviewDate: Tuesday);
        var template = AgendaTemplate.Create(OfficeId, AgendaTemplateKind.Daily, ["Information"]);

        AgendaBuilder.Build(Tuesday, template, [], [decision], [])
            .ShouldContain(i => i.Kind == AgendaItemKind.DecisionReview);

        decision.MarkReviewed(Tuesday);
        AgendaBuilder.Build(Tuesday.AddDays(1), template, [], [decision], [])
            .ShouldNotContain(i => i.Kind == AgendaItemKind.DecisionReview);
    }

    [Fact]
    public void ShouldNotReviewADecisionBeforeItsDate()
    {
        var meeting = RunningMeeting(Monday, Standing("Information"));
        var decision = RecordDecision(meeting, reviewDate: Tuesday.AddDays(7));
        var template = AgendaTemplate.Create(OfficeId, AgendaTemplateKind.Daily, ["Information"]);

        AgendaBuilder.Build(Tuesday, template, [], [decision], []).ShouldNotContain(i => i.Kind == AgendaItemKind.DecisionReview);
    }

    [Fact]
    public void ShouldRaiseOpenActionItemsAgainUntilDone()
    {
        var meeting = RunningMeeting(Monday, Standing("Information"));
        var action = ActionItem.Add(meeting, 0, "Beställ nya nummerlappar", "Ahmed", "u1", Tuesday, Now);
        var template = AgendaTemplate.Create(OfficeId, AgendaTemplateKind.Daily, ["Information", "Övrigt"]);

        var tuesday = AgendaBuilder.Build(Tuesday, template, [], [], [action]);
        var wednesday = AgendaBuilder.Build(Tuesday.AddDays(1), template, [], [], [action]);
        action.Complete("u1", Now);
        var thursday = AgendaBuilder.Build(Tuesday.AddDays(2), template, [], [], [action]);

        tuesday.ShouldContain(i => i.Kind == AgendaItemKind.ActionFollowUp);
        wednesday.ShouldContain(i => i.Kind == AgendaItemKind.ActionFollowUp);
        wednesday[^1].Title.ShouldBe("Övrigt");
        thursday.ShouldNotContain(i => i.Kind == AgendaItemKind.ActionFollowUp);
        action.IsOverdue(Tuesday.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldFlagAnOpenActionItemPastItsDueDateAsOverdue()
    {
        var meeting = RunningMeeting(Monday, Standing("Information"));
        var action = ActionItem.Add(meeting, null, "Ring hyresvärden", "Sara", null, Tuesday, Now);

        action.IsOverdue(Tuesday).ShouldBeFalse();
        action.IsOverdue(Tuesday.AddDays(1)).ShouldBeTrue();
    }

    [Fact]
    public void ShouldLetAManagerEditTheTemplateButNotEmptyIt()
    {
        var template = AgendaTemplate.CreateDefault(OfficeId, AgendaTemplateKind.Daily);

        template.SetItems(["Dagens bemanning", "  Information  ", ""]);

        template.Items.ShouldBe(["Dagens bemanning", "Information"]);
        template.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<AgendaTemplateChanged>();
        Should.Throw<DomainException>(() => template.SetItems([])).Message.ShouldContain("minst en punkt");
    }
}
