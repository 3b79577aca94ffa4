using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using static Mbk.Portal.Tests.Domain.Queue.QueueTestData;

namespace Mbk.Portal.Tests.Domain.Queue;

public class TicketTransferTests
{
    private static readonly DateTimeOffset TransferAt = Morning.AddMinutes(25);

    [Theory]
    [InlineData(TicketStatus.Called)]
    [InlineData(TicketStatus.Serving)]
    [InlineData(TicketStatus.Parked)]
    public void ShouldCloseOriginalAsTransferredWhenTransferred(TicketStatus status)
    {
        var ticket = TicketIn(status);

        ticket.TransferTo(Konsumentvagledning(), null, TransferAt);

        ticket.Status.ShouldBe(TicketStatus.Transferred);
        ticket.FinishedAt.ShouldBe(TransferAt);
        ticket.IsOpen.ShouldBeFalse();
        var changed = ticket.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketStatusChanged>();
        changed.Status.ShouldBe(TicketStatus.Transferred);
        changed.TicketId.ShouldBe(ticket.Id);
    }

    [Fact]
    public void ShouldKeepNumberAndPlaceInLineWhenTransferredToAnotherService()
    {
        var ticket = TicketIn(TicketStatus.Serving, number: 7, id: 55);
        var consumer = Konsumentvagledning();

        var next = ticket.TransferTo(consumer, null, TransferAt);

        next.Status.ShouldBe(TicketStatus.Waiting);
        next.OfficeId.ShouldBe(OfficeId);
        next.ServiceLineId.ShouldBe(consumer.Id);
        next.Prefix.ShouldBe('A');
        next.Number.ShouldBe(7);
        next.DisplayNumber.ShouldBe("A007");
        next.ServiceDay.ShouldBe(ticket.ServiceDay);
        next.TakenAt.ShouldBe(Morning);
        next.TransferredFromTicketId.ShouldBe(55);
        next.TargetPlaceId.ShouldBeNull();
        next.CalledAt.ShouldBeNull();
        next.ServingStartedAt.ShouldBeNull();
        next.FinishedAt.ShouldBeNull();
        next.PlaceId.ShouldBeNull();
        next.StaffUserId.ShouldBeNull();
        next.RecallCount.ShouldBe(0);
        next.IsWalkIn.ShouldBeFalse();
        next.Id.ShouldBe(0);
    }

    [Fact]
    public void ShouldTargetPlaceWhenTransferredToSpecificPlace()
    {
        var ticket = TicketIn(TicketStatus.Called);

        var next = ticket.TransferTo(Samhallsvagledning(), OtherPlaceId, TransferAt);

        next.ServiceLineId.ShouldBe(ticket.ServiceLineId);
        next.TargetPlaceId.ShouldBe(OtherPlaceId);
    }

    [Fact]
    public void ShouldRaiseIssuedForNewTicketWhenTransferred()
    {
        var ticket = TicketIn(TicketStatus.Serving, id: 55);
        var consumer = Konsumentvagledning();

        var next = ticket.TransferTo(consumer, OtherPlaceId, TransferAt);

        var issued = next.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketIssued>();
        issued.OfficeId.ShouldBe(OfficeId);
        issued.DisplayNumber.ShouldBe("A001");
        issued.ServiceLineId.ShouldBe(consumer.Id);
        issued.Status.ShouldBe(TicketStatus.Waiting);
        issued.TargetPlaceId.ShouldBe(OtherPlaceId);
        issued.TransferredFromTicketId.ShouldBe(55);
        issued.TakenAt.ShouldBe(Morning);
    }

    [Fact]
    public void ShouldRefuseWhenTransferChangesNothing()
    {
        var ticket = TicketIn(TicketStatus.Serving);
        var before = Snapshot(ticket);

        var error = Should.Throw<DomainException>(() => ticket.TransferTo(Samhallsvagledning(), null, TransferAt));

        error.Message.ShouldBe("Välj en annan tjänst eller en viss plats att flytta nummer A001 till.");
        Snapshot(ticket).ShouldBe(before);
    }

    [Fact]
    public void ShouldRefuseWhenTransferredAgainToSameTargetPlace()
    {
        var first = TicketIn(TicketStatus.Serving);
        var second = first.TransferTo(Samhallsvagledning(), OtherPlaceId, TransferAt);
        WithId(second, 101);
        second.Call(OtherPlaceId, OtherStaff, TransferAt.AddMinutes(5));

        Should.Throw<DomainException>(() => second.TransferTo(Samhallsvagledning(), OtherPlaceId, TransferAt.AddMinutes(6)))
            .Message.ShouldBe("Välj en annan tjänst eller en viss plats att flytta nummer A001 till.");
    }

    [Fact]
    public void ShouldChainTransfersWhenTransferredTwice()
    {
        var first = TicketIn(TicketStatus.Serving, id: 100);
        var second = WithId(first.TransferTo(Konsumentvagledning(), null, TransferAt), 101);
        second.Call(OtherPlaceId, OtherStaff, TransferAt.AddMinutes(5));

        var third = second.TransferTo(Samhallsvagledning(), null, TransferAt.AddMinutes(9));

        third.TransferredFromTicketId.ShouldBe(101);
        third.TakenAt.ShouldBe(Morning);
        third.DisplayNumber.ShouldBe("A001");
    }

    [Fact]
    public void ShouldRefuseTransferWhenNewServiceIsInactive()
    {
        var ticket = TicketIn(TicketStatus.Serving);
        var consumer = Konsumentvagledning();
        consumer.Deactivate();
        var before = Snapshot(ticket);

        Should.Throw<DomainException>(() => ticket.TransferTo(consumer, null, TransferAt))
            .Message.ShouldBe("Tjänsten Konsumentvägledning tar inte emot besökare just nu.");
        Snapshot(ticket).ShouldBe(before);
    }

    [Fact]
    public void ShouldRefuseTransferWhenNewServiceBelongsToAnotherOffice()
    {
        var ticket = TicketIn(TicketStatus.Serving);
        var elsewhere = WithId(ServiceLine.Create(OfficeId + 1, "Samhällsvägledning", 'A', 1), 99);

        Should.Throw<DomainException>(() => ticket.TransferTo(elsewhere, null, TransferAt))
            .Message.ShouldBe("Tjänsten Samhällsvägledning hör till ett annat kontor.");
        ticket.Status.ShouldBe(TicketStatus.Serving);
    }

    [Fact]
    public void ShouldThrowWhenUnsavedTicketIsTransferred()
    {
        var ticket = Ticket.Issue(OfficeId, Samhallsvagledning(), 1, Day, Morning);
        ticket.Call(PlaceId, Staff, Morning.AddMinutes(1));

        Should.Throw<InvalidOperationException>(() => ticket.TransferTo(Konsumentvagledning(), null, TransferAt));
        ticket.Status.ShouldBe(TicketStatus.Called);
    }
}
