using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Almanac.PartnerVisits;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Queue;

public enum KioskRefusal
{
    None,
    Closed,
    RateLimited,
    ServiceUnavailable,

    /// <summary>A partner visit's service outside the visit (<see cref="PartnerVisitQueueGate.NotNowMessage"/>).</summary>
    ServiceNotNow,
}

/// <param name="MobileCode">The secret of the ticket's phone address (<c>/t/{code}</c>); only its hash is stored.</param>
public sealed record TicketReceipt(int TicketId, string Number, char Prefix, string ServiceName, int Ahead, int? EstimatedMinutes, DateTimeOffset TakenAt, string MobileCode);

public sealed record KioskTicketResult(KioskRefusal Refusal, TicketReceipt? Receipt, DateTimeOffset? NextOpening)
{
    public static KioskTicketResult Refused(KioskRefusal refusal, DateTimeOffset? nextOpening = null) => new(refusal, null, nextOpening);
}

/// <summary>
/// Every change to the queue. Each runs in one short write transaction (SQLite takes the write lock at BEGIN), so
/// concurrent kiosks and counters are serialised: a ticket is called at most once, and numbers never repeat.
/// Events are published by the dispatcher after the commit.
/// </summary>
public sealed class QueueCommands(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    TicketRateLimiter rateLimiter,
    KioskDeviceLimit? deviceLimit = null)
{
    /// <summary>A visitor taps a service on the kiosk.</summary>
    public Task<KioskTicketResult> TakeTicketAsync(string officeSlug, int serviceLineId, string kioskKey, CancellationToken cancellationToken = default) =>
        TakeTicketAsync(officeSlug, serviceLineId, kioskKey, null, cancellationToken);

    /// <summary>
    /// A visitor taps a service on the kiosk. A kiosk registered on /queue/settings sends its device token and is
    /// limited per device (<c>Queue:KioskDeviceMaxTickets</c>); an unknown or removed token, or none, falls back to
    /// the limit per <paramref name="kioskKey"/> (the client address).
    /// </summary>
    public async Task<KioskTicketResult> TakeTicketAsync(string officeSlug, int serviceLineId, string kioskKey, string? deviceToken, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleOrDefaultAsync(o => o.Slug == officeSlug && o.IsActive, cancellationToken);
        if (office is null)
        {
            return KioskTicketResult.Refused(KioskRefusal.ServiceUnavailable);
        }

        var service = await db.ServiceLines.SingleOrDefaultAsync(s => s.Id == serviceLineId && s.OfficeId == office.Id, cancellationToken);
        if (service is null || !service.IsActive)
        {
            return KioskTicketResult.Refused(KioskRefusal.ServiceUnavailable);
        }

        var schedule = await OpeningScheduleQueries.LoadAroundAsync(db, office, now, cancellationToken);
        if (!schedule.IsOpen(now, office.TimeZone))
        {
            return KioskTicketResult.Refused(KioskRefusal.Closed, schedule.NextOpening(now, office.TimeZone));
        }

        if (!(await PartnerVisitQueueGate.StateAsync(db, office.Id, now, cancellationToken)).IsOffered(service.Id))
        {
            return KioskTicketResult.Refused(KioskRefusal.ServiceNotNow);
        }

        var deviceId = await RegisteredKioskAsync(db, office.Id, deviceToken, cancellationToken);
        var allowed = deviceId is { } device
            ? rateLimiter.TryAcquire($"{office.Id}:device:{device}", (deviceLimit ?? KioskDeviceLimit.Default).MaxTickets)
            : rateLimiter.TryAcquire($"{office.Id}:{kioskKey}");
        if (!allowed)
        {
            return KioskTicketResult.Refused(KioskRefusal.RateLimited);
        }

        var day = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        var mobileCode = MobileTicketCode.New();
        Ticket ticket;
        await using (var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeQueue, office.Id, cancellationToken))
        {
            var number = await NextNumberAsync(db, service.Id, day, cancellationToken);
            ticket = Ticket.Issue(office.Id, service, number, day, now);
            ticket.AttachMobileCode(mobileCode, office.TimeZone);
            db.Tickets.Add(ticket);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var ahead = await db.Tickets.CountAsync(
            t => t.ServiceLineId == service.Id && t.ServiceDay == day && t.Status == TicketStatus.Waiting && t.Id != ticket.Id
                 && (t.TakenAt < ticket.TakenAt || (t.TakenAt == ticket.TakenAt && t.Id < ticket.Id)),
            cancellationToken);
        var estimate = await QueueQueries.EstimateWaitAsync(db, office.Id, service.Id, ahead, now, cancellationToken);
        return new KioskTicketResult(
            KioskRefusal.None,
            new TicketReceipt(ticket.Id, ticket.DisplayNumber, ticket.Prefix, service.Name, ahead, estimate, ticket.TakenAt, mobileCode.Code),
            null);
    }

    /// <summary>
    /// The visitor gives the ticket up from the phone ("Jag behöver inte längre hjälp"). False when the code opens no
    /// ticket (unknown or expired) or the ticket is no longer waiting or called (already served, already given up).
    /// </summary>
    public async Task<bool> GiveUpAsync(string mobileCode, CancellationToken cancellationToken = default)
    {
        if (!MobileTicketCode.IsWellFormed(mobileCode))
        {
            return false;
        }

        var hash = MobileTicketCode.HashOf(mobileCode);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officeId = await db.Tickets.Where(t => t.MobileCodeHash == hash).Select(t => (int?)t.OfficeId).FirstOrDefaultAsync(cancellationToken);
        if (officeId is null)
        {
            return false;
        }

        await using var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeQueue, officeId.Value, cancellationToken);
        var ticket = await db.Tickets.Where(t => t.MobileCodeHash == hash).OrderByDescending(t => t.Id).FirstOrDefaultAsync(cancellationToken);
        if (ticket is null || !ticket.MobileCodeOpensAt(hash, now) || ticket.Status is not (TicketStatus.Waiting or TicketStatus.Called))
        {
            return false;
        }

        ticket.GiveUp(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Sits the staff member at a place, taking tickets from the chosen services.</summary>
    public async Task SitDownAsync(StaffContext actor, int placeId, IReadOnlyCollection<int> serviceLineIds, bool takeOver = false, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeQueue, officeId, cancellationToken);
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == placeId && p.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Platsen finns inte på ditt kontor.");
        var validServices = await db.ServiceLines.Where(s => s.OfficeId == officeId && serviceLineIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(cancellationToken);
        if (validServices.Count != serviceLineIds.Distinct().Count())
        {
            throw new DomainException("En av de valda tjänsterna finns inte på ditt kontor.");
        }

        // The visiting officer's place takes the partner visit's service while the visit goes on.
        var visits = await PartnerVisitQueueGate.StateAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        serviceLineIds = serviceLineIds.Union(visits.ServicesAt(placeId)).ToList();

        var atPlace = await db.PlaceOccupancies.SingleOrDefaultAsync(o => o.PlaceId == placeId, cancellationToken);
        if (atPlace is not null && atPlace.StaffUserId != actor.UserId)
        {
            if (!takeOver)
            {
                var name = await db.Users.Where(u => u.Id == atPlace.StaffUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "en kollega";
                throw new DomainException($"{place.Name} används redan av {name}. Välj en annan plats eller ta över platsen.");
            }

            await RequireNoActiveTicketAsync(db, placeId, "ta över platsen", cancellationToken);
            atPlace.Leave();
            db.PlaceOccupancies.Remove(atPlace);
            await db.SaveChangesAsync(cancellationToken);
            atPlace = null;
        }

        var mine = await db.PlaceOccupancies.SingleOrDefaultAsync(o => o.OfficeId == officeId && o.StaffUserId == actor.UserId, cancellationToken);
        if (mine is not null && mine.PlaceId != placeId)
        {
            await RequireNoActiveTicketAsync(db, mine.PlaceId, "byta plats", cancellationToken);
            mine.Leave();
            db.PlaceOccupancies.Remove(mine);
            await db.SaveChangesAsync(cancellationToken);
            mine = null;
        }

        if (mine is null)
        {
            db.PlaceOccupancies.Add(PlaceOccupancy.SitDown(place, actor.UserId, serviceLineIds, clock.GetUtcNow()));
        }
        else
        {
            mine.ChooseServices(serviceLineIds);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task LeavePlaceAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeQueue, officeId, cancellationToken);
        var mine = await db.PlaceOccupancies.SingleOrDefaultAsync(o => o.OfficeId == officeId && o.StaffUserId == actor.UserId, cancellationToken);
        if (mine is null)
        {
            return;
        }

        await RequireNoActiveTicketAsync(db, mine.PlaceId, "lämna platsen", cancellationToken);
        mine.Leave();
        db.PlaceOccupancies.Remove(mine);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Calls the next ticket for the actor's place: targeted at this place first, then the oldest across the chosen
    /// services. Returns null when nobody is waiting.
    /// </summary>
    /// <summary>How many of the first waiting tickets call-next reads to pick from.</summary>
    private const int QueueHead = 8;

    public Task<string?> CallNextAsync(StaffContext actor, CancellationToken cancellationToken = default) =>
        AtMyPlaceAsync(actor, OwnPlaceOnly, async (db, occupancy, now) =>
        {
            await RequireNoActiveTicketAsync(db, occupancy.PlaceId, "kalla nästa", cancellationToken);
            var day = await TodayAsync(db, occupancy.OfficeId, now, cancellationToken);
            var visits = await PartnerVisitQueueGate.StateAsync(db, occupancy.OfficeId, now, cancellationToken);
            var services = occupancy.ServiceLineIds.Union(visits.ServicesAt(occupancy.PlaceId))
                .Where(id => !visits.IsReservedForOtherPlace(id, occupancy.PlaceId)).ToList();
            if (services.Count == 0 && occupancy.ServiceLineIds.Count > 0)
            {
                // Every chosen service is a partner visit's, called from the visit's place right now.
                return null;
            }

            var placeId = occupancy.PlaceId;
            if (QueueHeadLock.LocksRows(db))
            {
                // Places call side by side here: lock the first ticket nobody else is calling right now.
                var lockedId = await QueueHeadLock.LockNextWaitingAsync(db, occupancy.OfficeId, day, services, placeId, cancellationToken);
                if (lockedId is null)
                {
                    return null;
                }

                var locked = await db.Tickets.SingleAsync(t => t.Id == lockedId, cancellationToken);
                locked.Call(placeId, occupancy.StaffUserId, now);
                return locked.DisplayNumber;
            }

            // Only the head of the queue is read: the first tickets transferred to this place and the first ones for
            // anyone, each in the order QueueOrdering decides by, which the indexes give without sorting (the day's
            // queue by time, the tickets by target place), so a call costs the same with 5 or 2 000 waiting.
            // QueueOrdering then picks from the two heads.
            var waiting = db.Tickets.AsNoTracking()
                .Where(t => t.OfficeId == occupancy.OfficeId && t.ServiceDay == day && t.Status == TicketStatus.Waiting && services.Contains(t.ServiceLineId));
            var heads = await waiting.Where(t => t.TargetPlaceId == placeId)
                .OrderBy(t => t.TakenAt).ThenBy(t => t.Number).ThenBy(t => t.Id)
                .Take(QueueHead)
                .Select(t => new { t.Id, t.ServiceLineId, t.TargetPlaceId, t.TakenAt, t.Number })
                .Concat(waiting.Where(t => t.TargetPlaceId == null)
                    .OrderBy(t => t.TakenAt).ThenBy(t => t.Number).ThenBy(t => t.Id)
                    .Take(QueueHead)
                    .Select(t => new { t.Id, t.ServiceLineId, t.TargetPlaceId, t.TakenAt, t.Number }))
                .ToListAsync(cancellationToken);
            var candidates = heads.Select(t => new WaitingCandidate(t.Id, t.ServiceLineId, t.TargetPlaceId, t.TakenAt, t.Number));
            var next = QueueOrdering.PickNext(candidates, services, occupancy.PlaceId);
            if (next is null)
            {
                return null;
            }

            var ticket = await db.Tickets.SingleAsync(t => t.Id == next.TicketId, cancellationToken);
            ticket.Call(occupancy.PlaceId, occupancy.StaffUserId, now);
            return ticket.DisplayNumber;
        }, cancellationToken);

    /// <summary>Calls a chosen waiting ticket out of turn; the reason is kept for follow-up.</summary>
    public Task<string?> CallTicketAsync(StaffContext actor, int ticketId, string reason, CancellationToken cancellationToken = default) =>
        AtMyPlaceAsync(actor, async (db, occupancy, now) =>
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new DomainException("Ange varför numret kallas före sin tur.");
            }

            await RequireNoActiveTicketAsync(db, occupancy.PlaceId, "kalla ett nummer", cancellationToken);
            var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId && t.OfficeId == occupancy.OfficeId, cancellationToken)
                ?? throw new DomainException("Numret finns inte.");
            var visits = await PartnerVisitQueueGate.StateAsync(db, occupancy.OfficeId, now, cancellationToken);
            if (visits.IsReservedForOtherPlace(ticket.ServiceLineId, occupancy.PlaceId))
            {
                var serviceName = await db.ServiceLines.Where(s => s.Id == ticket.ServiceLineId).Select(s => s.Name).SingleAsync(cancellationToken);
                throw new DomainException(visits.OtherPlaceMessage(ticket.ServiceLineId, serviceName));
            }

            ticket.Call(occupancy.PlaceId, occupancy.StaffUserId, now, reason.Trim());
            return ticket.DisplayNumber;
        }, cancellationToken);

    public Task<string?> RecallAsync(StaffContext actor, CancellationToken cancellationToken = default) =>
        WithCurrentTicketAsync(actor, (ticket, now) => ticket.Recall(now), cancellationToken);

    public Task<string?> StartServingAsync(StaffContext actor, CancellationToken cancellationToken = default) =>
        WithCurrentTicketAsync(actor, (ticket, now) => ticket.StartServing(now), cancellationToken);

    public Task<string?> MarkNoShowAsync(StaffContext actor, CancellationToken cancellationToken = default) =>
        WithCurrentTicketAsync(actor, (ticket, now) => ticket.MarkNoShow(now), cancellationToken);

    public Task<string?> ParkAsync(StaffContext actor, CancellationToken cancellationToken = default) =>
        WithCurrentTicketAsync(actor, (ticket, now) => ticket.Park(now), cancellationToken);

    /// <summary>Finishes the current visit and tallies its question categories (and an optional referral).</summary>
    public Task<string?> FinishAsync(StaffContext actor, IReadOnlyCollection<int> categoryIds, int? referralTargetId, CancellationToken cancellationToken = default) =>
        AtMyPlaceAsync(actor, OwnPlaceOnly, async (db, occupancy, now) =>
        {
            ArgumentNullException.ThrowIfNull(categoryIds);
            if (categoryIds.Count == 0)
            {
                throw new DomainException("Välj minst ett ärendeslag innan du avslutar besöket.");
            }

            var ticket = await CurrentTicketAsync(db, occupancy.PlaceId, cancellationToken)
                ?? throw new DomainException("Du har inget pågående besök att avsluta.");
            var categories = await db.QuestionCategories
                .Where(c => c.OfficeId == occupancy.OfficeId && categoryIds.Contains(c.Id))
                .ToListAsync(cancellationToken);
            if (categories.Count != categoryIds.Distinct().Count())
            {
                throw new DomainException("Ett av de valda ärendeslagen finns inte på ditt kontor.");
            }

            ticket.Finish(now);
            var place = await db.Places.AsNoTracking().SingleAsync(p => p.Id == occupancy.PlaceId, cancellationToken);
            var channel = place.Name.Contains("disk", StringComparison.OrdinalIgnoreCase) ? TallyChannel.Disk : TallyChannel.Bord;
            foreach (var category in categories)
            {
                db.QuestionTallies.Add(QuestionTally.Record(category, channel, actor.UserId, now, ticket.Id));
            }

            if (referralTargetId is { } targetId)
            {
                var target = await db.ReferralTargets.SingleOrDefaultAsync(r => r.Id == targetId && r.OfficeId == occupancy.OfficeId, cancellationToken)
                    ?? throw new DomainException("Länkningen finns inte på ditt kontor.");
                db.Referrals.Add(Referral.Record(target, actor.UserId, now, ticket.Id));
            }

            return ticket.DisplayNumber;
        }, cancellationToken);

    /// <summary>Takes a parked visit back to the actor's place.</summary>
    public Task<string?> ResumeAsync(StaffContext actor, int ticketId, CancellationToken cancellationToken = default) =>
        AtMyPlaceAsync(actor, async (db, occupancy, now) =>
        {
            await RequireNoActiveTicketAsync(db, occupancy.PlaceId, "ta tillbaka ett parkerat besök", cancellationToken);
            var ticket = await db.Tickets.SingleOrDefaultAsync(t => t.Id == ticketId && t.OfficeId == occupancy.OfficeId, cancellationToken)
                ?? throw new DomainException("Numret finns inte.");
            ticket.Resume(occupancy.PlaceId, occupancy.StaffUserId, now);
            return ticket.DisplayNumber;
        }, cancellationToken);

    /// <summary>Moves the current visit to another service and/or a given place, keeping its number and place in line.</summary>
    public Task<string?> TransferAsync(StaffContext actor, int serviceLineId, int? targetPlaceId, CancellationToken cancellationToken = default) =>
        AtMyPlaceAsync(actor, async (db, occupancy, now) =>
        {
            var ticket = await CurrentTicketAsync(db, occupancy.PlaceId, cancellationToken)
                ?? throw new DomainException("Du har inget pågående besök att flytta.");
            var service = await db.ServiceLines.SingleOrDefaultAsync(s => s.Id == serviceLineId && s.OfficeId == occupancy.OfficeId, cancellationToken)
                ?? throw new DomainException("Tjänsten finns inte på ditt kontor.");
            if (targetPlaceId is { } target && !await db.Places.AnyAsync(p => p.Id == target && p.OfficeId == occupancy.OfficeId && p.IsActive, cancellationToken))
            {
                throw new DomainException("Platsen finns inte på ditt kontor.");
            }

            db.Tickets.Add(ticket.TransferTo(service, targetPlaceId, now));
            return ticket.DisplayNumber;
        }, cancellationToken);

    /// <summary>A visitor without a ticket is served at once; numbered and counted like any ticket.</summary>
    public Task<string?> ServeWalkInAsync(StaffContext actor, int serviceLineId, CancellationToken cancellationToken = default) =>
        AtMyPlaceAsync(actor, async (db, occupancy, now) =>
        {
            await RequireNoActiveTicketAsync(db, occupancy.PlaceId, "ta emot en besökare utan nummer", cancellationToken);
            var service = await db.ServiceLines.SingleOrDefaultAsync(s => s.Id == serviceLineId && s.OfficeId == occupancy.OfficeId, cancellationToken)
                ?? throw new DomainException("Tjänsten finns inte på ditt kontor.");
            var day = await TodayAsync(db, occupancy.OfficeId, now, cancellationToken);
            var number = await NextNumberAsync(db, service.Id, day, cancellationToken);
            var ticket = Ticket.StartWalkIn(occupancy.OfficeId, service, number, day, occupancy.PlaceId, occupancy.StaffUserId, now);
            db.Tickets.Add(ticket);
            return ticket.DisplayNumber;
        }, cancellationToken);

    /// <summary>
    /// Closes the day: tickets of earlier days, and today's once the office has closed (plus the grace period), that
    /// are still waiting, called or parked become "not served". Visits being served are left to finish.
    /// </summary>
    public async Task<int> CloseEndedDaysAsync(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var closed = 0;
        foreach (var office in await db.Offices.AsNoTracking().ToListAsync(cancellationToken))
        {
            var zone = office.TimeZone;
            var today = ServiceDayCalculator.ServiceDay(now, zone);
            var schedule = await OpeningScheduleQueries.LoadAsync(db, office, today, today, cancellationToken);
            var closing = schedule.ClosingTime(today);
            var todayIsOver = closing is null || now >= ServiceDayCalculator.ToInstant(today, closing.Value, zone) + grace;
            await using var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeQueue, office.Id, cancellationToken);
            var open = await db.Tickets
                .Where(t => t.OfficeId == office.Id
                            && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Parked)
                            && (t.ServiceDay < today || (todayIsOver && t.ServiceDay == today)))
                .ToListAsync(cancellationToken);
            foreach (var ticket in open)
            {
                ticket.CloseAtEndOfDay(now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            closed += open.Count;
        }

        return closed;
    }

    private async Task<string?> WithCurrentTicketAsync(StaffContext actor, Action<Ticket, DateTimeOffset> change, CancellationToken cancellationToken) =>
        await AtMyPlaceAsync(actor, OwnPlaceOnly, async (db, occupancy, now) =>
        {
            var ticket = await CurrentTicketAsync(db, occupancy.PlaceId, cancellationToken)
                ?? throw new DomainException("Du har inget pågående besök.");
            change(ticket, now);
            return ticket.DisplayNumber;
        }, cancellationToken);

    /// <summary>
    /// The change touches only the place's own current visit, or locks the waiting ticket it calls (call-next): on
    /// PostgreSQL it runs beside other places' such changes instead of taking the office's queue to itself.
    /// </summary>
    private const bool OwnPlaceOnly = true;

    /// <summary>Runs a change at the actor's place inside one write transaction and saves it.</summary>
    private Task<string?> AtMyPlaceAsync(StaffContext actor, Func<PortalDbContext, PlaceOccupancy, DateTimeOffset, Task<string?>> change, CancellationToken cancellationToken) =>
        AtMyPlaceAsync(actor, false, change, cancellationToken);

    private async Task<string?> AtMyPlaceAsync(StaffContext actor, bool ownPlaceOnly, Func<PortalDbContext, PlaceOccupancy, DateTimeOffset, Task<string?>> change, CancellationToken cancellationToken)
    {
        var officeId = StaffAccess.RequireOffice(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = ownPlaceOnly
            ? await WriteTransactions.BeginAtOwnPlaceAsync(db, officeId, actor.UserId, cancellationToken)
            : await WriteTransactions.BeginAsync(db, WriteScope.OfficeQueue, officeId, cancellationToken);
        var occupancy = await db.PlaceOccupancies.AsNoTracking().SingleOrDefaultAsync(o => o.OfficeId == officeId && o.StaffUserId == actor.UserId, cancellationToken)
            ?? throw new DomainException("Välj först vilken plats du sitter vid och vilka tjänster du tar.");
        var result = await change(db, occupancy, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static Task<Ticket?> CurrentTicketAsync(PortalDbContext db, int placeId, CancellationToken cancellationToken) =>
        db.Tickets.Where(t => t.PlaceId == placeId && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(cancellationToken);

    private static async Task RequireNoActiveTicketAsync(PortalDbContext db, int placeId, string action, CancellationToken cancellationToken)
    {
        var current = await CurrentTicketAsync(db, placeId, cancellationToken);
        if (current is not null)
        {
            throw new DomainException($"Avsluta, flytta eller parkera {current.DisplayNumber} innan du kan {action}.");
        }
    }

    /// <summary>The registered kiosk a device token belongs to in this office, or null (no token, unknown, removed).</summary>
    private static async Task<int?> RegisteredKioskAsync(PortalDbContext db, int officeId, string? deviceToken, CancellationToken cancellationToken)
    {
        if (!MobileTicketCode.IsWellFormed(deviceToken))
        {
            return null;
        }

        var hash = MobileTicketCode.HashOf(deviceToken!);
        return await db.KioskDevices.Where(d => d.TokenHash == hash && d.OfficeId == officeId && d.RemovedAt == null)
            .Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
    }

    private static async Task<DateOnly> TodayAsync(PortalDbContext db, int officeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return ServiceDayCalculator.ServiceDay(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    /// <summary>Next number of a service for the day; must run inside the caller's write transaction.</summary>
    private static async Task<int> NextNumberAsync(PortalDbContext db, int serviceLineId, DateOnly day, CancellationToken cancellationToken)
    {
        var counter = await db.TicketNumberCounters.SingleOrDefaultAsync(c => c.ServiceLineId == serviceLineId && c.ServiceDay == day, cancellationToken);
        if (counter is null)
        {
            counter = new TicketNumberCounter { ServiceLineId = serviceLineId, ServiceDay = day };
            db.TicketNumberCounters.Add(counter);
        }

        counter.LastNumber++;
        return counter.LastNumber;
    }
}

/// <summary>Tickets a registered kiosk may issue per kiosk window (<c>Queue:KioskDeviceMaxTickets</c>).</summary>
public sealed record KioskDeviceLimit(int MaxTickets)
{
    public const string Key = "Queue:KioskDeviceMaxTickets";

    /// <summary>A morning rush of 30 visitors a minute at one kiosk passes, with room to spare.</summary>
    public static KioskDeviceLimit Default { get; } = new(60);
}
