using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using static Mbk.Portal.Tests.Domain.Meeting.MeetingTestData;

namespace Mbk.Portal.Tests.Domain.Meeting;

/// <summary>A decision over its life: corrected during its meeting (history kept), then only superseded or repealed by a later one.</summary>
public class DecisionLifecycleTests
{
    private static readonly DateTimeOffset Later = Now.AddMinutes(5);

    [Fact]
    public void ShouldKeepEveryEarlierVersionWhenCorrectedDuringItsMeeting()
    {
        var meeting = RunningMeeting();
        var decision = RecordDecision(meeting, "Vi öppnar disken 08:45.");

        decision.Correct(meeting, "Vi öppnar disken 08:30.", DecisionCategory.Arbetssatt, "Sara Berg", "user-sara", Tuesday.AddDays(7), "Ordförande Olsson", Later);
        decision.Correct(meeting, "Vi öppnar disken 08:15.", DecisionCategory.Arbetssatt, Decision.EveryoneName, null, null, "Chefen", Later.AddMinutes(1));

        decision.Version.ShouldBe(3);
        decision.Text.ShouldBe("Vi öppnar disken 08:15.");
        decision.ResponsibleName.ShouldBe("Alla");
        decision.ResponsibleUserId.ShouldBeNull();
        decision.CorrectedByName.ShouldBe("Chefen");
        decision.Revisions.Select(r => (r.Version, r.Text, r.WrittenByName)).ShouldBe(
            [(1, "Vi öppnar disken 08:45.", "Ordförande Olsson"), (2, "Vi öppnar disken 08:30.", "Ordförande Olsson")]);
        decision.Revisions[0].Category.ShouldBe(DecisionCategory.Rutin);
        decision.Revisions[0].WrittenAt.ShouldBe(Now);
        decision.Revisions[1].ResponsibleUserId.ShouldBe("user-sara");
        decision.Revisions[1].ReviewDate.ShouldBe(Tuesday.AddDays(7));
        decision.Revisions[1].WrittenAt.ShouldBe(Later);
    }

    [Fact]
    public void ShouldKeepNoVersionWhenACorrectionChangesNothing()
    {
        var meeting = RunningMeeting();
        var decision = RecordDecision(meeting);

        decision.Correct(meeting, decision.Text, decision.Category, decision.ResponsibleName, null, null, "Ordförande Olsson", Later);

        decision.Version.ShouldBe(1);
        decision.Revisions.ShouldBeEmpty();
        decision.CorrectedAt.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseACorrectionFromALaterMeeting()
    {
        var monday = RunningMeeting(Monday);
        var decision = RecordDecision(monday);
        monday.Close(Now, []);

        var refusal = Should.Throw<DomainException>(() =>
            decision.Correct(RunningMeeting(Tuesday), "Ändrad", DecisionCategory.Rutin, null, null, null, "Sara", Later));

        refusal.Message.ShouldContain("senare möte");
        decision.Text.ShouldBe("Vi öppnar disken 08:45.");
        decision.Revisions.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRefuseACorrectionOnceItsMeetingIsClosedAndKeepTheHistory()
    {
        var meeting = RunningMeeting();
        var decision = RecordDecision(meeting);
        decision.Correct(meeting, "Rättad text.", DecisionCategory.Rutin, null, null, null, "Ordförande Olsson", Later);
        meeting.Close(Later, []);

        Should.Throw<DomainException>(() => decision.Correct(meeting, "Efteråt", DecisionCategory.Rutin, null, null, null, "Chefen", Later))
            .Message.ShouldContain("avslutat möte");

        decision.Text.ShouldBe("Rättad text.");
        decision.Revisions.ShouldHaveSingleItem().Text.ShouldBe("Vi öppnar disken 08:45.");
    }

    [Fact]
    public void ShouldRequireANameWhenAStaffAccountIsResponsible()
    {
        var meeting = RunningMeeting();

        Should.Throw<DomainException>(() =>
            Decision.Record(meeting, 0, "Text", DecisionCategory.Rutin, null, null, "chair", "Ordförande Olsson", Now, "user-sara"));
        var decision = Decision.Record(meeting, 0, "Text", DecisionCategory.Rutin, "Sara Berg", null, "chair", "Ordförande Olsson", Now, "user-sara");

        decision.ResponsibleUserId.ShouldBe("user-sara");
        decision.Version.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseToRepealOrSupersedeADecisionNoLongerInForce()
    {
        var monday = RunningMeeting(Monday);
        var old = RecordDecision(monday);
        monday.Close(Now, []);
        var tuesday = RunningMeeting(Tuesday);
        var repeal = Saved(Decision.Repeal(old, tuesday, 0, "Behövs inte längre.", "u1", "Sara", Now));
        old.LinkSuccessor(repeal);

        Should.Throw<DomainException>(() => Decision.Repeal(old, tuesday, 0, "Igen", "u1", "Sara", Now)).Message.ShouldContain("redan upphävd");
        Should.Throw<DomainException>(() => Decision.Supersede(old, tuesday, 0, "Ny", DecisionCategory.Rutin, null, null, "u1", "Sara", Now))
            .Message.ShouldContain("redan upphävd");
        old.SupersededById.ShouldBe(repeal.Id);
        old.Text.ShouldBe("Vi öppnar disken 08:45.");
    }

    [Fact]
    public void ShouldRequireAReasonToRepeal()
    {
        var monday = RunningMeeting(Monday);
        var old = RecordDecision(monday);
        monday.Close(Now, []);

        Should.Throw<DomainException>(() => Decision.Repeal(old, RunningMeeting(Tuesday), 0, "  ", "u1", "Sara", Now));

        old.Status.ShouldBe(DecisionStatus.Gallande);
    }

    [Fact]
    public void ShouldCarryTheResponsibleStaffAccountIntoTheReplacement()
    {
        var monday = RunningMeeting(Monday);
        var old = RecordDecision(monday);
        monday.Close(Now, []);

        var replacement = Decision.Supersede(old, RunningMeeting(Tuesday), 0, "Ny lydelse.", DecisionCategory.Rutin, "Sara Berg", null, "u1", "Sara", Now, "user-sara");

        replacement.ResponsibleUserId.ShouldBe("user-sara");
        replacement.SupersedesId.ShouldBe(old.Id);
        old.Status.ShouldBe(DecisionStatus.Ersatt);
    }
}
