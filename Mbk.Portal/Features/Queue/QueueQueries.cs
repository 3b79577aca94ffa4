using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Almanac.PartnerVisits;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Queue;

/// <summary>
/// Reads for the kiosk, the display, the counter and the monitor. A day's tickets of one office are a few hundred
/// rows, so the day's figures are computed from that set; history-wide statistics live in the statistics feature.
/// </summary>
public sealed class QueueQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many finished visits of a service feed its mean service time.</summary>
    public const int RecentVisits = 30;

    /// <summary>How far back finished visits count as recent.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(14);

    /// <summary>How long the counter lists a ticket given up from the phone.</summary>
    public static readonly TimeSpan GivenUpShownFor = TimeSpan.FromMinutes(30);

    private static readonly TicketStatus[] OpenAtPlace = [TicketStatus.Called, TicketStatus.Serving];

    public async Task<Office?> FindOfficeAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug && o.IsActive, cancellationToken);
    }

    public async Task<KioskView?> GetKioskAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug && o.IsActive, cancellationToken);
        return office is null ? null : await KioskAsync(db, office, cancellationToken);
    }

    /// <summary>The kiosk's view of an active office by its id (for the shared read model); null when there is none.</summary>
    public async Task<KioskView?> GetKioskAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId && o.IsActive, cancellationToken);
        return office is null ? null : await KioskAsync(db, office, cancellationToken);
    }

    /// <summary>The id of the active office with this slug; null when there is none.</summary>
    public async Task<int?> FindOfficeIdAsync(string slug, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Offices.AsNoTracking()
            .Where(o => o.Slug == slug && o.IsActive)
            .Select(o => (int?)o.Id)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private async Task<KioskView> KioskAsync(PortalDbContext db, Office office, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedule = await OpeningScheduleQueries.LoadAroundAsync(db, office, now, cancellationToken);
        var isOpen = schedule.IsOpen(now, office.TimeZone);
        var visits = await PartnerVisitQueueGate.StateAsync(db, office.Id, now, cancellationToken);
        return new KioskView(
            office.Id,
            office.Name,
            office.Slug,
            isOpen,
            isOpen ? null : schedule.NextOpening(now, office.TimeZone),
            (await ServiceStatusAsync(db, office, now, cancellationToken)).Where(s => visits.IsOffered(s.Id)).ToList(),
            isOpen ? null : schedule.Day(ServiceDayCalculator.ServiceDay(now, office.TimeZone)).VisitorClosedReason);
    }

    public async Task<DisplayView?> GetDisplayAsync(string slug, int recentCount = 5, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == slug && o.IsActive, cancellationToken);
        return office is null ? null : await DisplayAsync(db, office, recentCount, cancellationToken);
    }

    /// <summary>The display's view of an active office by its id (for the shared read model); null when there is none.</summary>
    public async Task<DisplayView?> GetDisplayAsync(int officeId, int recentCount = 5, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId && o.IsActive, cancellationToken);
        return office is null ? null : await DisplayAsync(db, office, recentCount, cancellationToken);
    }

    private async Task<DisplayView> DisplayAsync(PortalDbContext db, Office office, int recentCount, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var day = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        var calls = await (from t in db.Tickets.AsNoTracking()
                           join p in db.Places on t.PlaceId equals p.Id
                           where t.OfficeId == office.Id && t.ServiceDay == day && t.LastCalledAt != null && t.Status != TicketStatus.Transferred
                           orderby t.LastCalledAt descending
                           select new { t.Id, t.Prefix, t.Number, PlaceName = p.Name, t.LastCalledAt, t.RecallCount, t.Status })
            .Take(recentCount + 1)
            .ToListAsync(cancellationToken);
        var schedule = await OpeningScheduleQueries.LoadAsync(db, office, day, day, cancellationToken);
        var mapped = calls.Select(c => new DisplayCall(c.Id, Ticket.Format(c.Prefix, c.Number), c.PlaceName, c.LastCalledAt!.Value, c.RecallCount)).ToList();
        var visits = await PartnerVisitQueueGate.StateAsync(db, office.Id, now, cancellationToken);
        return new DisplayView(
            office.Id,
            office.Name,
            schedule.IsOpen(now, office.TimeZone),
            mapped.FirstOrDefault(),
            mapped.Skip(1).ToList(),
            // A visit-only service shows while its visit goes on, or while tickets from it still wait.
            (await ServiceStatusAsync(db, office, now, cancellationToken)).Where(s => visits.IsOffered(s.Id) || s.Waiting > 0).ToList());
    }

    public async Task<CounterView> GetCounterAsync(int officeId, string staffUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var now = clock.GetUtcNow();
        var day = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        var services = await ServicesAsync(db, officeId, cancellationToken);
        var places = await PlaceStatusAsync(db, officeId, day, cancellationToken);
        var myPlace = places.FirstOrDefault(p => p.StaffUserId == staffUserId);
        var serviceName = services.ToDictionary(s => s.Id, s => s.Name);

        CurrentTicket? current = null;
        IReadOnlyList<ParkedTicket> parked = [];
        IReadOnlyList<WaitingTicketRow> waiting = [];
        if (myPlace is not null)
        {
            var currentRow = await db.Tickets.AsNoTracking()
                .Where(t => t.PlaceId == myPlace.PlaceId && OpenAtPlace.Contains(t.Status))
                .OrderByDescending(t => t.Id)
                .FirstOrDefaultAsync(cancellationToken);
            current = currentRow is null
                ? null
                : new CurrentTicket(currentRow.Id, currentRow.DisplayNumber, currentRow.Status, currentRow.ServiceLineId, serviceName.GetValueOrDefault(currentRow.ServiceLineId, "?"), currentRow.CalledAt, currentRow.RecallCount, currentRow.IsWalkIn);
            parked = (await db.Tickets.AsNoTracking()
                    .Where(t => t.OfficeId == officeId && t.ServiceDay == day && t.Status == TicketStatus.Parked)
                    .ToListAsync(cancellationToken))
                .OrderBy(t => t.ParkedAt)
                .Select(t => new ParkedTicket(t.Id, t.DisplayNumber, serviceName.GetValueOrDefault(t.ServiceLineId, "?"), t.ParkedAt ?? t.TakenAt))
                .ToList();
        }

        var waitingTickets = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.ServiceDay == day && t.Status == TicketStatus.Waiting)
            .ToListAsync(cancellationToken);
        var targets = services.ToDictionary(s => s.Id, s => s.WaitTargetMinutes);
        var placeNames = places.ToDictionary(p => p.PlaceId, p => p.PlaceName);
        waiting = waitingTickets
            .OrderBy(t => t.TakenAt).ThenBy(t => t.Number)
            .Select(t =>
            {
                var waited = (int)Math.Floor((now - t.TakenAt).TotalMinutes);
                return new WaitingTicketRow(t.Id, t.DisplayNumber, t.ServiceLineId, serviceName.GetValueOrDefault(t.ServiceLineId, "?"), t.TakenAt, waited,
                    waited > targets.GetValueOrDefault(t.ServiceLineId, int.MaxValue), t.TargetPlaceId,
                    t.TargetPlaceId is { } target ? placeNames.GetValueOrDefault(target) : null);
            })
            .ToList();

        var since = now - TimeSpan.FromDays(90);
        var usage = await db.QuestionTallies.Where(t => t.OfficeId == officeId && t.RecordedAt >= since)
            .GroupBy(t => t.QuestionCategoryId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var categories = (await db.QuestionCategories.AsNoTracking().Where(c => c.OfficeId == officeId && c.IsActive).ToListAsync(cancellationToken))
            .OrderByDescending(c => usage.GetValueOrDefault(c.Id)).ThenBy(c => c.SortOrder)
            .Select(c => new CategoryOption(c.Id, c.Name))
            .ToList();
        var referrals = await db.ReferralTargets.AsNoTracking().Where(r => r.OfficeId == officeId && r.IsActive)
            .OrderBy(r => r.SortOrder)
            .Select(r => new ReferralOption(r.Id, r.Name))
            .ToListAsync(cancellationToken);
        // Tickets given up from the phone in the last half hour: staff see why a number left the list.
        var givenUpSince = now - GivenUpShownFor;
        var givenUp = (await db.Tickets.AsNoTracking()
                .Where(t => t.OfficeId == officeId && t.ServiceDay == day && t.Status == TicketStatus.VisitorCancelled)
                .ToListAsync(cancellationToken))
            .Where(t => t.FinishedAt >= givenUpSince)
            .OrderByDescending(t => t.FinishedAt)
            .Select(t => new GivenUpTicket(t.Id, t.DisplayNumber, serviceName.GetValueOrDefault(t.ServiceLineId, "?"), t.FinishedAt!.Value))
            .ToList();
        return new CounterView(officeId, services, places, myPlace, current, parked, waiting, categories, referrals, givenUp);
    }

    public async Task<MonitorView> GetMonitorAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var now = clock.GetUtcNow();
        var day = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        var services = await ServicesAsync(db, officeId, cancellationToken);
        var today = await db.Tickets.AsNoTracking().Where(t => t.OfficeId == officeId && t.ServiceDay == day).ToListAsync(cancellationToken);
        var statuses = await ServiceStatusAsync(db, office, now, cancellationToken);
        var rows = services.Where(s => s.IsActive || today.Any(t => t.ServiceLineId == s.Id)).Select(s =>
        {
            var mine = today.Where(t => t.ServiceLineId == s.Id).ToList();
            var waitingNow = mine.Where(t => t.Status == TicketStatus.Waiting).ToList();
            int? longest = waitingNow.Count == 0 ? null : (int)Math.Floor(waitingNow.Max(t => now - t.TakenAt).TotalMinutes);
            // A transferred visit's wait is counted once, in the service where it started.
            var waits = mine.Where(t => t.CalledAt is not null && t.TransferredFromTicketId is null && !t.IsWalkIn).Select(t => (t.CalledAt!.Value - t.TakenAt).TotalMinutes).ToList();
            var serviceTimes = mine.Where(t => t.Status == TicketStatus.Done && t.ServiceTime is not null).Select(t => t.ServiceTime!.Value.TotalMinutes).ToList();
            return new MonitorServiceRow(
                s.Id,
                s.Prefix,
                s.Name,
                waitingNow.Count,
                longest,
                waits.Count == 0 ? null : waits.Average(),
                serviceTimes.Count == 0 ? null : serviceTimes.Average(),
                mine.Count(t => t.Status == TicketStatus.Done),
                mine.Count(t => t.Status == TicketStatus.NoShow),
                mine.Count(t => t.Status == TicketStatus.NotServed),
                s.WaitTargetMinutes,
                longest > s.WaitTargetMinutes,
                statuses.FirstOrDefault(x => x.Id == s.Id)?.EstimatedMinutes,
                mine.Count(t => t.Status == TicketStatus.VisitorCancelled));
        }).ToList();
        return new MonitorView(rows, await PlaceStatusAsync(db, officeId, day, cancellationToken), now);
    }

    /// <summary>Services whose longest current wait has passed their target, for the notice on staff screens.</summary>
    public async Task<IReadOnlyList<WaitAlert>> GetWaitAlertsAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var day = ServiceDayCalculator.ServiceDay(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var oldest = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.ServiceDay == day && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceLineId)
            .Select(g => new { ServiceLineId = g.Key, Oldest = g.Min(t => t.TakenAt) })
            .ToListAsync(cancellationToken);
        var services = await ServicesAsync(db, officeId, cancellationToken);
        return oldest
            .Select(o => (Service: services.Single(s => s.Id == o.ServiceLineId), Minutes: (int)Math.Floor((now - o.Oldest).TotalMinutes)))
            .Where(x => x.Minutes > x.Service.WaitTargetMinutes)
            .OrderBy(x => x.Service.SortOrder)
            .Select(x => new WaitAlert(x.Service.Prefix, x.Service.Name, x.Minutes, x.Service.WaitTargetMinutes))
            .ToList();
    }

    public async Task<IReadOnlyList<ServiceInfo>> GetServicesAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ServicesAsync(db, officeId, cancellationToken);
    }

    public async Task<IReadOnlyList<PlaceInfo>> GetPlacesAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Places.AsNoTracking().Where(p => p.OfficeId == officeId).OrderBy(p => p.SortOrder)
            .Select(p => new PlaceInfo(p.Id, p.Name, p.SortOrder, p.IsActive)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Every phone-followed ticket of an office's current service day, keyed by its code's hash: what the mobile
    /// ticket pages show. Computed once per change for all phones of the office (see <c>MobileTicketReadModel</c>).
    /// </summary>
    public async Task<MobileQueueView?> GetMobileQueueAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officeId && o.IsActive, cancellationToken);
        if (office is null)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var day = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        var followed = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.ServiceDay == day && t.MobileCodeHash != null)
            .ToListAsync(cancellationToken);
        var result = new Dictionary<string, MobileTicketState>(StringComparer.Ordinal);
        if (followed.Count == 0)
        {
            return new MobileQueueView(office.Name, result);
        }

        var waiting = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.ServiceDay == day && t.Status == TicketStatus.Waiting)
            .Select(t => new { t.Id, t.ServiceLineId, t.TakenAt })
            .ToListAsync(cancellationToken);
        var services = (await ServicesAsync(db, officeId, cancellationToken)).ToDictionary(s => s.Id, s => s.Name);
        var places = await db.Places.AsNoTracking().Where(p => p.OfficeId == officeId).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var serving = await PlacesServingAsync(db, officeId, cancellationToken);
        var recent = new Dictionary<int, IReadOnlyList<TimeSpan>>();
        foreach (var ticket in followed)
        {
            int ahead = 0;
            int? estimate = null;
            if (ticket.Status == TicketStatus.Waiting)
            {
                ahead = waiting.Count(w => w.ServiceLineId == ticket.ServiceLineId
                                           && (w.TakenAt < ticket.TakenAt || (w.TakenAt == ticket.TakenAt && w.Id < ticket.Id)));
                if (!recent.TryGetValue(ticket.ServiceLineId, out var times))
                {
                    times = await RecentServiceTimesAsync(db, ticket.ServiceLineId, now, cancellationToken);
                    recent[ticket.ServiceLineId] = times;
                }

                var wait = WaitEstimator.Estimate(ahead, times, serving.GetValueOrDefault(ticket.ServiceLineId));
                estimate = wait is null ? null : WaitEstimator.ToDisplayMinutes(wait.Value);
            }

            result[ticket.MobileCodeHash!] = new MobileTicketState(
                ticket.DisplayNumber,
                services.GetValueOrDefault(ticket.ServiceLineId, "?"),
                ticket.Status,
                ahead,
                estimate,
                ticket.PlaceId is { } placeId ? places.GetValueOrDefault(placeId) : null,
                ticket.MobileCodeExpiresAt!.Value);
        }

        return new MobileQueueView(office.Name, result);
    }

    /// <summary>The office of the ticket a mobile code opens now; null for an unknown, guessed or expired code.</summary>
    public async Task<int?> FindMobileTicketOfficeAsync(string code, CancellationToken cancellationToken = default)
    {
        if (!MobileTicketCode.IsWellFormed(code))
        {
            return null;
        }

        var hash = MobileTicketCode.HashOf(code);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Tickets.AsNoTracking()
            .Where(t => t.MobileCodeHash == hash)
            .Select(t => new { t.OfficeId, t.MobileCodeExpiresAt })
            .ToListAsync(cancellationToken);
        return found.FirstOrDefault(t => t.MobileCodeExpiresAt > now)?.OfficeId;
    }

    /// <summary>
    /// Estimated wait = tickets ahead × mean service time of the service's recent visits ÷ places serving it now.
    /// Null when the service has no finished visit in <see cref="RecentWindow"/> or nobody serves it.
    /// </summary>
    internal static async Task<int?> EstimateWaitAsync(PortalDbContext db, int officeId, int serviceLineId, int ahead, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recent = await RecentServiceTimesAsync(db, serviceLineId, now, cancellationToken);
        var serving = await PlacesServingAsync(db, officeId, cancellationToken);
        var estimate = WaitEstimator.Estimate(ahead, recent, serving.GetValueOrDefault(serviceLineId));
        return estimate is null ? null : WaitEstimator.ToDisplayMinutes(estimate.Value);
    }

    private static async Task<IReadOnlyList<TimeSpan>> RecentServiceTimesAsync(PortalDbContext db, int serviceLineId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - RecentWindow;
        var visits = await db.Tickets.AsNoTracking()
            .Where(t => t.ServiceLineId == serviceLineId && t.Status == TicketStatus.Done && t.FinishedAt >= since && t.ServingStartedAt != null)
            .OrderByDescending(t => t.FinishedAt)
            .Take(RecentVisits)
            .Select(t => new { t.ServingStartedAt, t.FinishedAt })
            .ToListAsync(cancellationToken);
        return visits.Select(v => v.FinishedAt!.Value - v.ServingStartedAt!.Value).ToList();
    }

    private static async Task<Dictionary<int, int>> PlacesServingAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken)
    {
        var occupancies = await db.PlaceOccupancies.AsNoTracking().Where(o => o.OfficeId == officeId).ToListAsync(cancellationToken);
        return occupancies.SelectMany(o => o.ServiceLineIds).GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
    }

    private static async Task<IReadOnlyList<ServiceQueueStatus>> ServiceStatusAsync(PortalDbContext db, Office office, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        var waiting = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == office.Id && t.ServiceDay == day && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceLineId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var serving = await PlacesServingAsync(db, office.Id, cancellationToken);
        var result = new List<ServiceQueueStatus>();
        foreach (var service in (await ServicesAsync(db, office.Id, cancellationToken)).Where(s => s.IsActive))
        {
            var count = waiting.GetValueOrDefault(service.Id);
            var recent = await RecentServiceTimesAsync(db, service.Id, now, cancellationToken);
            var estimate = WaitEstimator.Estimate(count, recent, serving.GetValueOrDefault(service.Id));
            result.Add(new ServiceQueueStatus(service.Id, service.Prefix, service.Name, count, estimate is null ? null : WaitEstimator.ToDisplayMinutes(estimate.Value)));
        }

        return result;
    }

    private static async Task<IReadOnlyList<ServiceInfo>> ServicesAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken) =>
        await db.ServiceLines.AsNoTracking().Where(s => s.OfficeId == officeId).OrderBy(s => s.SortOrder)
            .Select(s => new ServiceInfo(s.Id, s.Prefix, s.Name, s.SortOrder, s.IsActive, s.WaitTargetMinutes))
            .ToListAsync(cancellationToken);

    private static async Task<IReadOnlyList<PlaceStatus>> PlaceStatusAsync(PortalDbContext db, int officeId, DateOnly day, CancellationToken cancellationToken)
    {
        var places = await db.Places.AsNoTracking().Where(p => p.OfficeId == officeId).OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var occupancies = await (from o in db.PlaceOccupancies.AsNoTracking()
                                 where o.OfficeId == officeId
                                 select new
                                 {
                                     Occupancy = o,
                                     DisplayName = db.Users.Where(u => u.Id == o.StaffUserId).Select(u => u.DisplayName).FirstOrDefault() ?? "(okänd)",
                                 }).ToListAsync(cancellationToken);
        var current = await db.Tickets.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.PlaceId != null && OpenAtPlace.Contains(t.Status))
            .ToListAsync(cancellationToken);
        return places.Where(p => p.IsActive || occupancies.Any(o => o.Occupancy.PlaceId == p.Id)).Select(p =>
        {
            var occupant = occupancies.FirstOrDefault(o => o.Occupancy.PlaceId == p.Id);
            var ticket = current.Where(t => t.PlaceId == p.Id).MaxBy(t => t.Id);
            return new PlaceStatus(p.Id, p.Name, p.IsActive, occupant?.Occupancy.StaffUserId, occupant?.DisplayName,
                occupant?.Occupancy.ServiceLineIds ?? [], ticket?.DisplayNumber, ticket?.Status);
        }).ToList();
    }
}
