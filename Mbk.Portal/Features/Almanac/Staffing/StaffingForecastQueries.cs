using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>
/// The staffing need of one ISO week from the office's own history (see <see cref="ArrivalForecast"/> and
/// <see cref="StaffingNeedCalculator"/>): <see cref="Needs"/> per day and day part, the mean service time and the
/// waiting-time target it was computed with, and the partner visits of the week (noted: the forecast rests on ordinary
/// days, so a partner's afternoon may bring more).
/// </summary>
public sealed record StaffingForecastWeek(
    IsoWeekNumber Week,
    IReadOnlyList<DayPartNeed> Needs,
    double MeanServiceMinutes,
    bool ServiceTimeMeasured,
    int TargetWaitMinutes,
    IReadOnlyDictionary<DateOnly, IReadOnlyList<string>> PartnerVisits)
{
    public DayPartNeed? Need(DateOnly date, DayPart part) => Needs.FirstOrDefault(n => n.Date == date && n.DayPart == part);
}

/// <summary>
/// Reads the history a forecast needs — tickets taken (walk-ins included, transfers not: they continue a visit) and
/// questions tapped without a ticket, per office-local hour over the last <see cref="ArrivalForecast.MaxWeeks"/>
/// weeks; the mean service time of the tickets finished then; the strictest waiting-time target of the active services
/// — and computes the week's need per day part.
/// </summary>
public sealed class StaffingForecastQueries(IDbContextFactory<PortalDbContext> dbFactory, AlmanacEventQueries events)
{
    /// <summary>Assumed when no ticket in the window was finished (a new office): stated on the page.</summary>
    public const double DefaultServiceMinutes = 10;

    /// <summary>Used when the office has no active service.</summary>
    public const int DefaultTargetWaitMinutes = 20;

    public async Task<StaffingForecastWeek> GetWeekAsync(int officeId, IsoWeekNumber week, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var zone = office.TimeZone;
        var first = week.Monday.AddDays(-7 * ArrivalForecast.MaxWeeks);
        var start = ServiceDayCalculator.ToInstant(first, TimeOnly.MinValue, zone);
        var end = ServiceDayCalculator.ToInstant(week.Monday, TimeOnly.MinValue, zone);
        var schedule = await OpeningScheduleQueries.LoadAsync(db, office, first, week.Sunday, cancellationToken);

        var taken = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.TakenAt >= start && t.TakenAt < end && t.TransferredFromTicketId == null)
            .Select(t => t.TakenAt)
            .ToListAsync(cancellationToken);
        var tapped = await db.QuestionTallies.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.RecordedAt >= start && t.RecordedAt < end && t.Granularity == TallyGranularity.Instant && t.TicketId == null)
            .Select(t => new { t.RecordedAt, t.Count })
            .ToListAsync(cancellationToken);
        var served = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.TakenAt >= start && t.TakenAt < end && t.ServingStartedAt != null && t.FinishedAt != null)
            .Select(t => new { t.ServingStartedAt, t.FinishedAt })
            .ToListAsync(cancellationToken);
        var targets = await db.ServiceLines.AsNoTracking()
            .Where(s => s.OfficeId == officeId && s.IsActive)
            .Select(s => s.WaitTargetMinutes)
            .ToListAsync(cancellationToken);

        var perDay = new Dictionary<DateOnly, double[]>();
        void Add(DateTimeOffset at, double count)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone);
            var date = DateOnly.FromDateTime(local.DateTime);
            if (!perDay.TryGetValue(date, out var hours))
            {
                perDay[date] = hours = new double[ArrivalDay.HoursPerDay];
            }

            hours[local.Hour] += count;
        }

        foreach (var at in taken)
        {
            Add(at, 1);
        }

        foreach (var tally in tapped)
        {
            Add(tally.RecordedAt, tally.Count);
        }

        // Nothing recorded in the whole window (the portal was not in use yet) is missing history, not twelve weeks of
        // nobody coming: then there is no forecast at all.
        var recorded = taken.Count > 0 || tapped.Count > 0;
        var history = new List<ArrivalDay>();
        for (var date = first; date < week.Monday; date = date.AddDays(1))
        {
            var comparable = recorded && ArrivalForecast.IsComparable(schedule.Day(date));
            history.Add(new ArrivalDay(date, comparable, perDay.TryGetValue(date, out var hours) ? hours : new double[ArrivalDay.HoursPerDay]));
        }

        var serviceMinutes = served
            .Select(s => (s.FinishedAt!.Value - s.ServingStartedAt!.Value).TotalMinutes)
            .Where(m => m > 0)
            .DefaultIfEmpty(0)
            .Average();
        var measured = serviceMinutes > 0;
        var meanService = measured ? serviceMinutes : DefaultServiceMinutes;
        var target = targets.Count == 0 ? DefaultTargetWaitMinutes : targets.Min();

        var needs = new List<DayPartNeed>();
        foreach (var date in week.Days)
        {
            var forecast = ArrivalForecast.Forecast(date, history);
            var hours = schedule.Day(date).Hours;
            needs.AddRange(DayParts.All.Select(part => StaffingNeedCalculator.ForDayPart(forecast, part, hours, meanService, target)));
        }

        var partners = (await events.GetOccurrencesAsync(officeId, week.Monday, week.Sunday, cancellationToken))
            .Where(o => o.Kind == CalendarEventKind.PartnerVisit)
            .GroupBy(o => o.Date)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<string>)g.Select(o => o.StartTime is { } from && o.EndTime is { } to ? $"{o.Title} {from:HH\\:mm}–{to:HH\\:mm}" : o.Title).ToList());
        return new StaffingForecastWeek(week, needs, meanService, measured, target, partners);
    }
}
