using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Persistence;

/// <summary>
/// A realistic almanac for the demo office (<c>Seed:DemoAlmanac</c>, on in Development only): Skatteverket's weekly
/// afternoon with its own kiosk service at Bord 4, the monthly advokatjour, handledning every fourth week and a
/// datakurs. Added once, when the office has no events yet.
/// </summary>
internal static class DemoAlmanac
{
    public static async Task SeedAsync(PortalDbContext db, Office office, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CalendarEvents.AnyAsync(e => e.OfficeId == office.Id, cancellationToken))
        {
            return;
        }

        var taxService = await db.ServiceLines.SingleOrDefaultAsync(s => s.OfficeId == office.Id && s.Prefix == 'S', cancellationToken);
        if (taxService is null)
        {
            var order = await db.ServiceLines.Where(s => s.OfficeId == office.Id).CountAsync(cancellationToken);
            taxService = ServiceLine.Create(office.Id, "Skatteverket", 'S', order + 1);
            db.ServiceLines.Add(taxService);
            await db.SaveChangesAsync(cancellationToken);
        }

        var table4 = await db.Places.Where(p => p.OfficeId == office.Id && p.IsActive).OrderByDescending(p => p.SortOrder).FirstAsync(cancellationToken);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, office.TimeZone).Date);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var events = new[]
        {
            new CalendarEventDetails(
                CalendarEventKind.PartnerVisit, "Skatteverket", monday.AddDays(2), new TimeOnly(13, 0), new TimeOnly(16, 0),
                Location: table4.Name, Description: "Skatteverkets handläggare tar emot. Egen kötjänst i kiosken under besöket.",
                Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday]), ServiceLineId: taxService.Id, PlaceId: table4.Id),
            new CalendarEventDetails(
                CalendarEventKind.PartnerVisit, "Advokatjour", monday, new TimeOnly(17, 0), new TimeOnly(19, 0),
                Location: "Bord 1", Description: "Kostnadsfri juridisk rådgivning, 15 minuter per besökare.",
                Recurrence: Recurrence.MonthlyOnWeekday(1, DayOfWeek.Thursday)),
            new CalendarEventDetails(
                CalendarEventKind.Supervision, "Extern handledning", monday.AddDays(4), new TimeOnly(8, 0), new TimeOnly(9, 0),
                Location: "Fikarummet", Recurrence: Recurrence.Weekly([DayOfWeek.Friday], interval: 4)),
            new CalendarEventDetails(
                CalendarEventKind.Course, "Datakurs för nybörjare", monday.AddDays(1), new TimeOnly(10, 0), new TimeOnly(12, 0),
                Location: "Datasalen", Recurrence: Recurrence.Weekly([DayOfWeek.Tuesday], count: 6)),
        };
        foreach (var details in events)
        {
            db.CalendarEvents.Add(CalendarEvent.Create(office.Id, office.TimeZoneId, details, "demo", "Maria Enhetschef", now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
