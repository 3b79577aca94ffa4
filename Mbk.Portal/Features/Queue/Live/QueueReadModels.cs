using System.Collections.Concurrent;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.PartnerVisits;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Queue.Live;

/// <summary>What the waiting-room display shows: the calls and queues, and today's partner visits.</summary>
public sealed record DisplayScreen(DisplayView View, IReadOnlyList<TodaysPartnerVisit> Visits);

/// <summary>Which office events change what visitors see (queue, places, opening hours, partner visits).</summary>
internal static class QueueTopics
{
    public static bool ChangesVisitorScreens(IOfficeEvent officeEvent) =>
        officeEvent is TicketIssued or TicketCalled or TicketStatusChanged or QueueSetupChanged or PlaceOccupancyChanged
            or AlmanacChanged { Area: not AlmanacArea.Staffing };

    public static bool ChangesQueueFigures(IOfficeEvent officeEvent) =>
        officeEvent is TicketIssued or TicketCalled or TicketStatusChanged or QueueSetupChanged or PlaceOccupancyChanged;
}

/// <summary>The display's picture of an office, shared by every display of that office (recomputed each minute for the estimates and the clock).</summary>
public sealed class DisplayReadModel(ILiveEventBus bus, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<DisplayReadModel> logger)
    : OfficeReadModel<DisplayScreen>(bus, clock, logger)
{
    private readonly QueueQueries _queries = new(dbFactory, clock);
    private readonly PartnerVisitQueueGate _visits = new(dbFactory, clock);

    protected override bool IsAffectedBy(IOfficeEvent officeEvent) => QueueTopics.ChangesVisitorScreens(officeEvent);

    protected override async Task<DisplayScreen?> ComputeAsync(int officeId, CancellationToken cancellationToken)
    {
        var view = await _queries.GetDisplayAsync(officeId, cancellationToken: cancellationToken);
        return view is null ? null : new DisplayScreen(view, await _visits.GetTodaysVisitsAsync(officeId, cancellationToken));
    }
}

/// <summary>The kiosk's picture of an office, shared by every kiosk of that office (recomputed every 30 seconds, so it opens and closes with the hours).</summary>
public sealed class KioskReadModel(ILiveEventBus bus, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<KioskReadModel> logger)
    : OfficeReadModel<KioskView>(bus, clock, logger)
{
    private readonly QueueQueries _queries = new(dbFactory, clock);

    protected override TimeSpan Period => TimeSpan.FromSeconds(30);

    protected override bool IsAffectedBy(IOfficeEvent officeEvent) => QueueTopics.ChangesVisitorScreens(officeEvent);

    protected override Task<KioskView?> ComputeAsync(int officeId, CancellationToken cancellationToken) =>
        _queries.GetKioskAsync(officeId, cancellationToken);
}

/// <summary>The monitor's figures of an office, shared by every monitor open in that office (recomputed every 30 seconds so waits tick).</summary>
public sealed class MonitorReadModel(ILiveEventBus bus, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<MonitorReadModel> logger)
    : OfficeReadModel<MonitorView>(bus, clock, logger)
{
    private readonly QueueQueries _queries = new(dbFactory, clock);

    protected override TimeSpan Period => TimeSpan.FromSeconds(30);

    protected override bool IsAffectedBy(IOfficeEvent officeEvent) => QueueTopics.ChangesQueueFigures(officeEvent);

    protected override async Task<MonitorView?> ComputeAsync(int officeId, CancellationToken cancellationToken) =>
        await _queries.GetMonitorAsync(officeId, cancellationToken);
}

/// <summary>
/// The phone-followed tickets of an office (the mobile ticket pages), shared by every phone of that office: one
/// computation per change, however many phones follow (recomputed each minute for the estimates).
/// </summary>
public sealed class MobileTicketReadModel(ILiveEventBus bus, IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<MobileTicketReadModel> logger)
    : OfficeReadModel<MobileQueueView>(bus, clock, logger)
{
    private readonly QueueQueries _queries = new(dbFactory, clock);

    protected override bool IsAffectedBy(IOfficeEvent officeEvent) => QueueTopics.ChangesQueueFigures(officeEvent);

    protected override Task<MobileQueueView?> ComputeAsync(int officeId, CancellationToken cancellationToken) =>
        _queries.GetMobileQueueAsync(officeId, cancellationToken);
}

/// <summary>
/// Which office a public screen's slug names, remembered once found so that thousands of displays opening do not
/// each look it up. Unknown slugs are not remembered (the office may be created later).
/// </summary>
public sealed class OfficeSlugs(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private readonly QueueQueries _queries = new(dbFactory, clock);
    private readonly ConcurrentDictionary<string, int> _known = new(StringComparer.Ordinal);

    public async Task<int?> FindOfficeIdAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (_known.TryGetValue(slug, out var known))
        {
            return known;
        }

        var found = await _queries.FindOfficeIdAsync(slug, cancellationToken);
        if (found is { } officeId)
        {
            _known[slug] = officeId;
        }

        return found;
    }
}
