using Mbk.Domain.Common;

namespace Mbk.Domain.Almanac;

/// <summary>Which part of the almanac changed, so screens reload only what they show.</summary>
public enum AlmanacArea
{
    Events = 0,
    OpeningHours = 1,
    Staffing = 2,
}

/// <summary>Something in an office's almanac changed; open almanacs, start pages and displays reload.</summary>
public sealed record AlmanacChanged(int OfficeId, AlmanacArea Area) : IOfficeEvent
{
    public string Topic => "AlmanacChanged";
}
