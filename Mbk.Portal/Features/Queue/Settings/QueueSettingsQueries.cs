using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Queue.Settings;

/// <summary>Reads for the queue settings page that the shared queue queries do not offer.</summary>
public sealed class QueueSettingsQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The office's weekly opening hours.</summary>
    public async Task<OpeningHours> GetOpeningHoursAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var text = await db.Offices.AsNoTracking().Where(o => o.Id == officeId).Select(o => o.OpeningHoursText).SingleAsync(cancellationToken);
        return OpeningHours.Parse(text);
    }
}
