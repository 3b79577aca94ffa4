using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.PartnerVisits;

/// <summary>A partner visit going on now that opens a queue service (and perhaps reserves it for one place).</summary>
public sealed record OpenPartnerVisit(int EventId, string Title, int ServiceLineId, int? PlaceId, DateTimeOffset Start, DateTimeOffset End);

/// <summary>A partner visit of today as the waiting-room display shows it ("Idag 13–16: Skatteverket").</summary>
public sealed record TodaysPartnerVisit(string Title, TimeOnly? StartTime, TimeOnly? EndTime, DateTimeOffset Start, DateTimeOffset End);

/// <summary>
/// The partner-visit rules of an office's queue at one instant. A service linked by any partner-visit event is
/// visit-only: offered only while an occurrence of such a visit goes on (local start ≤ now &lt; end). While a visit
/// with a place goes on, its tickets are called by that place only.
/// </summary>
public sealed record PartnerVisitGateState(IReadOnlySet<int> VisitOnlyServices, IReadOnlyList<OpenPartnerVisit> Open)
{
    public static PartnerVisitGateState None { get; } = new(new HashSet<int>(), []);

    /// <summary>Whether visitors may take a ticket for the service now.</summary>
    public bool IsOffered(int serviceLineId) => !VisitOnlyServices.Contains(serviceLineId) || Open.Any(v => v.ServiceLineId == serviceLineId);

    /// <summary>The place that serves the service now, or null when any place may (no visit with a place goes on).</summary>
    public int? PlaceFor(int serviceLineId) => Open.FirstOrDefault(v => v.ServiceLineId == serviceLineId && v.PlaceId is not null)?.PlaceId;

    /// <summary>The services whose visit sits at this place now: the place takes them whatever it chose.</summary>
    public IReadOnlyList<int> ServicesAt(int placeId) => Open.Where(v => v.PlaceId == placeId).Select(v => v.ServiceLineId).Distinct().ToList();

    /// <summary>Whether the service's tickets are called by another place now, so this place may not call them.</summary>
    public bool IsReservedForOtherPlace(int serviceLineId, int placeId) =>
        Open.Any(v => v.ServiceLineId == serviceLineId && v.PlaceId is not null)
        && !Open.Any(v => v.ServiceLineId == serviceLineId && v.PlaceId == placeId);

    /// <summary>Why another place may not call the service's ticket, in Swedish.</summary>
    public string OtherPlaceMessage(int serviceLineId, string serviceName)
    {
        var visit = Open.First(v => v.ServiceLineId == serviceLineId && v.PlaceId is not null);
        return $"{serviceName} kallas bara från partnerbesökets plats medan besöket \"{visit.Title}\" pågår.";
    }
}

/// <summary>
/// Answers the queue's partner-visit questions from the almanac: which visit-only services are open now for an office
/// and which place serves a service now. The queue calls <see cref="StateAsync(PortalDbContext, int, DateTimeOffset, CancellationToken)"/>
/// inside its own context and transaction; screens use the instance methods.
/// </summary>
public sealed class PartnerVisitQueueGate(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The refusal when a ticket is asked for a visit-only service outside its visit.</summary>
    public const string NotNowMessage = "Tjänsten finns bara under partnerbesöket och går inte att ta nummerlapp till just nu.";

    public async Task<PartnerVisitGateState> GetStateAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await StateAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The visit-only services open now for the office (ids).</summary>
    public async Task<IReadOnlyList<int>> OpenVisitOnlyServicesAsync(int officeId, CancellationToken cancellationToken = default) =>
        (await GetStateAsync(officeId, cancellationToken)).Open.Select(v => v.ServiceLineId).Distinct().ToList();

    /// <summary>The place that serves the service now, or null when any place may.</summary>
    public async Task<int?> PlaceServingAsync(int officeId, int serviceLineId, CancellationToken cancellationToken = default) =>
        (await GetStateAsync(officeId, cancellationToken)).PlaceFor(serviceLineId);

    /// <summary>Today's partner visits (all partner-visit events, with or without a queue service) that have not ended yet.</summary>
    public async Task<IReadOnlyList<TodaysPartnerVisit>> GetTodaysVisitsAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await ZoneAsync(db, officeId, cancellationToken);
        var now = clock.GetUtcNow();
        var today = ServiceDayCalculator.ServiceDay(now, zone);
        var events = await db.CalendarEvents.AsNoTracking()
            .Where(e => e.OfficeId == officeId && e.Kind == CalendarEventKind.PartnerVisit && (e.RecurrenceRule != null || (e.StartDate <= today && e.EndDate >= today)))
            .ToListAsync(cancellationToken);
        return events.SelectMany(e => e.Occurrences(today, today))
            .Where(o => o.End > now)
            .OrderBy(o => o.Start).ThenBy(o => o.Title, StringComparer.Ordinal)
            .Select(o => new TodaysPartnerVisit(o.Title, o.Date == today ? o.StartTime : null, o.EndDate == today ? o.EndTime : null, o.Start, o.End))
            .ToList();
    }

    /// <summary>The gate at <paramref name="now"/>, read with the caller's context (inside its transaction).</summary>
    public static async Task<PartnerVisitGateState> StateAsync(PortalDbContext db, int officeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visits = await db.CalendarEvents.AsNoTracking()
            .Where(e => e.OfficeId == officeId && e.Kind == CalendarEventKind.PartnerVisit && e.ServiceLineId != null)
            .ToListAsync(cancellationToken);
        if (visits.Count == 0)
        {
            return PartnerVisitGateState.None;
        }

        // Events carry the office's zone: no second query for the office on the queue's hot path.
        var today = ServiceDayCalculator.ServiceDay(now, visits[0].TimeZone);
        var open = visits
            .SelectMany(e => e.Occurrences(today, today))
            .Where(o => o.Start <= now && now < o.End && o.ServiceLineId is not null)
            .Select(o => new OpenPartnerVisit(o.EventId, o.Title, o.ServiceLineId!.Value, o.PlaceId, o.Start, o.End))
            .ToList();
        return new PartnerVisitGateState(visits.Select(e => e.ServiceLineId!.Value).ToHashSet(), open);
    }

    private static async Task<TimeZoneInfo> ZoneAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
    }
}
