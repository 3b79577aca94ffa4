using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using static Mbk.Portal.Tests.Domain.Queue.QueueTestData;

namespace Mbk.Portal.Tests.Domain.Queue;

public class TicketTests
{
    private static readonly DateTimeOffset Later = Morning.AddMinutes(30);

    // ---- Issue and walk-in ----

    [Fact]
    public void ShouldWaitWithServiceAndNumberWhenIssued()
    {
        var service = Samhallsvagledning();

        var ticket = Ticket.Issue(OfficeId, service, 1, Day, Morning);

        ticket.OfficeId.ShouldBe(OfficeId);
        ticket.ServiceLineId.ShouldBe(service.Id);
        ticket.Prefix.ShouldBe('A');
        ticket.Number.ShouldBe(1);
        ticket.ServiceDay.ShouldBe(Day);
        ticket.Status.ShouldBe(TicketStatus.Waiting);
        ticket.TakenAt.ShouldBe(Morning);
        ticket.CalledAt.ShouldBeNull();
        ticket.ServingStartedAt.ShouldBeNull();
        ticket.FinishedAt.ShouldBeNull();
        ticket.PlaceId.ShouldBeNull();
        ticket.StaffUserId.ShouldBeNull();
        ticket.TargetPlaceId.ShouldBeNull();
        ticket.IsWalkIn.ShouldBeFalse();
        ticket.IsOpen.ShouldBeTrue();
        ticket.WaitTime.ShouldBeNull();
        ticket.ServiceTime.ShouldBeNull();
    }

    [Fact]
    public void ShouldRaiseTicketIssuedOnceWhenIssued()
    {
        var service = Samhallsvagledning();

        var ticket = Ticket.Issue(OfficeId, service, 1, Day, Morning);

        var issued = ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketIssued>();
        issued.OfficeId.ShouldBe(OfficeId);
        issued.Topic.ShouldBe("TicketIssued");
        issued.DisplayNumber.ShouldBe("A001");
        issued.ServiceLineId.ShouldBe(service.Id);
        issued.Status.ShouldBe(TicketStatus.Waiting);
        issued.TakenAt.ShouldBe(Morning);
        issued.IsWalkIn.ShouldBeFalse();
        issued.TicketId.ShouldBe(0);
    }

