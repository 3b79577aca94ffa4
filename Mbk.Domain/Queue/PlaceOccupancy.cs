using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>
/// A staff member sitting at a place and the services they take tickets from. One person sits at one place at a
/// time, and one place has one person; the portal enforces both with unique keys.
/// </summary>
public sealed class PlaceOccupancy : Entity
{
    private PlaceOccupancy()
    {
        StaffUserId = string.Empty;
        ServiceLineIdsText = string.Empty;
    }

    public int OfficeId { get; private set; }

    public int PlaceId { get; private set; }

    public string StaffUserId { get; private set; }

    /// <summary>Stored as a comma-separated list so the row stays one row per place.</summary>
    public string ServiceLineIdsText { get; private set; }

    public DateTimeOffset Since { get; private set; }

    public IReadOnlyList<int> ServiceLineIds =>
        ServiceLineIdsText.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static PlaceOccupancy SitDown(Place place, string staffUserId, IReadOnlyCollection<int> serviceLineIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(place);
        if (!place.IsActive)
        {
            throw new DomainException($"{place.Name} används inte längre. Välj en annan plats.");
        }

        var occupancy = new PlaceOccupancy
        {
            OfficeId = place.OfficeId,
            PlaceId = place.Id,
            StaffUserId = Text.Required(staffUserId, "Personal", 450),
            Since = now,
        };
        occupancy.ChooseServices(serviceLineIds);
        return occupancy;
    }

    public void ChooseServices(IReadOnlyCollection<int> serviceLineIds)
    {
        ArgumentNullException.ThrowIfNull(serviceLineIds);
        if (serviceLineIds.Count == 0)
        {
            throw new DomainException("Välj minst en tjänst att ta nummer från.");
        }

        ServiceLineIdsText = string.Join(',', serviceLineIds.Distinct().Order().Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Raise(new PlaceOccupancyChanged(OfficeId, PlaceId));
    }

    public void Leave() => Raise(new PlaceOccupancyChanged(OfficeId, PlaceId));
}
