using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Queue;

public class QueueOrderingTests
{
    private const int A = 11;
    private const int B = 12;
    private const int C = 13;
    private const int Here = 1;
    private const int There = 2;

    private static readonly DateTimeOffset Nine = new(2025, 3, 4, 9, 0, 0, TimeSpan.FromHours(1));

    private static WaitingCandidate Candidate(int id, int service, int minutesAfterNine, int number, int? target = null) =>
        new(id, service, target, Nine.AddMinutes(minutesAfterNine), number);

    [Fact]
    public void ShouldPickOldestAcrossChosenServicesWhenSeveralWait()
    {
        var waiting = new[]
        {
            Candidate(1, A, 10, 3),
            Candidate(2, B, 5, 2),
            Candidate(3, A, 7, 4),
        };

        QueueOrdering.PickNext(waiting, [A, B], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldIgnoreServicesNotChosenWhenPicking()
    {
        var waiting = new[]
        {
            Candidate(1, C, 0, 1),
            Candidate(2, A, 9, 2),
        };

        QueueOrdering.PickNext(waiting, [A, B], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldReturnNullWhenNothingWaitsInChosenServices()
    {
        QueueOrdering.PickNext([Candidate(1, C, 0, 1)], [A], Here).ShouldBeNull();
    }

    [Fact]
    public void ShouldReturnNullWhenNothingWaits()
    {
        QueueOrdering.PickNext([], [A], Here).ShouldBeNull();
    }

    [Fact]
    public void ShouldNeverPickTicketTargetedAtAnotherPlace()
    {
        var waiting = new[]
        {
            Candidate(1, A, 0, 1, target: There),
            Candidate(2, A, 5, 2),
        };

        QueueOrdering.PickNext(waiting, [A], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldReturnNullWhenOnlyTicketsForOtherPlacesWait()
    {
        QueueOrdering.PickNext([Candidate(1, A, 0, 1, target: There)], [A], Here).ShouldBeNull();
    }

    [Fact]
    public void ShouldPickTicketTargetedAtThisPlaceBeforeOlderTickets()
    {
        var waiting = new[]
        {
            Candidate(1, A, 0, 1),
            Candidate(2, B, 30, 9, target: Here),
        };

        QueueOrdering.PickNext(waiting, [A, B], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldPickOldestTargetedTicketWhenSeveralAreTargetedAtThisPlace()
    {
        var waiting = new[]
        {
            Candidate(1, A, 20, 5, target: Here),
            Candidate(2, B, 10, 8, target: Here),
            Candidate(3, A, 0, 1),
        };

        QueueOrdering.PickNext(waiting, [A, B], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldIgnoreTicketTargetedAtThisPlaceWhenItsServiceIsNotChosen()
    {
        var waiting = new[]
        {
            Candidate(1, C, 0, 1, target: Here),
            Candidate(2, A, 5, 2),
        };

        QueueOrdering.PickNext(waiting, [A], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldPickLowerNumberWhenTakenAtTies()
    {
        var waiting = new[]
        {
            Candidate(1, A, 5, 4),
            Candidate(2, B, 5, 3),
        };

        QueueOrdering.PickNext(waiting, [A, B], Here)!.TicketId.ShouldBe(2);
    }

    [Fact]
    public void ShouldPickLowerTicketIdWhenTakenAtAndNumberTie()
    {
        var waiting = new[]
        {
            Candidate(9, A, 5, 3),
            Candidate(4, B, 5, 3),
        };

        QueueOrdering.PickNext(waiting, [A, B], Here)!.TicketId.ShouldBe(4);
    }

    [Fact]
    public void ShouldCompareInstantsNotLocalClockWhenOffsetsDiffer()
    {
        var waiting = new[]
        {
            new WaitingCandidate(1, A, null, new DateTimeOffset(2025, 3, 4, 9, 0, 0, TimeSpan.FromHours(1)), 1),
            new WaitingCandidate(2, A, null, new DateTimeOffset(2025, 3, 4, 8, 30, 0, TimeSpan.Zero), 2),
        };

        QueueOrdering.PickNext(waiting, [A], Here)!.TicketId.ShouldBe(1);
    }

    [Fact]
    public void ShouldRefuseInSwedishWhenNoServiceIsChosen()
    {
        var error = Should.Throw<DomainException>(() => QueueOrdering.PickNext([Candidate(1, A, 0, 1)], [], Here));

        error.Message.ShouldBe("Välj minst en tjänst att ta nummer från.");
    }
}
