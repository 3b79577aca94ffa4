using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>
/// A nummerlapp of one service on one service day. It never holds personal data: only a number,
/// times, and which place and staff member handled it.
/// </summary>
public sealed class Ticket : Entity
{
    public const int StaffUserIdMaxLength = 450;
    public const int OutOfOrderReasonMaxLength = 200;

    private Ticket()
    {
    }

    public int OfficeId { get; private set; }

    public int ServiceLineId { get; private set; }

    /// <summary>Letter of the service the ticket was first taken for; kept through transfers.</summary>
    public char Prefix { get; private set; }

    /// <summary>Running number within the service and day, from 1.</summary>
    public int Number { get; private set; }

    /// <summary>The office-local day the ticket belongs to (see <see cref="ServiceDayCalculator"/>).</summary>
    public DateOnly ServiceDay { get; private set; }

    /// <summary>The number as shown and announced: prefix and at least three digits ("A001", "A1234").</summary>
    public string DisplayNumber => Format(Prefix, Number);

    public TicketStatus Status { get; private set; }

    /// <summary>When the visitor took the ticket; a transferred ticket keeps the original time (it already waited).</summary>
    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>First call; recalls do not move it.</summary>
    public DateTimeOffset? CalledAt { get; private set; }

    /// <summary>The latest call or recall: the display shows the most recently announced number first.</summary>
    public DateTimeOffset? LastCalledAt { get; private set; }

    public DateTimeOffset? ServingStartedAt { get; private set; }

    /// <summary>When the ticket reached a final status (Done, NoShow, Transferred, NotServed).</summary>
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>When the ticket was last parked; cleared when service resumes.</summary>
    public DateTimeOffset? ParkedAt { get; private set; }

    /// <summary>The place that called or serves the ticket.</summary>
    public int? PlaceId { get; private set; }

    /// <summary>The staff member (user id) who called or serves the ticket.</summary>
    public string? StaffUserId { get; private set; }

    /// <summary>Set when the ticket was transferred to a specific place: only that place may call it.</summary>
    public int? TargetPlaceId { get; private set; }

    public int RecallCount { get; private set; }

    /// <summary>A visitor served without a ticket at the desk; counted like a ticket.</summary>
    public bool IsWalkIn { get; private set; }

    /// <summary>Why the ticket was called before others that waited longer, if it was.</summary>
    public string? CalledOutOfOrderReason { get; private set; }

    /// <summary>The ticket this one continues after a transfer.</summary>
    public int? TransferredFromTicketId { get; private set; }

    /// <summary>SHA-256 of the mobile ticket's code (<see cref="MobileTicketCode"/>); null for a ticket without one.</summary>
    public string? MobileCodeHash { get; private set; }

    /// <summary>The end of the office-local day the mobile code belongs to; the code opens nothing after it.</summary>
    public DateTimeOffset? MobileCodeExpiresAt { get; private set; }

    /// <summary>Waiting, Called, Serving or Parked: the visitor is still in the office's hands.</summary>
    public bool IsOpen => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving or TicketStatus.Parked;

    /// <summary>Time from taking the ticket to the first call; null until called.</summary>
    public TimeSpan? WaitTime => CalledAt - TakenAt;

    /// <summary>Time from the start of service to its end (parked time included); null until both are known.</summary>
    public TimeSpan? ServiceTime => FinishedAt - ServingStartedAt;

    /// <summary>Formats a prefix and number the way tickets show them ("A001"; all digits above 999).</summary>
    public static string Format(char prefix, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}{number:000}");

    /// <summary>A visitor takes a ticket at the kiosk.</summary>
    public static Ticket Issue(int officeId, ServiceLine service, int number, DateOnly serviceDay, DateTimeOffset now)
    {
        var ticket = New(officeId, service, number, serviceDay, now);
        ticket.Status = TicketStatus.Waiting;
        ticket.RaiseIssued();
        return ticket;
    }

    /// <summary>
    /// Links a mobile ticket code to this ticket; only the code's hash is kept. The code expires at the end of the
    /// ticket's office-local service day.
    /// </summary>
    public void AttachMobileCode(MobileTicketCode code, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(zone);
        if (MobileCodeHash is not null)
        {
            throw new InvalidOperationException("A ticket gets one mobile code, when it is issued.");
        }

        MobileCodeHash = code.Hash;
        MobileCodeExpiresAt = MobileTicketCode.ExpiresAt(ServiceDay, zone);
    }

    /// <summary>Whether the mobile code with this hash opens the ticket at <paramref name="now"/>.</summary>
    public bool MobileCodeOpensAt(string codeHash, DateTimeOffset now) =>
        MobileCodeHash is not null && MobileCodeHash == codeHash && MobileCodeExpiresAt is { } expires && now < expires;

