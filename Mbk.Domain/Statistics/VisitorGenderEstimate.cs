using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>
/// Staff's manual estimate of one day's visitors by gender (Rågsved wants visitors by gender; the door counter cannot
/// tell). One per office and day; <see cref="Set"/> replaces the figures.
/// </summary>
public sealed class VisitorGenderEstimate : Entity
{
    private VisitorGenderEstimate()
    {
    }

    public int OfficeId { get; private set; }

    /// <summary>The office-local day estimated.</summary>
    public DateOnly Day { get; private set; }

    public int Women { get; private set; }

    public int Men { get; private set; }

    public int Other { get; private set; }

    public int Unknown { get; private set; }

    public int Total => Women + Men + Other + Unknown;

    public static VisitorGenderEstimate Create(int officeId, DateOnly day, int women, int men, int other, int unknown)
    {
        var estimate = new VisitorGenderEstimate { OfficeId = officeId, Day = day };
        estimate.Set(women, men, other, unknown);
        return estimate;
    }

    /// <summary>Replaces the figures; each must be 0 or more.</summary>
    public void Set(int women, int men, int other, int unknown)
    {
        Check(women, "kvinnor");
        Check(men, "män");
        Check(other, "annat");
        Check(unknown, "okänt");
        Women = women;
        Men = men;
        Other = other;
        Unknown = unknown;
    }

    private static void Check(int value, string label)
    {
        if (value < 0)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Antalet för {label} kan inte vara negativt (var {value})."));
        }
    }
}
