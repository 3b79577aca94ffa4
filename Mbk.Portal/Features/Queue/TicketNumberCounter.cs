namespace Mbk.Portal.Features.Queue;

/// <summary>The last ticket number given out per service and office-local day; numbers restart each day.</summary>
public sealed class TicketNumberCounter
{
    public int ServiceLineId { get; set; }

    public DateOnly ServiceDay { get; set; }

    public int LastNumber { get; set; }
}
