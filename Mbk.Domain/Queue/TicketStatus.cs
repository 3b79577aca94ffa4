namespace Mbk.Domain.Queue;

/// <summary>Where a ticket is in its day. Waiting, Called, Serving and Parked are open; the rest are final.</summary>
public enum TicketStatus
{
    /// <summary>Taken at the kiosk (or transferred) and waiting to be called.</summary>
    Waiting = 0,

    /// <summary>Called to a place; the visitor is on the way.</summary>
    Called = 1,

    /// <summary>The visitor is being served.</summary>
    Serving = 2,

    /// <summary>Service paused while the visitor steps away (e.g. to fetch a document).</summary>
    Parked = 3,

    /// <summary>Served and finished.</summary>
    Done = 4,

    /// <summary>Called but the visitor never came.</summary>
    NoShow = 5,

    /// <summary>Handed over to another service or place; a new waiting ticket carries on.</summary>
    Transferred = 6,

    /// <summary>Still open when the office closed for the day.</summary>
    NotServed = 7,

    /// <summary>The visitor gave the ticket up from the phone ("Jag behöver inte längre hjälp"); not a no-show.</summary>
    VisitorCancelled = 8,
}
