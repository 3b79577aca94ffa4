using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using static Mbk.Portal.Tests.Domain.Queue.QueueTestData;

namespace Mbk.Portal.Tests.Domain.Queue;

/// <summary>The mobile ticket's code: 128 random bits, URL-safe, kept only as a hash, valid to the end of the office-local day.</summary>
public class MobileTicketCodeTests
{
    [Fact]
    public void ShouldBeUrlSafeAndCarry128RandomBitsWhenCreated()
    {
        var code = MobileTicketCode.New();

        code.Code.Length.ShouldBe(MobileTicketCode.Length);
        MobileTicketCode.IsWellFormed(code.Code).ShouldBeTrue();
        System.Buffers.Text.Base64Url.DecodeFromChars(code.Code).Length.ShouldBe(16);
        Uri.EscapeDataString(code.Code).ShouldBe(code.Code);
    }

    [Fact]
    public void ShouldNeverRepeatWhenManyAreCreated()
    {
        var codes = Enumerable.Range(0, 10_000).Select(_ => MobileTicketCode.New().Code).ToHashSet(StringComparer.Ordinal);

        codes.Count.ShouldBe(10_000);
    }

    [Fact]
    public void ShouldKeepTheSha256OfTheCodeAndNotTheCodeWhenAttachedToATicket()
    {
        var code = MobileTicketCode.New();
        var ticket = Ticket.Issue(OfficeId, Samhallsvagledning(), 1, Day, Morning);

        ticket.AttachMobileCode(code, Stockholm);

        ticket.MobileCodeHash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code.Code))));
        ticket.MobileCodeHash!.Length.ShouldBe(MobileTicketCode.HashLength);
        ticket.MobileCodeHash.ShouldNotContain(code.Code);
        code.Hash.ShouldBe(MobileTicketCode.HashOf(code.Code));
    }

    [Fact]
    public void ShouldOpenTheTicketUntilTheEndOfTheOfficeLocalDayWhenTheCodeIsRight()
    {
        var code = MobileTicketCode.New();
        var ticket = Ticket.Issue(OfficeId, Samhallsvagledning(), 1, Day, Morning);
        ticket.AttachMobileCode(code, Stockholm);
        // 2025-03-04 in Stockholm (UTC+1) ends at 23:00 UTC.
        var endOfDay = new DateTimeOffset(2025, 3, 4, 23, 0, 0, TimeSpan.Zero);

        ticket.MobileCodeExpiresAt.ShouldBe(endOfDay);
        ticket.MobileCodeOpensAt(code.Hash, endOfDay.AddTicks(-1)).ShouldBeTrue();
        ticket.MobileCodeOpensAt(code.Hash, endOfDay).ShouldBeFalse();
        ticket.MobileCodeOpensAt(MobileTicketCode.New().Hash, Morning).ShouldBeFalse();
    }

    [Fact]
    public void ShouldEndAfter25HoursWhenTheDayIsTheAutumnDstChange()
    {
        var day = new DateOnly(2027, 10, 31);

        var expires = MobileTicketCode.ExpiresAt(day, Stockholm);

        expires.ShouldBe(new DateTimeOffset(2027, 10, 31, 23, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAA/")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAA")]
    public void ShouldNotBeWellFormedWhenLengthOrAlphabetIsWrong(string? code) =>
        MobileTicketCode.IsWellFormed(code).ShouldBeFalse();

    [Fact]
    public void ShouldMoveTheCodeToTheNewTicketWhenTransferred()
    {
        var code = MobileTicketCode.New();
        var ticket = WithId(Ticket.Issue(OfficeId, Samhallsvagledning(), 1, Day, Morning), 100);
        ticket.AttachMobileCode(code, Stockholm);
        ticket.Call(PlaceId, Staff, Morning.AddMinutes(5));

        var next = ticket.TransferTo(Konsumentvagledning(), null, Morning.AddMinutes(10));

        next.MobileCodeHash.ShouldBe(code.Hash);
        next.MobileCodeExpiresAt.ShouldBe(MobileTicketCode.ExpiresAt(Day, Stockholm));
        ticket.MobileCodeHash.ShouldBeNull();
    }

    [Theory]
    [InlineData(TicketStatus.Waiting)]
    [InlineData(TicketStatus.Called)]
    public void ShouldLeaveTheQueueAsVisitorCancelledNotNoShowWhenGivenUp(TicketStatus status)
    {
        var ticket = TicketIn(status);
        var at = Morning.AddMinutes(40);

        ticket.GiveUp(at);

        ticket.Status.ShouldBe(TicketStatus.VisitorCancelled);
        ticket.IsOpen.ShouldBeFalse();
        ticket.FinishedAt.ShouldBe(at);
        ticket.PendingEvents.OfType<TicketStatusChanged>().Single().Status.ShouldBe(TicketStatus.VisitorCancelled);
    }

    [Theory]
    [InlineData(TicketStatus.Serving)]
    [InlineData(TicketStatus.Done)]
    [InlineData(TicketStatus.NoShow)]
    public void ShouldRefuseInSwedishWhenGivenUpAfterServiceBegan(TicketStatus status)
    {
        var ticket = TicketIn(status);

        var error = Should.Throw<DomainException>(() => ticket.GiveUp(Morning.AddMinutes(40)));

        error.Message.ShouldStartWith("Nummer A001 ");
        error.Message.ShouldEndWith("och kan inte lämnas tillbaka.");
    }
}
