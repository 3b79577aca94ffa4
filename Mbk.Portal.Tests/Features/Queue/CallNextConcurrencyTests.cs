using System.Collections.Concurrent;
using Mbk.Domain.Queue;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>Twenty places calling next at the same time on a real database (SQLite file; PostgreSQL with row locks in the second pass): every ticket is called exactly once.</summary>
[Trait("Providers", "Both")]
public sealed class CallNextConcurrencyTests : IAsyncLifetime
{
    private const int Places = 20;
    private const int Tickets = 500;
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldCallEveryTicketExactlyOnceWhenTwentyPlacesCallInParallel()
    {
        var office = await QueueTestOffice.CreateAsync(_database, tables: Places);
        await using (var db = _database.CreateDbContext())
        {
            var day = ServiceDayCalculator.ServiceDay(DateTimeOffset.UtcNow, office.Office.TimeZone);
            var start = DateTimeOffset.UtcNow.AddHours(-1);
            for (var i = 1; i <= Tickets; i++)
            {
                var service = i % 2 == 0 ? office.ServiceA : office.ServiceB;
                db.Attach(service);
                db.Tickets.Add(Ticket.Issue(office.Office.Id, service, i, day, start.AddMilliseconds(i)));
            }

            await db.SaveChangesAsync();
        }

        var staff = new List<Mbk.Portal.Features.Identity.StaffContext>();
        for (var p = 0; p < Places; p++)
        {
            var member = await office.StaffAsync($"Vägledare {p + 1}");
            await office.Commands.SitDownAsync(member, office.Tables[p].Id, [office.ServiceA.Id, office.ServiceB.Id]);
            staff.Add(member);
        }

        var called = new ConcurrentBag<string>();
        using var go = new ManualResetEventSlim(false);
        var workers = staff.Select(member => Task.Run(async () =>
        {
            go.Wait();
            // On a loaded test machine a writer may wait past the busy timeout and be refused with "Försök igen"
            // (nothing stored); the person presses again. What this test checks is that every ticket is called once.
            while (await PressAgainWhenBusyAsync(() => office.Commands.CallNextAsync(member)) is { } number)
            {
                called.Add(number);
                await PressAgainWhenBusyAsync(() => office.Commands.FinishAsync(member, [office.Categories[0].Id], null));
            }
        })).ToList();
        go.Set();
        await Task.WhenAll(workers);

        called.Count.ShouldBe(Tickets);
        called.Distinct().Count().ShouldBe(Tickets);
        await using var check = _database.CreateDbContext();
        var tickets = await check.Tickets.Where(t => t.OfficeId == office.Office.Id).ToListAsync();
        tickets.ShouldAllBe(t => t.Status == TicketStatus.Done && t.CalledAt != null && t.RecallCount == 0);
        (await check.QuestionTallies.CountAsync(t => t.OfficeId == office.Office.Id)).ShouldBe(Tickets);
        tickets.Select(t => t.PlaceId).Distinct().Count().ShouldBeGreaterThan(1, "the work was shared between places");
    }

    [Fact]
    public async Task ShouldCallOneTicketWhenOnePersonPressesCallNextInTwoTabsAtOnce()
    {
        var office = await QueueTestOffice.CreateAsync(_database, tables: 2);
        for (var i = 0; i < 3; i++)
        {
            await office.TakeAsync(office.ServiceA);
        }

        var member = await office.StaffAsync("Vägledare i två flikar");
        await office.Commands.SitDownAsync(member, office.Tables[0].Id, [office.ServiceA.Id]);
        using var go = new ManualResetEventSlim(false);
        var tabs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            go.Wait();
            try
            {
                return await office.Commands.CallNextAsync(member);
            }
            catch (Mbk.Domain.Common.DomainException refused)
            {
                return refused.Message;
            }
        })).ToList();
        go.Set();
        var answers = await Task.WhenAll(tabs);

        answers.ShouldContain("A001");
        answers.ShouldContain(a => a!.StartsWith("Avsluta, flytta eller parkera A001", StringComparison.Ordinal), "the second tab is refused, not given A002");
        var tickets = await office.TicketsAsync();
        tickets.Count(t => t.Status == TicketStatus.Called).ShouldBe(1);
    }

    private static async Task<string?> PressAgainWhenBusyAsync(Func<Task<string?>> press)
    {
        while (true)
        {
            try
            {
                return await press();
            }
            catch (Exception ex) when (Mbk.Portal.Infrastructure.Persistence.DatabaseErrors.IsBusy(ex))
            {
                await Task.Delay(50);
            }
        }
    }
}