    /// <summary>
    /// The visitor no longer needs help and gives the ticket up from the phone, while waiting or already called. It
    /// leaves the queue and is counted as cancelled by the visitor, not as a no-show.
    /// </summary>
    public void GiveUp(DateTimeOffset now)
    {
        Require(TicketStatus.Waiting, TicketStatus.Called, "lämnas tillbaka");
        Close(TicketStatus.VisitorCancelled, now);
    }

    /// <summary>Staff start serving a visitor who came to the desk without a ticket; they are counted like a ticket.</summary>
    public static Ticket StartWalkIn(
        int officeId, ServiceLine service, int number, DateOnly serviceDay, int placeId, string staffUserId, DateTimeOffset now)
    {
        var ticket = New(officeId, service, number, serviceDay, now);
        ticket.Status = TicketStatus.Serving;
        ticket.IsWalkIn = true;
        ticket.CalledAt = now;
        ticket.LastCalledAt = now;
        ticket.ServingStartedAt = now;
        ticket.PlaceId = placeId;
        ticket.StaffUserId = Text.Required(staffUserId, "Handläggare", StaffUserIdMaxLength);
        ticket.RaiseIssued();
        return ticket;
    }

    /// <summary>Calls a waiting ticket to a place. A reason is given when it is called before tickets that waited longer.</summary>
    public void Call(int placeId, string staffUserId, DateTimeOffset now, string? outOfOrderReason = null)
    {
        Require(TicketStatus.Waiting, "ropas upp igen");
        if (TargetPlaceId is { } target && target != placeId)
        {
            throw new DomainException($"Nummer {DisplayNumber} är flyttat till en annan plats och kan bara ropas upp där.");
        }

        var staff = Text.Required(staffUserId, "Handläggare", StaffUserIdMaxLength);
        var reason = Text.Optional(outOfOrderReason, "Anledning", OutOfOrderReasonMaxLength);

        Status = TicketStatus.Called;
        CalledAt = now;
        LastCalledAt = now;
        PlaceId = placeId;
        StaffUserId = staff;
        CalledOutOfOrderReason = reason;
        Raise(new TicketCalled(OfficeId, Id, DisplayNumber, ServiceLineId, placeId, IsRecall: false, RecallCount, now));
    }

    /// <summary>Calls the ticket again to the same place, so the display announces it once more.</summary>
    public void Recall(DateTimeOffset now)
    {
        Require(TicketStatus.Called, "ropas upp på nytt");
        RecallCount++;
        LastCalledAt = now;
        Raise(new TicketCalled(OfficeId, Id, DisplayNumber, ServiceLineId, PlaceId!.Value, IsRecall: true, RecallCount, now));
    }

    /// <summary>The called visitor has arrived at the place.</summary>
    public void StartServing(DateTimeOffset now)
    {
        Require(TicketStatus.Called, "börja betjänas");
        Status = TicketStatus.Serving;
        ServingStartedAt = now;
        RaiseStatusChanged(now);
    }

    /// <summary>
    /// Service is over. From Called (staff did not press "start"), service is taken to have started when the
    /// visitor was called, so the service time still feeds the wait estimate.
    /// </summary>
    public void Finish(DateTimeOffset now)
    {
        Require(TicketStatus.Serving, TicketStatus.Called, "markeras som klar");
        ServingStartedAt ??= CalledAt ?? now;
        Close(TicketStatus.Done, now);
    }

    /// <summary>The called visitor never came.</summary>
    public void MarkNoShow(DateTimeOffset now)
    {
        Require(TicketStatus.Called, "markeras som ej infunnen");
        Close(TicketStatus.NoShow, now);
    }

    /// <summary>The visitor steps away for a while (e.g. to fetch a document); the place can serve others meanwhile.</summary>
    public void Park(DateTimeOffset now)
    {
        Require(TicketStatus.Serving, "parkeras");
        Status = TicketStatus.Parked;
        ParkedAt = now;
        RaiseStatusChanged(now);
    }

    /// <summary>Service of a parked ticket continues, at any place.</summary>
    public void Resume(int placeId, string staffUserId, DateTimeOffset now)
    {
        Require(TicketStatus.Parked, "återupptas");
        var staff = Text.Required(staffUserId, "Handläggare", StaffUserIdMaxLength);
        Status = TicketStatus.Serving;
        PlaceId = placeId;
        StaffUserId = staff;
        ParkedAt = null;
        RaiseStatusChanged(now);
    }

