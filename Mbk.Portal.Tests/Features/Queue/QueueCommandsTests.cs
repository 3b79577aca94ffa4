using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>The queue's service layer on a real SQLite file.</summary>
[Trait("Providers", "Both")]
public sealed class QueueCommandsTests : IAsyncLifetime
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

    [Fact]
    public async Task ShouldNumberTicketsPerServiceAndRestartNextDay()
    {
        (await _office.TakeAsync(_office.ServiceA)).ShouldBe("A001");
        (await _office.TakeAsync(_office.ServiceA)).ShouldBe("A002");
        (await _office.TakeAsync(_office.ServiceB)).ShouldBe("B001");

        _clock.Advance(TimeSpan.FromDays(1));

        (await _office.TakeAsync(_office.ServiceA)).ShouldBe("A001");
    }

    [Fact]
    public async Task ShouldTellHowManyAreAheadAndGiveNoEstimateWithoutHistory()
    {
        await _office.TakeAsync(_office.ServiceA);
        await _office.TakeAsync(_office.ServiceB);

        var third = await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, "kiosk-1");

        third.Receipt!.Ahead.ShouldBe(1);
        third.Receipt.EstimatedMinutes.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldEstimateFromRecentServiceTimeAndPlacesServing()
    {
        var staff = await _office.StaffAsync("Ahmed");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.CallNextAsync(staff);
        _clock.Advance(TimeSpan.FromMinutes(12));
        await _office.Commands.FinishAsync(staff, [_office.Categories[0].Id], null);
        await _office.TakeAsync(_office.ServiceA);
        await _office.TakeAsync(_office.ServiceA);

        var receipt = (await _office.Commands.TakeTicketAsync(_office.Office.Slug, _office.ServiceA.Id, "kiosk-1")).Receipt!;

        // 2 ahead × 12 minutes ÷ 1 place serving A.
        receipt.Ahead.ShouldBe(2);
        receipt.EstimatedMinutes.ShouldBe(24);
    }

    [Fact]
    public async Task ShouldRefuseTicketWhenOfficeIsClosedAndTellWhenItOpens()
    {
        var closedOffice = await QueueTestOffice.CreateAsync(_database, _clock,
            openingHours: "mon=closed;tue=09:00-16:00;wed=closed;thu=closed;fri=closed;sat=closed;sun=closed");

        var result = await closedOffice.Commands.TakeTicketAsync(closedOffice.Office.Slug, closedOffice.ServiceA.Id, "kiosk-1");

        result.Refusal.ShouldBe(KioskRefusal.Closed);
        result.NextOpening.ShouldBe(new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero));
        (await closedOffice.TicketsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseFloodFromOneKioskButServeAnother()
    {
        var limited = await QueueTestOffice.CreateAsync(_database, _clock, kioskLimit: 3);
        for (var i = 0; i < 3; i++)
        {
            await limited.TakeAsync(limited.ServiceA, "stuck-kiosk");
        }

        var flooded = await limited.Commands.TakeTicketAsync(limited.Office.Slug, limited.ServiceA.Id, "stuck-kiosk");
        var other = await limited.Commands.TakeTicketAsync(limited.Office.Slug, limited.ServiceA.Id, "other-kiosk");

        flooded.Refusal.ShouldBe(KioskRefusal.RateLimited);
        other.Refusal.ShouldBe(KioskRefusal.None);
        (await limited.TicketsAsync()).Count.ShouldBe(4);
    }

    [Fact]
    public async Task ShouldCallOldestTicketAcrossChosenServices()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.TakeAsync(_office.ServiceB);
        _clock.Advance(TimeSpan.FromSeconds(5));
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id, _office.ServiceB.Id]);

        (await _office.Commands.CallNextAsync(staff)).ShouldBe("B001");
    }

    [Fact]
    public async Task ShouldRefuseCallNextWhileVisitIsOpen()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.CallNextAsync(staff);

        var error = await Should.ThrowAsync<DomainException>(() => _office.Commands.CallNextAsync(staff));

        error.Message.ShouldBe("Avsluta, flytta eller parkera A001 innan du kan kalla nästa.");
    }

    [Fact]
    public async Task ShouldRecordTalliesAndReferralWhenVisitIsFinished()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.CallNextAsync(staff);

        await _office.Commands.FinishAsync(staff, [_office.Categories[0].Id, _office.Categories[1].Id], _office.Referral.Id);

        await using var db = _database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.OfficeId == _office.Office.Id);
        ticket.Status.ShouldBe(TicketStatus.Done);
        var tallies = await db.QuestionTallies.Where(t => t.TicketId == ticket.Id).ToListAsync();
        tallies.Select(t => t.QuestionCategoryId).Order().ShouldBe(_office.Categories.Select(c => c.Id).Order());
        tallies.ShouldAllBe(t => t.Channel == Mbk.Domain.Statistics.TallyChannel.Bord && t.StaffUserId == staff.UserId);
        (await db.Referrals.SingleAsync(r => r.TicketId == ticket.Id)).ReferralTargetId.ShouldBe(_office.Referral.Id);
    }

    [Fact]
    public async Task ShouldRefuseFinishWithoutCategoryAndKeepVisitOpen()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.CallNextAsync(staff);

        var error = await Should.ThrowAsync<DomainException>(() => _office.Commands.FinishAsync(staff, [], null));

        error.Message.ShouldBe("Välj minst ett ärendeslag innan du avslutar besöket.");
        (await _office.TicketsAsync()).Single().Status.ShouldBe(TicketStatus.Called);
    }

    [Fact]
    public async Task ShouldKeepNumberAndPlaceInLineWhenTransferredToAnotherService()
    {
        var first = await _office.StaffAsync("Sara");
        var second = await _office.StaffAsync("Ahmed");
        await _office.Commands.SitDownAsync(first, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.Commands.SitDownAsync(second, _office.Tables[1].Id, [_office.ServiceB.Id]);
        await _office.TakeAsync(_office.ServiceA);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _office.TakeAsync(_office.ServiceB);
        await _office.Commands.CallNextAsync(first);

        await _office.Commands.TransferAsync(first, _office.ServiceB.Id, null);

        (await _office.Commands.CallNextAsync(second)).ShouldBe("A001");
        var tickets = await _office.TicketsAsync();
        tickets.Count(t => t.Status == TicketStatus.Transferred).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldCountWalkInLikeATicket()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);

        (await _office.Commands.ServeWalkInAsync(staff, _office.ServiceA.Id)).ShouldBe("A002");
        await _office.Commands.FinishAsync(staff, [_office.Categories[0].Id], null);

        var monitor = await _office.Queries.GetMonitorAsync(_office.Office.Id);
        var a = monitor.Services.Single(s => s.Prefix == 'A');
        a.Served.ShouldBe(1);
        a.Waiting.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldParkVisitAndTakeItBack()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.CallNextAsync(staff);
        await _office.Commands.StartServingAsync(staff);
        await _office.Commands.ParkAsync(staff);
        (await _office.Commands.CallNextAsync(staff)).ShouldBe("A002");
        await _office.Commands.MarkNoShowAsync(staff);
        var parked = (await _office.TicketsAsync()).Single(t => t.Status == TicketStatus.Parked);

        (await _office.Commands.ResumeAsync(staff, parked.Id)).ShouldBe("A001");

        (await _office.TicketsAsync()).Single(t => t.Id == parked.Id).Status.ShouldBe(TicketStatus.Serving);
    }

    [Fact]
    public async Task ShouldCallOutOfOrderOnlyWithReason()
    {
        var staff = await _office.StaffAsync("Sara");
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.TakeAsync(_office.ServiceA);
        var second = (await _office.TicketsAsync())[1];

        await Should.ThrowAsync<DomainException>(() => _office.Commands.CallTicketAsync(staff, second.Id, " "));
        (await _office.Commands.CallTicketAsync(staff, second.Id, "Rullstol, kan inte vänta")).ShouldBe("A002");

        (await _office.TicketsAsync())[1].CalledOutOfOrderReason.ShouldBe("Rullstol, kan inte vänta");
    }

    [Fact]
    public async Task ShouldRefuseSeatTakenBySomeoneElseUnlessTakingOver()
    {
        var first = await _office.StaffAsync("Sara");
        var second = await _office.StaffAsync("Ahmed");
        await _office.Commands.SitDownAsync(first, _office.Tables[0].Id, [_office.ServiceA.Id]);

        var error = await Should.ThrowAsync<DomainException>(() => _office.Commands.SitDownAsync(second, _office.Tables[0].Id, [_office.ServiceA.Id]));
        error.Message.ShouldBe("Bord 1 används redan av Sara. Välj en annan plats eller ta över platsen.");

        await _office.Commands.SitDownAsync(second, _office.Tables[0].Id, [_office.ServiceA.Id], takeOver: true);
        var counter = await _office.Queries.GetCounterAsync(_office.Office.Id, second.UserId);
        counter.MyPlace!.PlaceName.ShouldBe("Bord 1");
        (await _office.Queries.GetCounterAsync(_office.Office.Id, first.UserId)).MyPlace.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldCloseWaitingTicketsAsNotServedAfterClosingTime()
    {
        var office = await QueueTestOffice.CreateAsync(_database, _clock,
            openingHours: "mon=09:00-16:00;tue=09:00-16:00;wed=09:00-16:00;thu=09:00-19:00;fri=09:00-16:00;sat=closed;sun=closed");
        var staff = await office.StaffAsync("Sara");
        await office.Commands.SitDownAsync(staff, office.Tables[0].Id, [office.ServiceA.Id]);
        await office.TakeAsync(office.ServiceA);
        await office.TakeAsync(office.ServiceA);
        await office.Commands.CallNextAsync(staff);
        await office.Commands.StartServingAsync(staff);

        (await office.Commands.CloseEndedDaysAsync(TimeSpan.Zero)).ShouldBe(0, "before closing nothing is closed");
        _clock.Advance(TimeSpan.FromHours(6)); // 16:00 Stockholm
        await office.Commands.CloseEndedDaysAsync(TimeSpan.Zero);

        var tickets = await office.TicketsAsync();
        tickets[0].Status.ShouldBe(TicketStatus.Serving, "a visit in progress is left to finish");
        tickets[1].Status.ShouldBe(TicketStatus.NotServed);
        (await office.Queries.GetMonitorAsync(office.Office.Id)).Services.Single(s => s.Prefix == 'A').NotServed.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldFlagServiceWhenLongestWaitPassesTarget()
    {
        await _office.TakeAsync(_office.ServiceA);
        _clock.Advance(TimeSpan.FromMinutes(21));

        var alerts = await _office.Queries.GetWaitAlertsAsync(_office.Office.Id);
        var monitor = await _office.Queries.GetMonitorAsync(_office.Office.Id);

        alerts.ShouldHaveSingleItem().LongestWaitMinutes.ShouldBe(21);
        monitor.Services.Single(s => s.Prefix == 'A').OverTarget.ShouldBeTrue();
        monitor.Services.Single(s => s.Prefix == 'B').OverTarget.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldShowLatestCallFirstOnDisplayIncludingRecalls()
    {
        var first = await _office.StaffAsync("Sara");
        var second = await _office.StaffAsync("Ahmed");
        await _office.Commands.SitDownAsync(first, _office.Tables[0].Id, [_office.ServiceA.Id]);
        await _office.Commands.SitDownAsync(second, _office.Tables[1].Id, [_office.ServiceA.Id]);
        await _office.TakeAsync(_office.ServiceA);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.CallNextAsync(first);
        _clock.Advance(TimeSpan.FromSeconds(10));
        await _office.Commands.CallNextAsync(second);
        _clock.Advance(TimeSpan.FromSeconds(10));

        await _office.Commands.RecallAsync(first);

        var display = (await _office.Queries.GetDisplayAsync(_office.Office.Slug))!;
        display.Current!.Number.ShouldBe("A001");
        display.Current.PlaceName.ShouldBe("Bord 1");
        display.Recent.ShouldHaveSingleItem().Number.ShouldBe("A002");
    }
}