    [Theory]
    [InlineData(1, "A001")]
    [InlineData(42, "A042")]
    [InlineData(999, "A999")]
    [InlineData(1000, "A1000")]
    [InlineData(12345, "A12345")]
    public void ShouldFormatDisplayNumberWithAtLeastThreeDigitsWhenIssued(int number, string expected)
    {
        Ticket.Issue(OfficeId, Samhallsvagledning(), number, Day, Morning).DisplayNumber.ShouldBe(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ShouldRefuseIssueWhenNumberIsNotPositive(int number)
    {
        var error = Should.Throw<DomainException>(() => Ticket.Issue(OfficeId, Samhallsvagledning(), number, Day, Morning));

        error.Message.ShouldBe("Numret måste vara 1 eller högre.");
    }

    [Fact]
    public void ShouldRefuseIssueWhenServiceIsInactive()
    {
        var service = Samhallsvagledning();
        service.Deactivate();

        var error = Should.Throw<DomainException>(() => Ticket.Issue(OfficeId, service, 1, Day, Morning));

        error.Message.ShouldBe("Tjänsten Samhällsvägledning tar inte emot besökare just nu.");
    }

    [Fact]
    public void ShouldRefuseIssueWhenServiceBelongsToAnotherOffice()
    {
        var error = Should.Throw<DomainException>(() => Ticket.Issue(OfficeId + 1, Samhallsvagledning(), 1, Day, Morning));

        error.Message.ShouldBe("Tjänsten Samhällsvägledning hör till ett annat kontor.");
    }

    [Fact]
    public void ShouldThrowWhenServiceIsNull()
    {
        Should.Throw<ArgumentNullException>(() => Ticket.Issue(OfficeId, null!, 1, Day, Morning));
    }

    [Fact]
    public void ShouldBeServingAtOnceWhenWalkInStarts()
    {
        var service = Konsumentvagledning();

        var ticket = Ticket.StartWalkIn(OfficeId, service, 3, Day, PlaceId, Staff, Morning);

        ticket.Status.ShouldBe(TicketStatus.Serving);
        ticket.IsWalkIn.ShouldBeTrue();
        ticket.DisplayNumber.ShouldBe("B003");
        ticket.TakenAt.ShouldBe(Morning);
        ticket.CalledAt.ShouldBe(Morning);
        ticket.ServingStartedAt.ShouldBe(Morning);
        ticket.PlaceId.ShouldBe(PlaceId);
        ticket.StaffUserId.ShouldBe(Staff);
        ticket.WaitTime.ShouldBe(TimeSpan.Zero);
        var issued = ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketIssued>();
        issued.IsWalkIn.ShouldBeTrue();
        issued.Status.ShouldBe(TicketStatus.Serving);
    }

    [Fact]
    public void ShouldRefuseWalkInWhenStaffIsMissing()
    {
        var error = Should.Throw<DomainException>(() => Ticket.StartWalkIn(OfficeId, Samhallsvagledning(), 1, Day, PlaceId, " ", Morning));

        error.Message.ShouldBe("Handläggare måste fyllas i.");
    }

    [Fact]
    public void ShouldBeCountedAsDoneWhenWalkInFinishes()
    {
        var ticket = Ticket.StartWalkIn(OfficeId, Samhallsvagledning(), 1, Day, PlaceId, Staff, Morning);

        ticket.Finish(Morning.AddMinutes(12));

        ticket.Status.ShouldBe(TicketStatus.Done);
        ticket.ServiceTime.ShouldBe(TimeSpan.FromMinutes(12));
    }

    // ---- Call ----

    [Fact]
    public void ShouldBeCalledToPlaceWhenCalled()
    {
        var ticket = TicketIn(TicketStatus.Waiting);

        ticket.Call(PlaceId, Staff, Later);

        ticket.Status.ShouldBe(TicketStatus.Called);
        ticket.CalledAt.ShouldBe(Later);
        ticket.PlaceId.ShouldBe(PlaceId);
        ticket.StaffUserId.ShouldBe(Staff);
        ticket.CalledOutOfOrderReason.ShouldBeNull();
        ticket.WaitTime.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void ShouldRaiseTicketCalledOnceWhenCalled()
    {
        var ticket = TicketIn(TicketStatus.Waiting);

        ticket.Call(PlaceId, Staff, Later);

        var called = ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketCalled>();
        called.Topic.ShouldBe("TicketCalled");
        called.OfficeId.ShouldBe(OfficeId);
        called.TicketId.ShouldBe(ticket.Id);
        called.DisplayNumber.ShouldBe("A001");
        called.ServiceLineId.ShouldBe(ticket.ServiceLineId);
        called.PlaceId.ShouldBe(PlaceId);
        called.IsRecall.ShouldBeFalse();
        called.CalledAt.ShouldBe(Later);
    }

    [Fact]
    public void ShouldKeepReasonWhenCalledOutOfOrder()
    {
        var ticket = TicketIn(TicketStatus.Waiting);

        ticket.Call(PlaceId, Staff, Later, "  Bokad tid ");

        ticket.CalledOutOfOrderReason.ShouldBe("Bokad tid");
    }

    [Fact]
    public void ShouldRefuseCallWhenReasonIsTooLong()
    {
        var ticket = TicketIn(TicketStatus.Waiting);
        var before = Snapshot(ticket);

        var error = Should.Throw<DomainException>(() => ticket.Call(PlaceId, Staff, Later, new string('x', 201)));

        error.Message.ShouldBe("Anledning får vara högst 200 tecken (nu 201).");
        Snapshot(ticket).ShouldBe(before);
    }

    [Fact]
    public void ShouldRefuseCallWhenStaffIsMissing()
    {
        var ticket = TicketIn(TicketStatus.Waiting);
        var before = Snapshot(ticket);

        Should.Throw<DomainException>(() => ticket.Call(PlaceId, "", Later)).Message.ShouldBe("Handläggare måste fyllas i.");

        Snapshot(ticket).ShouldBe(before);
    }

    [Fact]
    public void ShouldRefuseCallWithSwedishMessageWhenTicketIsDone()
    {
        var ticket = TicketIn(TicketStatus.Done);

        var error = Should.Throw<DomainException>(() => ticket.Call(PlaceId, Staff, Later));

        error.Message.ShouldBe("Nummer A001 är redan klar och kan inte ropas upp igen.");
    }

    [Fact]
    public void ShouldRefuseCallWhenTicketIsTargetedAtAnotherPlace()
    {
        var ticket = TransferredToPlace(OtherPlaceId);
        var before = Snapshot(ticket);

        var error = Should.Throw<DomainException>(() => ticket.Call(PlaceId, Staff, Later));

        error.Message.ShouldBe("Nummer A001 är flyttat till en annan plats och kan bara ropas upp där.");
        Snapshot(ticket).ShouldBe(before);
    }

    [Fact]
    public void ShouldAllowCallWhenTicketIsTargetedAtThisPlace()
    {
        var ticket = TransferredToPlace(OtherPlaceId);

        ticket.Call(OtherPlaceId, OtherStaff, Later);

        ticket.Status.ShouldBe(TicketStatus.Called);
        ticket.PlaceId.ShouldBe(OtherPlaceId);
        ticket.StaffUserId.ShouldBe(OtherStaff);
    }

    // ---- Recall ----

    [Fact]
    public void ShouldCountAndReannounceWhenRecalled()
    {
        var ticket = TicketIn(TicketStatus.Called);
        var firstCall = ticket.CalledAt;

        ticket.Recall(Later);
        ticket.Recall(Later.AddMinutes(1));

        ticket.Status.ShouldBe(TicketStatus.Called);
        ticket.RecallCount.ShouldBe(2);
        ticket.CalledAt.ShouldBe(firstCall);
        ticket.PendingEvents.Count.ShouldBe(2);
        var last = ticket.PendingEvents[1].ShouldBeOfType<TicketCalled>();
        last.IsRecall.ShouldBeTrue();
        last.RecallCount.ShouldBe(2);
        last.PlaceId.ShouldBe(PlaceId);
        last.CalledAt.ShouldBe(Later.AddMinutes(1));
    }

    // ---- StartServing ----

    [Fact]
    public void ShouldBeServingWhenServiceStarts()
    {
        var ticket = TicketIn(TicketStatus.Called);

        ticket.StartServing(Later);

        ticket.Status.ShouldBe(TicketStatus.Serving);
        ticket.ServingStartedAt.ShouldBe(Later);
        var changed = ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>();
        changed.Topic.ShouldBe("TicketStatusChanged");
        changed.OfficeId.ShouldBe(OfficeId);
        changed.TicketId.ShouldBe(ticket.Id);
        changed.DisplayNumber.ShouldBe("A001");
        changed.Status.ShouldBe(TicketStatus.Serving);
        changed.PlaceId.ShouldBe(PlaceId);
        changed.ChangedAt.ShouldBe(Later);
    }

    // ---- Finish ----

    [Fact]
    public void ShouldBeDoneWithServiceTimeWhenFinishedWhileServing()
    {
        var ticket = TicketIn(TicketStatus.Waiting);
        ticket.Call(PlaceId, Staff, Morning.AddMinutes(10));
        ticket.StartServing(Morning.AddMinutes(12));
        ticket.TakeEvents();

        ticket.Finish(Morning.AddMinutes(27));

        ticket.Status.ShouldBe(TicketStatus.Done);
        ticket.FinishedAt.ShouldBe(Morning.AddMinutes(27));
        ticket.ServiceTime.ShouldBe(TimeSpan.FromMinutes(15));
        ticket.IsOpen.ShouldBeFalse();
        ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>().Status.ShouldBe(TicketStatus.Done);
    }

    [Fact]
    public void ShouldCountServiceFromCallWhenFinishedWhileCalled()
    {
        var ticket = TicketIn(TicketStatus.Called);

        ticket.Finish(Later);

        ticket.Status.ShouldBe(TicketStatus.Done);
        ticket.ServingStartedAt.ShouldBe(ticket.CalledAt);
        ticket.FinishedAt.ShouldBe(Later);
        ticket.ServiceTime.ShouldBe(Later - ticket.CalledAt!.Value);
        ticket.ServiceTime.ShouldNotBe(TimeSpan.Zero);
        ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>().Status.ShouldBe(TicketStatus.Done);
    }

    // ---- NoShow ----

    [Fact]
    public void ShouldBeNoShowWhenVisitorNeverCame()
    {
        var ticket = TicketIn(TicketStatus.Called);

        ticket.MarkNoShow(Later);

        ticket.Status.ShouldBe(TicketStatus.NoShow);
        ticket.FinishedAt.ShouldBe(Later);
        ticket.ServingStartedAt.ShouldBeNull();
        ticket.ServiceTime.ShouldBeNull();
        ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>().Status.ShouldBe(TicketStatus.NoShow);
    }

    // ---- Park and resume ----

    [Fact]
    public void ShouldBeParkedWhenVisitorStepsAway()
    {
        var ticket = TicketIn(TicketStatus.Serving);

        ticket.Park(Later);

        ticket.Status.ShouldBe(TicketStatus.Parked);
        ticket.ParkedAt.ShouldBe(Later);
        ticket.FinishedAt.ShouldBeNull();
        ticket.IsOpen.ShouldBeTrue();
        ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>().Status.ShouldBe(TicketStatus.Parked);
    }

    [Fact]
    public void ShouldServeAgainAtNewPlaceWhenResumed()
    {
        var ticket = TicketIn(TicketStatus.Parked);
        var servingStarted = ticket.ServingStartedAt;

        ticket.Resume(OtherPlaceId, OtherStaff, Later);

        ticket.Status.ShouldBe(TicketStatus.Serving);
        ticket.PlaceId.ShouldBe(OtherPlaceId);
        ticket.StaffUserId.ShouldBe(OtherStaff);
        ticket.ParkedAt.ShouldBeNull();
        ticket.ServingStartedAt.ShouldBe(servingStarted);
        var changed = ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>();
        changed.Status.ShouldBe(TicketStatus.Serving);
        changed.PlaceId.ShouldBe(OtherPlaceId);
    }

    [Fact]
    public void ShouldRefuseResumeWhenStaffIsMissing()
    {
        var ticket = TicketIn(TicketStatus.Parked);
        var before = Snapshot(ticket);

        Should.Throw<DomainException>(() => ticket.Resume(PlaceId, " ", Later)).Message.ShouldBe("Handläggare måste fyllas i.");

        Snapshot(ticket).ShouldBe(before);
    }

    // ---- End of day ----

    [Theory]
    [InlineData(TicketStatus.Waiting)]
    [InlineData(TicketStatus.Called)]
    [InlineData(TicketStatus.Parked)]
    public void ShouldBeNotServedWhenOpenTicketIsClosedAtEndOfDay(TicketStatus status)
    {
        var ticket = TicketIn(status);
        var closing = Morning.AddHours(8);

        ticket.CloseAtEndOfDay(closing);

        ticket.Status.ShouldBe(TicketStatus.NotServed);
        ticket.FinishedAt.ShouldBe(closing);
        ticket.IsOpen.ShouldBeFalse();
        ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>().Status.ShouldBe(TicketStatus.NotServed);
    }

    [Fact]
    public void ShouldRefuseEndOfDayWithSwedishMessageWhenTicketIsBeingServed()
    {
        var ticket = TicketIn(TicketStatus.Serving);

        var error = Should.Throw<DomainException>(() => ticket.CloseAtEndOfDay(Later));

        error.Message.ShouldBe("Nummer A001 betjänas redan och kan inte stängas vid dagens slut.");
    }

    // ---- The whole matrix of refused transitions ----

    private static readonly Dictionary<string, TicketStatus[]> AllowedFrom = new(StringComparer.Ordinal)
    {
        ["Call"] = [TicketStatus.Waiting],
        ["Recall"] = [TicketStatus.Called],
        ["StartServing"] = [TicketStatus.Called],
        ["Finish"] = [TicketStatus.Called, TicketStatus.Serving],
        ["MarkNoShow"] = [TicketStatus.Called],
        ["Park"] = [TicketStatus.Serving],
        ["Resume"] = [TicketStatus.Parked],
        ["TransferTo"] = [TicketStatus.Called, TicketStatus.Serving, TicketStatus.Parked],
        ["CloseAtEndOfDay"] = [TicketStatus.Waiting, TicketStatus.Called, TicketStatus.Parked],
        ["GiveUp"] = [TicketStatus.Waiting, TicketStatus.Called],
    };

    public static TheoryData<string, TicketStatus> RefusedTransitions()
    {
        var data = new TheoryData<string, TicketStatus>();
        foreach (var (action, allowed) in AllowedFrom)
        {
            foreach (var status in Enum.GetValues<TicketStatus>().Except(allowed))
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    public static TheoryData<string, TicketStatus> AllowedTransitions()
    {
        var data = new TheoryData<string, TicketStatus>();
        foreach (var (action, allowed) in AllowedFrom)
        {
            foreach (var status in allowed)
            {
                data.Add(action, status);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void ShouldRefuseInSwedishAndChangeNothingWhenTransitionIsNotAllowed(string action, TicketStatus status)
    {
        var ticket = TicketIn(status);
        var before = Snapshot(ticket);

        var error = Should.Throw<DomainException>(() => Perform(ticket, action));

        error.Message.ShouldStartWith("Nummer A001 ");
        error.Message.ShouldContain(" och kan inte ");
        error.Message.ShouldEndWith(".");
        Snapshot(ticket).ShouldBe(before);
        ticket.PendingEvents.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void ShouldRaiseExactlyOneEventWhenTransitionIsAllowed(string action, TicketStatus status)
    {
        var ticket = TicketIn(status);

        Perform(ticket, action);

        ticket.PendingEvents.Count.ShouldBe(1);
        ticket.PendingEvents[0].OfficeId.ShouldBe(OfficeId);
        ticket.TakeEvents().Count.ShouldBe(1);
        ticket.PendingEvents.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TicketStatus.Waiting, "Recall", "Nummer A001 har inte ropats upp än och kan inte ropas upp på nytt.")]
    [InlineData(TicketStatus.Called, "Call", "Nummer A001 är redan uppropad och kan inte ropas upp igen.")]
    [InlineData(TicketStatus.Serving, "MarkNoShow", "Nummer A001 betjänas redan och kan inte markeras som ej infunnen.")]
    [InlineData(TicketStatus.Parked, "Finish", "Nummer A001 är parkerad och kan inte markeras som klar.")]
    [InlineData(TicketStatus.Done, "Park", "Nummer A001 är redan klar och kan inte parkeras.")]
    [InlineData(TicketStatus.NoShow, "StartServing", "Nummer A001 är redan markerad som ej infunnen och kan inte börja betjänas.")]
    [InlineData(TicketStatus.Transferred, "TransferTo", "Nummer A001 är redan flyttad och kan inte flyttas.")]
    [InlineData(TicketStatus.NotServed, "Resume", "Nummer A001 stängdes vid dagens slut och kan inte återupptas.")]
    public void ShouldExplainStatusAndActionWhenRefused(TicketStatus status, string action, string expected)
    {
        var ticket = TicketIn(status);

        Should.Throw<DomainException>(() => Perform(ticket, action)).Message.ShouldBe(expected);
    }

    private static void Perform(Ticket ticket, string action)
    {
        switch (action)
        {
            case "Call":
                ticket.Call(PlaceId, Staff, Later);
                break;
            case "Recall":
                ticket.Recall(Later);
                break;
            case "StartServing":
                ticket.StartServing(Later);
                break;
            case "Finish":
                ticket.Finish(Later);
                break;
            case "MarkNoShow":
                ticket.MarkNoShow(Later);
                break;
            case "GiveUp":
                ticket.GiveUp(Later);
                break;
            case "Park":
                ticket.Park(Later);
                break;
            case "Resume":
                ticket.Resume(PlaceId, Staff, Later);
                break;
            case "TransferTo":
                ticket.TransferTo(Konsumentvagledning(), null, Later);
                break;
            case "CloseAtEndOfDay":
                ticket.CloseAtEndOfDay(Later);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    private static Ticket TransferredToPlace(int placeId)
    {
        var original = TicketIn(TicketStatus.Serving);
        var next = original.TransferTo(Samhallsvagledning(), placeId, Morning.AddMinutes(20));
        next.TakeEvents();
        return next;
    }
}
