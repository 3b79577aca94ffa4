using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using static Mbk.Portal.Tests.Domain.Meeting.MeetingTestData;

namespace Mbk.Portal.Tests.Domain.Meeting;

public class DecisionTests
{
    [Fact]
    public void ShouldRecordOnlyInARunningMeeting()
    {
        var planned = MorningMeeting.Plan(OfficeId, Tuesday, Standing("Information"));

        Should.Throw<DomainException>(() => RecordDecision(planned)).Message.ShouldContain("inte startats");
    }

    [Fact]
    public void ShouldBeEditableWhileItsMeetingRuns()
    {
        var meeting = RunningMeeting();
        var decision = RecordDecision(meeting);

        decision.Correct(meeting, "Vi öppnar disken 08:30.", DecisionCategory.Arbetssatt, null, null, null, "Ordförande Olsson", Now);

        decision.Text.ShouldBe("Vi öppnar disken 08:30.");
        decision.Category.ShouldBe(DecisionCategory.Arbetssatt);
        decision.Status.ShouldBe(DecisionStatus.Gallande);
    }

    [Fact]
    public void ShouldRefuseEditsOnceTheMeetingIsClosed()
    {
        var meeting = RunningMeeting();
        var decision = RecordDecision(meeting);
        meeting.Close(Now, []);

        var refusal = Should.Throw<DomainException>(() => decision.Correct(meeting, "Ändrad i efterhand", DecisionCategory.Rutin, null, null, null, "Ordförande Olsson", Now));

        refusal.Message.ShouldContain("avslutat möte");
        decision.Text.ShouldBe("Vi öppnar disken 08:45.");
    }

    [Fact]
    public void ShouldSupersedeFromALaterMeetingAndKeepBothLinked()
    {
        var monday = RunningMeeting(Monday);
        var old = RecordDecision(monday);
        monday.Close(Now, []);
        var tuesday = RunningMeeting(Tuesday);

        var replacement = Decision.Supersede(old, tuesday, 1, "Vi öppnar disken 08:30.", DecisionCategory.Rutin, "Chefen", null, "u1", "Sara", Now);

        old.Status.ShouldBe(DecisionStatus.Ersatt);
        Saved(replacement);
        old.LinkSuccessor(replacement);
        old.SupersededById.ShouldBe(replacement.Id);
        old.Text.ShouldBe("Vi öppnar disken 08:45.");
        replacement.Status.ShouldBe(DecisionStatus.Gallande);
        replacement.SupersedesId.ShouldBe(old.Id);
        replacement.ItemIndex.ShouldBe(1);
        Should.Throw<DomainException>(() => Decision.Supersede(old, tuesday, 1, "Igen", DecisionCategory.Rutin, null, null, "u1", "Sara", Now))
            .Message.ShouldContain("redan ersatt");
    }

    [Fact]
    public void ShouldNotSupersedeWithinTheSameMeetingOrFromAClosedOne()
    {
        var monday = RunningMeeting(Monday);
        var old = RecordDecision(monday);

        Should.Throw<DomainException>(() => Decision.Supersede(old, monday, 0, "Ny", DecisionCategory.Rutin, null, null, "u1", "Sara", Now))
            .Message.ShouldContain("samma möte");

        monday.Close(Now, []);
        var closedTuesday = RunningMeeting(Tuesday);
        closedTuesday.Close(Now, []);
        Should.Throw<DomainException>(() => Decision.Supersede(old, closedTuesday, 0, "Ny", DecisionCategory.Rutin, null, null, "u1", "Sara", Now));
        old.Status.ShouldBe(DecisionStatus.Gallande);
    }

    [Fact]
    public void ShouldRepealFromALaterMeeting()
    {
        var monday = RunningMeeting(Monday);
        var old = RecordDecision(monday);
        monday.Close(Now, []);

        var repeal = Decision.Repeal(old, RunningMeeting(Tuesday), 0, "Kvällsöppet upphör.", "u1", "Sara", Now);

        old.Status.ShouldBe(DecisionStatus.Upphavd);
        repeal.Text.ShouldContain("Kvällsöppet upphör.");
        repeal.SupersedesId.ShouldBe(old.Id);
    }

    [Fact]
    public void ShouldRequireAReviewDateAfterTheMeeting()
    {
        var meeting = RunningMeeting();

        Should.Throw<DomainException>(() => RecordDecision(meeting, reviewDate: Tuesday)).Message.ShouldContain("uppföljning");
    }

    [Fact]
    public void ShouldNameCategoriesInSwedish()
    {
        DecisionCategory.Arbetssatt.DisplayName().ShouldBe("arbetssätt");
        DecisionCategory.Ovrigt.DisplayName().ShouldBe("övrigt");
        DecisionStatus.Upphavd.DisplayName().ShouldBe("upphävd");
    }
}
