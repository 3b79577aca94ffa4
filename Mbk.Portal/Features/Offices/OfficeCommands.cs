using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Offices;

/// <summary>Changes to offices. Every method checks the actor's rights and throws <see cref="DomainException"/> with a Swedish message.</summary>
public sealed class OfficeCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>
    /// Sets the message of the day. <paramref name="basedOn"/> is the change time the editor started from: if someone
    /// else saved in between, the save is refused rather than silently overwriting their text.
    /// </summary>
    public async Task SetMessageOfTheDayAsync(StaffContext actor, int officeId, string? text, DateTimeOffset? basedOn, CancellationToken cancellationToken = default)
    {
        StaffAccess.RequireManagerOf(actor, officeId, "Bara enhetschefen för kontoret kan ändra dagens meddelande.");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken)
            ?? throw new DomainException("Kontoret finns inte.");
        if (office.MessageChangedAt != basedOn)
        {
            throw new DomainException(
                $"Meddelandet ändrades av {office.MessageChangedBy} kl. {(office.MessageChangedAt is { } at ? Components.OfficeTime.Format(at, "HH:mm") : "?")} medan du skrev. Läs det nya meddelandet och försök igen.");
        }

        office.SetMessageOfTheDay(text, actor.DisplayName, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Creates an office with the standard question categories and queue services, ready to use.</summary>
    public async Task<int> CreateOfficeAsync(StaffContext actor, string name, string slug, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        var office = Office.Create(name, slug);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureSlugFreeAsync(db, office.Slug, exceptId: null, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Offices.Add(office);
        await db.SaveChangesAsync(cancellationToken);
        await EnsureStandardSetupAsync(db, office.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return office.Id;
    }

    public async Task UpdateOfficeAsync(StaffContext actor, int officeId, string name, string slug, bool isActive, CancellationToken cancellationToken = default)
    {
        RequireAdmin(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.SingleOrDefaultAsync(o => o.Id == officeId, cancellationToken)
            ?? throw new DomainException("Kontoret finns inte.");
        office.Rename(name, slug);
        await EnsureSlugFreeAsync(db, office.Slug, officeId, cancellationToken);
        if (isActive)
        {
            office.Activate();
        }
        else
        {
            office.Deactivate();
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Gives an office the standard categories, services, places and referral targets, each group only if the office
    /// has none yet, so it is safe to run on every start.
    /// </summary>
    internal static async Task EnsureStandardSetupAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken)
    {
        if (!await db.QuestionCategories.AnyAsync(c => c.OfficeId == officeId, cancellationToken))
        {
            var order = 0;
            db.QuestionCategories.AddRange(StandardOfficeSetup.QuestionCategories.Select(name => QuestionCategory.Create(officeId, name, ++order)));
        }

        if (!await db.ServiceLines.AnyAsync(s => s.OfficeId == officeId, cancellationToken))
        {
            var order = 0;
            db.ServiceLines.AddRange(StandardOfficeSetup.Services.Select(s => ServiceLine.Create(officeId, s.Name, s.Prefix, ++order)));
        }

        if (!await db.Places.AnyAsync(p => p.OfficeId == officeId, cancellationToken))
        {
            var order = 0;
            db.Places.AddRange(StandardOfficeSetup.Places.Select(name => Place.Create(officeId, name, ++order)));
        }

        if (!await db.ReferralTargets.AnyAsync(r => r.OfficeId == officeId, cancellationToken))
        {
            var order = 0;
            db.ReferralTargets.AddRange(StandardOfficeSetup.ReferralTargets.Select(name => ReferralTarget.Create(officeId, name, ++order)));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static void RequireAdmin(StaffContext actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsAdmin)
        {
            throw new DomainException("Bara en administratör kan hantera kontor.");
        }
    }

    private static async Task EnsureSlugFreeAsync(PortalDbContext db, string slug, int? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Offices.AnyAsync(o => o.Slug == slug && o.Id != exceptId, cancellationToken))
        {
            throw new DomainException($"Kortnamnet \"{slug}\" används redan av ett annat kontor.");
        }
    }
}
