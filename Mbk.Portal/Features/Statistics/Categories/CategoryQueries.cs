using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Categories;

/// <summary>A category or referral target as the manager sees it, with its earlier names (oldest first).</summary>
public sealed record CatalogEntry(int Id, string Name, int SortOrder, bool IsActive, DateTimeOffset? RetiredAt, IReadOnlyList<string> FormerNames);

public sealed record CatalogLists(IReadOnlyList<CatalogEntry> Categories, IReadOnlyList<CatalogEntry> ReferralTargets);

/// <summary>The office's question categories and referral targets for the manager's page.</summary>
public sealed class CategoryQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<CatalogLists> GetAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var categories = await db.QuestionCategories.AsNoTracking().Where(c => c.OfficeId == officeId).ToListAsync(cancellationToken);
        var targets = await db.ReferralTargets.AsNoTracking().Where(r => r.OfficeId == officeId).ToListAsync(cancellationToken);
        return new CatalogLists(
            Order(categories.Select(c => new CatalogEntry(c.Id, c.Name, c.SortOrder, c.IsActive, c.RetiredAt, Former(c.NameHistory.Select(n => n.Name).ToList())))),
            Order(targets.Select(r => new CatalogEntry(r.Id, r.Name, r.SortOrder, r.IsActive, r.RetiredAt, Former(r.NameHistory.Select(n => n.Name).ToList())))));
    }

    private static List<string> Former(List<string> history) => history.Take(history.Count - 1).Distinct().ToList();

    private static List<CatalogEntry> Order(IEnumerable<CatalogEntry> entries) =>
        entries.OrderBy(e => e.IsActive ? 0 : 1).ThenBy(e => e.SortOrder).ThenBy(e => e.Id).ToList();
}
