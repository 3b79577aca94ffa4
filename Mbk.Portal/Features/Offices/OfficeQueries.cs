using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Offices;

public sealed record MessageOfTheDay(string? Text, DateTimeOffset? ChangedAt, string? ChangedBy);

public sealed record OfficeRow(int Id, string Name, string Slug, bool IsActive, int StaffCount);

public sealed class OfficeQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<MessageOfTheDay> GetMessageOfTheDayAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Offices.AsNoTracking()
            .Where(o => o.Id == officeId)
            .Select(o => new MessageOfTheDay(o.MessageOfTheDay, o.MessageChangedAt, o.MessageChangedBy))
            .SingleAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OfficeRow>> ListOfficesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Offices.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OfficeRow(o.Id, o.Name, o.Slug, o.IsActive, db.OfficeMemberships.Count(m => m.OfficeId == o.Id)))
            .ToListAsync(cancellationToken);
    }
}
