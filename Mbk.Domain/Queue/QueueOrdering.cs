using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>What the ordering needs to know about a waiting ticket.</summary>
public sealed record WaitingCandidate(int TicketId, int ServiceLineId, int? TargetPlaceId, DateTimeOffset TakenAt, int Number);

/// <summary>Decides which waiting ticket a place calls next.</summary>
public static class QueueOrdering
{
    /// <summary>
    /// Picks the next ticket for <paramref name="placeId"/> among the services it takes tickets from:
    /// <list type="number">
    /// <item>only tickets of <paramref name="serviceLineIds"/> are considered;</item>
    /// <item>tickets transferred to another place are never picked;</item>
    /// <item>tickets transferred to this place come first, oldest first;</item>
    /// <item>then the oldest <see cref="WaitingCandidate.TakenAt"/> across the chosen services,
    /// ties broken by lower number, then lower ticket id.</item>
    /// </list>
    /// Returns null when nothing fits.
    /// </summary>
    /// <exception cref="DomainException">No service was chosen.</exception>
    public static WaitingCandidate? PickNext(IEnumerable<WaitingCandidate> waiting, IReadOnlyCollection<int> serviceLineIds, int placeId)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(serviceLineIds);
        if (serviceLineIds.Count == 0)
        {
            throw new DomainException("Välj minst en tjänst att ta nummer från.");
        }

        var services = serviceLineIds as IReadOnlySet<int> ?? serviceLineIds.ToHashSet();
        return waiting
            .Where(c => services.Contains(c.ServiceLineId))
            .Where(c => c.TargetPlaceId is null || c.TargetPlaceId == placeId)
            .OrderBy(c => c.TargetPlaceId == placeId ? 0 : 1)
            .ThenBy(c => c.TakenAt)
            .ThenBy(c => c.Number)
            .ThenBy(c => c.TicketId)
            .FirstOrDefault();
    }
}