    /// <summary>
    /// Hands the visitor over to another service and/or a specific place. This ticket becomes Transferred and the
    /// returned new ticket waits with the same number and the original <see cref="TakenAt"/>, so it keeps its place in
    /// line. With <paramref name="targetPlaceId"/> only that place may call it. The ticket must be saved (have an Id).
    /// </summary>
    public Ticket TransferTo(ServiceLine newService, int? targetPlaceId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(newService);
        Require(TicketStatus.Called, TicketStatus.Serving, TicketStatus.Parked, "flyttas");
        CheckService(OfficeId, newService);
        if (newService.Id == ServiceLineId && targetPlaceId == TargetPlaceId)
        {
            throw new DomainException($"Välj en annan tjänst eller en viss plats att flytta nummer {DisplayNumber} till.");
        }

        if (Id == 0)
        {
            throw new InvalidOperationException("A ticket must be saved before it can be transferred, so the new ticket can refer to it.");
        }

        var next = new Ticket
        {
            OfficeId = OfficeId,
            ServiceLineId = newService.Id,
            Prefix = Prefix,
            Number = Number,
            ServiceDay = ServiceDay,
            Status = TicketStatus.Waiting,
            TakenAt = TakenAt,
            TargetPlaceId = targetPlaceId,
            TransferredFromTicketId = Id,
            // The visitor's phone follows the visit to the new ticket.
            MobileCodeHash = MobileCodeHash,
            MobileCodeExpiresAt = MobileCodeExpiresAt,
        };

        MobileCodeHash = null;
        MobileCodeExpiresAt = null;

        Close(TicketStatus.Transferred, now);
        next.RaiseIssued();
        return next;
    }

    /// <summary>The office closes: a ticket still waiting, called or parked was not served today.</summary>
    public void CloseAtEndOfDay(DateTimeOffset now)
    {
        Require(TicketStatus.Waiting, TicketStatus.Called, TicketStatus.Parked, "stängas vid dagens slut");
        Close(TicketStatus.NotServed, now);
    }

    private static Ticket New(int officeId, ServiceLine service, int number, DateOnly serviceDay, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(service);
        CheckService(officeId, service);
        if (number < 1)
        {
            throw new DomainException("Numret måste vara 1 eller högre.");
        }

        return new Ticket
        {
            OfficeId = officeId,
            ServiceLineId = service.Id,
            Prefix = service.Prefix,
            Number = number,
            ServiceDay = serviceDay,
            TakenAt = now,
        };
    }

    private static void CheckService(int officeId, ServiceLine service)
    {
        if (service.OfficeId != officeId)
        {
            throw new DomainException($"Tjänsten {service.Name} hör till ett annat kontor.");
        }

        if (!service.IsActive)
        {
            throw new DomainException($"Tjänsten {service.Name} tar inte emot besökare just nu.");
        }
    }

    private void Close(TicketStatus status, DateTimeOffset now)
    {
        Status = status;
        FinishedAt = now;
        RaiseStatusChanged(now);
    }

    private void Require(TicketStatus allowed, string action)
    {
        if (Status != allowed)
        {
            throw Refusal(action);
        }
    }

    private void Require(TicketStatus first, TicketStatus second, string action)
    {
        if (Status != first && Status != second)
        {
            throw Refusal(action);
        }
    }

    private void Require(TicketStatus first, TicketStatus second, TicketStatus third, string action)
    {
        if (Status != first && Status != second && Status != third)
        {
            throw Refusal(action);
        }
    }

    private DomainException Refusal(string action) =>
        new($"Nummer {DisplayNumber} {StatusPhrase(Status)} och kan inte {action}.");

    private static string StatusPhrase(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => "har inte ropats upp än",
        TicketStatus.Called => "är redan uppropad",
        TicketStatus.Serving => "betjänas redan",
        TicketStatus.Parked => "är parkerad",
        TicketStatus.Done => "är redan klar",
        TicketStatus.NoShow => "är redan markerad som ej infunnen",
        TicketStatus.Transferred => "är redan flyttad",
        TicketStatus.NotServed => "stängdes vid dagens slut",
        TicketStatus.VisitorCancelled => "har lämnats tillbaka av besökaren",
        _ => "har ett okänt läge",
    };

    private void RaiseIssued() =>
        Raise(new TicketIssued(OfficeId, Id, DisplayNumber, ServiceLineId, Status, TakenAt, IsWalkIn, TargetPlaceId, TransferredFromTicketId));

    private void RaiseStatusChanged(DateTimeOffset now) =>
        Raise(new TicketStatusChanged(OfficeId, Id, DisplayNumber, ServiceLineId, PlaceId, Status, now));
}
