using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>
/// A ticket joined the queue: taken at the kiosk, started as a walk-in, or created by a transfer.
/// <see cref="TicketId"/> is 0 when raised by a ticket that is not saved yet; the other fields are always known.
/// </summary>
public sealed record TicketIssued(
    int OfficeId,
    int TicketId,
    string DisplayNumber,
    int ServiceLineId,
    TicketStatus Status,
    DateTimeOffset TakenAt,
    bool IsWalkIn,
    int? TargetPlaceId,
    int? TransferredFromTicketId) : IOfficeEvent
{
    public string Topic => "TicketIssued";
}

/// <summary>A ticket was called to a place, or called again (<see cref="IsRecall"/>) so the display re-announces it.</summary>
public sealed record TicketCalled(
    int OfficeId,
    int TicketId,
    string DisplayNumber,
    int ServiceLineId,
    int PlaceId,
    bool IsRecall,
    int RecallCount,
    DateTimeOffset CalledAt) : IOfficeEvent
{
    public string Topic => "TicketCalled";
}

/// <summary>A ticket moved to <see cref="Status"/> by any transition other than issuing or calling.</summary>
public sealed record TicketStatusChanged(
    int OfficeId,
    int TicketId,
    string DisplayNumber,
    int ServiceLineId,
    int? PlaceId,
    TicketStatus Status,
    DateTimeOffset ChangedAt) : IOfficeEvent
{
    public string Topic => "TicketStatusChanged";
}

/// <summary>The office's services, places or opening hours changed: kiosks, displays and counters reload them.</summary>
public sealed record QueueSetupChanged(int OfficeId) : IOfficeEvent
{
    public string Topic => "QueueSetupChanged";
}

/// <summary>A staff member sat down at a place, changed services, or left it.</summary>
public sealed record PlaceOccupancyChanged(int OfficeId, int PlaceId) : IOfficeEvent
{
    public string Topic => "PlaceOccupancyChanged";
}
