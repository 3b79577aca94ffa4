using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Queue;

/// <summary>A manager's changes to the office's services and places (opening hours: see OpeningScheduleCommands).</summary>
public sealed class QueueSettingsCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string ManagerRefusal = "Bara enhetschefen kan ändra kontorets tjänster och platser.";

    private const string KioskRefusal = "Bara enhetschefen kan registrera och ta bort kiosker.";

    /// <summary>
    /// Registers the browser the manager is using as one of the office's ticket kiosks; returns the device token to
    /// keep in that browser (only its hash is stored).
    /// </summary>
    public async Task<string> RegisterKioskAsync(StaffContext actor, string name, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, KioskRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var trimmed = name?.Trim() ?? string.Empty;
        if (await db.KioskDevices.AnyAsync(d => d.OfficeId == officeId && d.RemovedAt == null && d.Name == trimmed, cancellationToken))
        {
            throw new DomainException($"Det finns redan en registrerad kiosk som heter {trimmed}. Välj ett annat namn.");
        }

        var (device, token) = KioskDevice.Register(officeId, name!, actor.DisplayName, clock.GetUtcNow());
        db.KioskDevices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Ends a kiosk's pairing: its browser falls back to the address-based limit.</summary>
    public async Task RemoveKioskAsync(StaffContext actor, int kioskDeviceId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, KioskRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var device = await db.KioskDevices.SingleOrDefaultAsync(d => d.Id == kioskDeviceId && d.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Kiosken finns inte på ditt kontor.");
        device.Remove(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The office's registered kiosks (removed ones are not listed).</summary>
    public async Task<IReadOnlyList<KioskDeviceRow>> KiosksAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, KioskRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.KioskDevices.AsNoTracking()
            .Where(d => d.OfficeId == officeId && d.RemovedAt == null)
            .OrderBy(d => d.Name)
            .Select(d => new KioskDeviceRow(d.Id, d.Name, d.RegisteredAt, d.RegisteredBy))
            .ToListAsync(cancellationToken);
    }

    public async Task<int> AddServiceAsync(StaffContext actor, string name, char prefix, int waitTargetMinutes, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var upper = char.ToUpperInvariant(prefix);
        if (await db.ServiceLines.AnyAsync(s => s.OfficeId == officeId && s.Prefix == upper, cancellationToken))
        {
            throw new DomainException($"Prefixet {upper} används redan av en annan tjänst.");
        }

        var order = await db.ServiceLines.Where(s => s.OfficeId == officeId).Select(s => (int?)s.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var service = ServiceLine.Create(officeId, name, prefix, order + 1, waitTargetMinutes);
        db.ServiceLines.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return service.Id;
    }

    public async Task UpdateServiceAsync(StaffContext actor, int serviceLineId, string name, char prefix, int waitTargetMinutes, int sortOrder, bool isActive, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.ServiceLines.SingleOrDefaultAsync(s => s.Id == serviceLineId && s.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Tjänsten finns inte på ditt kontor.");
        var upper = char.ToUpperInvariant(prefix);
        if (await db.ServiceLines.AnyAsync(s => s.OfficeId == officeId && s.Prefix == upper && s.Id != serviceLineId, cancellationToken))
        {
            throw new DomainException($"Prefixet {upper} används redan av en annan tjänst.");
        }

        service.Change(name, prefix, waitTargetMinutes);
        service.ChangeSortOrder(sortOrder);
        if (isActive)
        {
            service.Activate();
        }
        else
        {
            service.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Changes only a service's waiting-time target, so it cannot overwrite other fields changed meanwhile.</summary>
    public async Task SetWaitTargetAsync(StaffContext actor, int serviceLineId, int waitTargetMinutes, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var service = await db.ServiceLines.SingleOrDefaultAsync(s => s.Id == serviceLineId && s.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Tjänsten finns inte på ditt kontor.");
        service.Change(service.Name, service.Prefix, waitTargetMinutes);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<int> AddPlaceAsync(StaffContext actor, string name, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var order = await db.Places.Where(p => p.OfficeId == officeId).Select(p => (int?)p.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var place = Place.Create(officeId, name, order + 1);
        db.Places.Add(place);
        await db.SaveChangesAsync(cancellationToken);
        return place.Id;
    }

    public async Task UpdatePlaceAsync(StaffContext actor, int placeId, string name, int sortOrder, bool isActive, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var place = await db.Places.SingleOrDefaultAsync(p => p.Id == placeId && p.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Platsen finns inte på ditt kontor.");
        if (!isActive && await db.PlaceOccupancies.AnyAsync(o => o.PlaceId == placeId, cancellationToken))
        {
            throw new DomainException($"Någon sitter vid {place.Name} just nu. Platsen kan tas ur bruk när den är ledig.");
        }

        place.Rename(name);
        place.ChangeSortOrder(sortOrder);
        if (isActive)
        {
            place.Activate();
        }
        else
        {
            place.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>A registered kiosk as /queue/settings lists it.</summary>
public sealed record KioskDeviceRow(int Id, string Name, DateTimeOffset RegisteredAt, string RegisteredBy);
