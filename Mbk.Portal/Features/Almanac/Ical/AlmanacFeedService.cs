using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>Whether the office has a feed, since when and by whom (the URL itself is shown only when made).</summary>
public sealed record AlmanacFeedStatus(bool Exists, DateTimeOffset? CreatedAt, string? CreatedByName);

/// <summary>
/// The office's iCalendar subscription: managers create, regenerate and revoke the secret URL; anyone with the URL
/// reads the feed (<see cref="GetFeedAsync"/>).
/// </summary>
public sealed class AlmanacFeedService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string ManagerRefusal = "Bara enhetschefen kan hantera almanackans prenumerationslänk.";

    public async Task<AlmanacFeedStatus> GetStatusAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subscription = await db.AlmanacFeedSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken);
        return subscription is null
            ? new AlmanacFeedStatus(false, null, null)
            : new AlmanacFeedStatus(true, subscription.CreatedAt, subscription.CreatedByName);
    }

    /// <summary>Makes a new secret token (any earlier URL stops working at once) and returns it; only its hash is kept.</summary>
    public async Task<string> RegenerateAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        var token = AlmanacFeedTokens.NewToken();
        var hash = AlmanacFeedTokens.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscription = await db.AlmanacFeedSubscriptions.SingleOrDefaultAsync(s => s.OfficeId == officeId, cancellationToken);
        if (subscription is null)
        {
            db.AlmanacFeedSubscriptions.Add(AlmanacFeedSubscription.Create(officeId, hash, actor.DisplayName, clock.GetUtcNow()));
        }
        else
        {
            subscription.Replace(hash, actor.DisplayName, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>Turns the feed off: its URL answers 404 from now on.</summary>
    public async Task RevokeAsync(StaffContext actor, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.AlmanacFeedSubscriptions.Where(s => s.OfficeId == officeId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The feed for a token, or null when the token is unknown or revoked.</summary>
    public async Task<string?> GetFeedAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!AlmanacFeedTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = AlmanacFeedTokens.Hash(token!);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var officeId = await db.AlmanacFeedSubscriptions.Where(s => s.TokenHash == hash).Select(s => (int?)s.OfficeId).SingleOrDefaultAsync(cancellationToken);
        if (officeId is null)
        {
            return null;
        }

        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var events = await db.CalendarEvents.AsNoTracking().Where(e => e.OfficeId == office.Id)
            .OrderBy(e => e.StartDate).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var today = ServiceDayCalculator.ServiceDay(clock.GetUtcNow(), office.TimeZone);
        return AlmanacFeedWriter.Write(office.Name, office.TimeZoneId, events, today);
    }
}
