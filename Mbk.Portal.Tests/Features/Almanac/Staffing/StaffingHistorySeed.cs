using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

/// <summary>
/// Past weeks of an office's queue for the staffing forecast: on each of the twelve Tuesdays before
/// <c>targetMonday</c>, <c>perHour</c> tickets taken between 10:00 and 11:00 (office-local), each served for
/// <c>serviceMinutes</c>.
/// </summary>
internal static class StaffingHistorySeed
{
    public static async Task BusyTuesdayMorningsAsync(IDbContextFactory<PortalDbContext> database, int officeId, DateOnly targetMonday, int perHour = 12, int serviceMinutes = 6)
    {
        await using var db = await database.CreateDbContextAsync();
        var office = await db.Offices.SingleAsync(o => o.Id == officeId);
        var service = await db.ServiceLines.Where(s => s.OfficeId == officeId && s.IsActive).OrderBy(s => s.SortOrder).FirstOrDefaultAsync();
        if (service is null)
        {
            service = ServiceLine.Create(officeId, "Samhällsvägledning", 'A', 1);
            db.ServiceLines.Add(service);
            await db.SaveChangesAsync();
        }

        var place = await db.Places.Where(p => p.OfficeId == officeId).OrderBy(p => p.SortOrder).FirstAsync();
        for (var week = 1; week <= 12; week++)
        {
            var tuesday = targetMonday.AddDays((-7 * week) + 1);
            for (var i = 0; i < perHour; i++)
            {
                var taken = ServiceDayCalculator.ToInstant(tuesday, new TimeOnly(10, 0).AddMinutes(i * 60 / perHour), office.TimeZone);
                // Numbers far above the demo's own tickets, so they never collide with a ticket taken today.
                var ticket = Ticket.Issue(officeId, service, 900 - i, tuesday, taken);
                ticket.Call(place.Id, "seed", taken.AddMinutes(1));
                ticket.StartServing(taken.AddMinutes(1));
                ticket.Finish(taken.AddMinutes(1 + serviceMinutes));
                db.Tickets.Add(ticket);
            }
        }

        await db.SaveChangesAsync();
    }
}
