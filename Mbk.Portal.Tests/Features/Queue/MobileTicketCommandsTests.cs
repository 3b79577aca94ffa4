using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>The mobile ticket's service side on a real SQLite file, under a fixed clock.</summary>
public sealed class MobileTicketCommandsTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 in Stockholm.
    private static readonly DateTimeOffset Monday10 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Monday10);
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database, _clock);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<TicketReceipt> TakeAsync()
    {
        var result = await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, "kiosk-1");
        return result.Receipt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldStoreOnlyTheHashOfTheCodeWhenAKioskTicketIsTaken()
    {
        var receipt = await TakeAsync();

        MobileTicketCode.IsWellFormed(receipt.MobileCode).ShouldBeTrue();
        await using var db = _database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == receipt.TicketId);
        ticket.MobileCodeHash.ShouldBe(MobileTicketCode.HashOf(receipt.MobileCode));
        (await db.Tickets.CountAsync(t => t.MobileCodeHash == receipt.MobileCode)).ShouldBe(0);
        ticket.MobileCodeExpiresAt.ShouldBe(new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ShouldFindTheOfficeUntilMidnightAndNothingAfterWhenTheCodeIsLookedUp()
    {
        var receipt = await TakeAsync();

        (await _office.Queries.FindMobileTicketOfficeAsync(receipt.MobileCode)).ShouldBe(_office.Office.Id);
        (await _office.Queries.FindMobileTicketOfficeAsync(MobileTicketCode.New().Code)).ShouldBeNull();

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 23, 0, 0, TimeSpan.Zero));

        (await _office.Queries.FindMobileTicketOfficeAsync(receipt.MobileCode)).ShouldBeNull();
        (await _office.Commands.GiveUpAsync(receipt.MobileCode)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldShowAheadAndCountAsCancelledNotNoShowWhenGivenUp()
    {
        var first = await TakeAsync();
        var second = await TakeAsync();
        var queue = (await _office.Queries.GetMobileQueueAsync(_office.Office.Id)).ShouldNotBeNull();
        queue.Tickets[MobileTicketCode.HashOf(first.MobileCode)].Ahead.ShouldBe(0);
        queue.Tickets[MobileTicketCode.HashOf(second.MobileCode)].Ahead.ShouldBe(1);

        (await _office.Commands.GiveUpAsync(first.MobileCode)).ShouldBeTrue();
        (await _office.Commands.GiveUpAsync(first.MobileCode)).ShouldBeFalse();

        queue = (await _office.Queries.GetMobileQueueAsync(_office.Office.Id)).ShouldNotBeNull();
        queue.Tickets[MobileTicketCode.HashOf(first.MobileCode)].Status.ShouldBe(TicketStatus.VisitorCancelled);
        queue.Tickets[MobileTicketCode.HashOf(second.MobileCode)].Ahead.ShouldBe(0);
        var row = (await _office.Queries.GetMonitorAsync(_office.Office.Id)).Services.Single(s => s.Prefix == 'A');
        row.GivenUp.ShouldBe(1);
        row.NoShows.ShouldBe(0);
        row.Waiting.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldListTheGivenUpTicketOnTheCounterWhenTheVisitorLeavesFromThePhone()
    {
        var receipt = await TakeAsync();
        var staff = await _office.StaffAsync("Anna");

        await _office.Commands.GiveUpAsync(receipt.MobileCode);

        var counter = await _office.Queries.GetCounterAsync(_office.Office.Id, staff.UserId);
        counter.Waiting.ShouldBeEmpty();
        counter.GivenUp.ShouldNotBeNull().Single().Number.ShouldBe("A001");
    }

    [Fact]
    public async Task ShouldRefuseAGuessedCodeWhenGivingUp()
    {
        await TakeAsync();

        (await _office.Commands.GiveUpAsync(MobileTicketCode.New().Code)).ShouldBeFalse();
        (await _office.Commands.GiveUpAsync("../../etc/passwd")).ShouldBeFalse();
    }
}
