using Mbk.Domain.Common;
using Mbk.Domain.Meeting;
using static Mbk.Portal.Tests.Domain.Meeting.MeetingTestData;

namespace Mbk.Portal.Tests.Domain.Meeting;

public class MorningMeetingTests
{
    [Fact]
    public void ShouldStartOnlyOnceAndFollowTheChairBetweenItems()
    {
        var meeting = MorningMeeting.Plan(OfficeId, Tuesday, Standing("Gårdagens siffror", "Information", "Övrigt"));
        Should.Throw<DomainException>(() => meeting.GoTo(1)).Message.ShouldContain("inte startats");

        meeting.Start("chair", "Olsson", Now);
        meeting.TakeEvents();
        meeting.GoTo(1);

        meeting.Status.ShouldBe(MeetingStatus.Running);
        meeting.CurrentItemIndex.ShouldBe(1);
        meeting.TakeEvents().ShouldHaveSingleItem().ShouldBe(new MeetingPointChanged(OfficeId, 0, 1));
        Should.Throw<DomainException>(() => meeting.Start("other", "Annan", Now)).Message.ShouldContain("redan startats");
        Should.Throw<DomainException>(() => meeting.GoTo(7));
    }

    [Fact]
    public void ShouldRefuseTheSecondSaveOfTheSameVersionWithTheCurrentText()
    {
        var meeting = RunningMeeting();
        var version = meeting.ItemAt(0).NotesVersion;

        meeting.SaveNotes(0, "Ny broschyr från Skatteverket.", version).ShouldBe(version + 1);
        var refusal = Should.Throw<DomainException>(() => meeting.SaveNotes(0, "Min egen text", version));

        refusal.Message.ShouldContain("har ändrats av någon annan");
        refusal.Message.ShouldContain("Ny broschyr från Skatteverket.");
        meeting.ItemAt(0).Notes.ShouldBe("Ny broschyr från Skatteverket.");
    }

    [Fact]
    public void ShouldTickAttendanceOnce()
    {
        var meeting = RunningMeeting();

        meeting.MarkAttendance("u1", "Ahmed", present: true);
        meeting.MarkAttendance("u1", "Ahmed", present: true);
        meeting.MarkAttendance("u2", "Sara", present: true);
        meeting.MarkAttendance("u2", "Sara", present: false);

        meeting.Attendees.Select(a => a.UserId).ShouldBe(["u1"]);
    }

    [Fact]
    public void ShouldAddALatePointBeforeOtherWhilePlanned()
    {
        var meeting = MorningMeeting.Plan(OfficeId, Tuesday, Standing("Information", "Övrigt"));
        var point = MeetingPoint.Propose(OfficeId, "Sen punkt", null, "u1", "Ahmed", Now);

        meeting.AddPointBeforeStart(point).ShouldBeTrue();

        meeting.Items.Select(i => i.Title).ShouldBe(["Information", "Sen punkt", "Övrigt"]);
        meeting.Items.Select(i => i.Index).ShouldBe([0, 1, 2]);
    }

    [Fact]
    public void ShouldRefuseNotesAndClosingAfterClose()
    {
        var meeting = RunningMeeting();
        meeting.Close(Now, []);

        Should.Throw<DomainException>(() => meeting.SaveNotes(0, "För sent", 0)).Message.ShouldContain("avslutat");
        Should.Throw<DomainException>(() => meeting.Close(Now, []));
        Should.Throw<DomainException>(() => meeting.MarkAttendance("u1", "Ahmed", true));
    }
}
