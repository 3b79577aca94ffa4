using Hangfire;
using Hangfire.Storage;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Infrastructure.Jobs;

/// <summary>
/// The end-of-day closing as a Hangfire recurring job run by the real job server of a started portal (in-memory
/// storage, SQLite file, a fixed clock): registered with its schedule, run once at start-up (catching up on a day the
/// portal missed) and again when triggered.
/// </summary>
public sealed class EndOfDayJobTests
{
    // Tuesday 24 November 2026, 12:00 in Stockholm.
    private static readonly DateTimeOffset TuesdayNoon = new(2026, 11, 24, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(5, "*/5 * * * *")]
    [InlineData(59, "*/59 * * * *")]
    [InlineData(120, "0 */2 * * *")]
    [InlineData(1_440, "0 0 * * *")]
    public void ShouldScheduleTheCheckEveryConfiguredInterval(int minutes, string cron) =>
        EndOfDayJob.Cron(minutes).ShouldBe(cron);

    [Fact]
    public async Task ShouldBeARecurringJobThatClosesYesterdaysOpenTicketsAtStartAndWhenTriggered()
    {
        var clock = new FakeTimeProvider(TuesdayNoon);
        var dataDirectory = TestPaths.NewTempDirectory("end-of-day");
        int leftYesterday;
        await using (var before = new PortalAppFactory(dataDirectory, configureServices: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))))
        {
            _ = before.Services;
            leftYesterday = await AddWaitingTicketAsync(before.DbFactory, new DateOnly(2026, 11, 23), 1);
        }

        var settings = new Dictionary<string, string?> { ["Hangfire:Server:Enabled"] = "true", ["Queue:EndOfDayCheckMinutes"] = "10", ["Mail:Smtp:Port"] = "9" };
        await using var after = new PortalAppFactory(dataDirectory, settings, s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock)));
        _ = after.Services;

        await WaitForStatusAsync(after.DbFactory, leftYesterday, TicketStatus.NotServed);
        using (var connection = after.Services.GetRequiredService<JobStorage>().GetConnection())
        {
            var recurring = connection.GetRecurringJobs().Where(j => j.Id == EndOfDayJob.RecurringJobId).ShouldHaveSingleItem();
            recurring.Cron.ShouldBe("*/10 * * * *");
        }

        // Today's ticket stays open while the office is open; a ticket from two days back is closed on the next run.
        var today = await AddWaitingTicketAsync(after.DbFactory, new DateOnly(2026, 11, 24), 2);
        var older = await AddWaitingTicketAsync(after.DbFactory, new DateOnly(2026, 11, 22), 3);
        after.Services.GetRequiredService<IRecurringJobManager>().Trigger(EndOfDayJob.RecurringJobId);

        await WaitForStatusAsync(after.DbFactory, older, TicketStatus.NotServed);
        (await StatusAsync(after.DbFactory, today)).ShouldBe(TicketStatus.Waiting);
    }

    private static async Task<int> AddWaitingTicketAsync(IDbContextFactory<PortalDbContext> dbFactory, DateOnly day, int number)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var office = await db.Offices.SingleAsync(o => o.Slug == DatabaseInitializer.DemoOfficeSlug);
        var service = await db.ServiceLines.FirstAsync(s => s.OfficeId == office.Id);
        var ticket = Ticket.Issue(office.Id, service, number, day, new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        db.Tickets.Add(ticket);
        await db.SaveChangesAsync();
        return ticket.Id;
    }

    private static async Task<TicketStatus> StatusAsync(IDbContextFactory<PortalDbContext> dbFactory, int ticketId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Tickets.Where(t => t.Id == ticketId).Select(t => t.Status).SingleAsync();
    }

    private static async Task WaitForStatusAsync(IDbContextFactory<PortalDbContext> dbFactory, int ticketId, TicketStatus status)
    {
        for (var i = 0; i < 300 && await StatusAsync(dbFactory, ticketId) != status; i++)
        {
            await Task.Delay(100);
        }

        (await StatusAsync(dbFactory, ticketId)).ShouldBe(status);
    }
}
