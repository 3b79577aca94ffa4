using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Visitors;

/// <summary>A stored reading and the visitors it gives.</summary>
public sealed record StoredReading(int Id, int Visitors);

/// <summary>
/// A manager's changes to the office's visitor count: manual readings, the formula's factors, the door counter's key
/// and the daily gender estimates. Each change is one short context; refusals are <see cref="DomainException"/>s.
/// </summary>
public sealed class VisitorCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string ManagerRefusal = "Bara enhetschefen kan ändra kontorets besöksräkning.";

    /// <summary>
    /// A reading typed in for one office-local day (the counter read at closing): the period is that whole day, the
    /// factors the office's current ones.
    /// </summary>
    public async Task<StoredReading> AddManualReadingAsync(StaffContext actor, DateOnly day, int reading, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var (start, end) = ServiceDayCalculator.Bounds(day, office.TimeZone);
        var stored = DoorCounterReading.Create(
            officeId, start, end, reading, DoorCounterSource.Manual, clock.GetUtcNow(), office.PassagesPerVisitor, office.StaffShare,
            office.MaxDoorPassagesPerHour, office.OpenedOn);
        if (!await DoorCounterStore.TryAddAsync(db, stored, cancellationToken))
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Det finns redan en mätning som överlappar {day:yyyy-MM-dd}. Ta bort den först om den är fel."));
        }

        return new StoredReading(stored.Id, VisitorCalculator.Visitors([stored]));
    }

    /// <summary>Deletes a manual reading of the office (automatic and imported readings are not removed here).</summary>
    public async Task DeleteManualReadingAsync(StaffContext actor, int readingId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reading = await db.DoorCounterReadings.SingleOrDefaultAsync(r => r.Id == readingId && r.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Mätningen finns inte på ditt kontor.");
        if (reading.Source != DoorCounterSource.Manual)
        {
            throw new DomainException("Bara manuellt inskrivna mätningar kan tas bort här.");
        }

        db.DoorCounterReadings.Remove(reading);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Sets the formula for new readings: passages per visitor and the staff share (a fraction, 0.10 = 10 %). Readings
    /// already stored keep the factors they were recorded with.
    /// </summary>
    public async Task SetVisitorFactorsAsync(StaffContext actor, decimal passagesPerVisitor, decimal staffShare, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleAsync(o => o.Id == officeId, cancellationToken);
        office.SetVisitorFactors(passagesPerVisitor, staffShare);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The plausibility limits for door readings: passages per hour at most, and the day the office opened (if known).</summary>
    public async Task SetDoorCounterLimitsAsync(StaffContext actor, int maxPassagesPerHour, DateOnly? openedOn, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleAsync(o => o.Id == officeId, cancellationToken);
        office.SetDoorCounterLimits(maxPassagesPerHour, openedOn);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Issues a new key for the office's door counter (the old one stops working) and returns it; only its hash is kept.</summary>
    public async Task<string> IssueDoorCounterKeyAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        var key = DoorCounterKeys.NewKey();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleAsync(o => o.Id == officeId, cancellationToken);
        office.SetDoorCounterKeyHash(DoorCounterKeys.Hash(key));
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    /// <summary>Removes the key: the door counter's posts are refused until a new one is issued.</summary>
    public async Task RevokeDoorCounterKeyAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleAsync(o => o.Id == officeId, cancellationToken);
        office.SetDoorCounterKeyHash(null);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Sets (or replaces) the estimate of one past or present office-local day's visitors by gender.</summary>
    public async Task SetGenderEstimateAsync(
        StaffContext actor, DateOnly day, int women, int men, int other, int unknown, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        if (day > ServiceDayCalculator.ServiceDay(clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(zoneId)))
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Dagen {day:yyyy-MM-dd} har inte varit än."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var estimate = await db.VisitorGenderEstimates.SingleOrDefaultAsync(e => e.OfficeId == officeId && e.Day == day, cancellationToken);
        if (estimate is null)
        {
            db.VisitorGenderEstimates.Add(VisitorGenderEstimate.Create(officeId, day, women, men, other, unknown));
        }
        else
        {
            estimate.Set(women, men, other, unknown);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
