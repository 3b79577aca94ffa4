using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Categories;

/// <summary>The two lists a manager keeps per office: ärendeslag and länkningar.</summary>
public enum CatalogKind
{
    QuestionCategory = 0,
    ReferralTarget = 1,
}

/// <summary>
/// Managers add, rename (with history), reorder, retire and reactivate the office's question categories and referral
/// targets. Nothing is deleted: old tallies keep their category and the name it had then.
/// </summary>
public sealed class CategoryCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string ManagerRefusal = "Bara enhetschefen kan ändra ärendeslag och länkningar.";

    /// <summary>Adds an item last in the order; returns its id.</summary>
    public async Task<int> AddAsync(StaffContext actor, CatalogKind kind, string name, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var items = await LoadAsync(db, kind, officeId, cancellationToken);
        RefuseDuplicate(items, kind, name, exceptId: null);
        var sortOrder = items.Count == 0 ? 1 : items.Max(i => i.SortOrder) + 1;
        int id;
        if (kind == CatalogKind.QuestionCategory)
        {
            var category = QuestionCategory.Create(officeId, name, sortOrder);
            db.QuestionCategories.Add(category);
            await db.SaveChangesAsync(cancellationToken);
            id = category.Id;
        }
        else
        {
            var target = ReferralTarget.Create(officeId, name, sortOrder);
            db.ReferralTargets.Add(target);
            await db.SaveChangesAsync(cancellationToken);
            id = target.Id;
        }

        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    /// <summary>Renames from now on; reports of earlier periods keep the old name.</summary>
    public Task RenameAsync(StaffContext actor, CatalogKind kind, int id, string name, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, kind, id, (items, item, now) =>
        {
            if (item.IsActive)
            {
                RefuseDuplicate(items, kind, name, item.Id);
            }

            item.Rename(name, now);
        }, cancellationToken);

    /// <summary>Moves an active item one step up (earlier) or down among the active ones.</summary>
    public Task MoveAsync(StaffContext actor, CatalogKind kind, int id, bool up, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, kind, id, (items, item, _) =>
        {
            if (!item.IsActive)
            {
                throw new DomainException(kind == CatalogKind.QuestionCategory
                    ? "Ett avslutat ärendeslag kan inte flyttas."
                    : "En avslutad länkning kan inte flyttas.");
            }

            var active = items.Where(i => i.IsActive).OrderBy(i => i.SortOrder).ThenBy(i => i.Id).ToList();
            var index = active.FindIndex(i => i.Id == item.Id);
            var other = up ? index - 1 : index + 1;
            if (other < 0 || other >= active.Count)
            {
                return;
            }

            (active[index], active[other]) = (active[other], active[index]);
            for (var i = 0; i < active.Count; i++)
            {
                active[i].Reorder(i + 1);
            }
        }, cancellationToken);

    /// <summary>Stops new tallies (or referrals); history stays.</summary>
    public Task RetireAsync(StaffContext actor, CatalogKind kind, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, kind, id, (_, item, now) => item.Retire(now), cancellationToken);

    /// <summary>Takes a retired item back into use, last in the order; refused when an active one has the same name.</summary>
    public Task ReactivateAsync(StaffContext actor, CatalogKind kind, int id, CancellationToken cancellationToken = default) =>
        ChangeAsync(actor, kind, id, (items, item, _) =>
        {
            if (item.IsActive)
            {
                return;
            }

            RefuseDuplicate(items, kind, item.Name, item.Id);
            var last = items.Where(i => i.IsActive).Select(i => i.SortOrder).DefaultIfEmpty(0).Max();
            item.Reactivate();
            item.Reorder(last + 1);
        }, cancellationToken);

    private async Task ChangeAsync(
        StaffContext actor, CatalogKind kind, int id, Action<IReadOnlyList<CatalogItem>, CatalogItem, DateTimeOffset> change,
        CancellationToken cancellationToken)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var items = await LoadAsync(db, kind, officeId, cancellationToken);
        var item = items.SingleOrDefault(i => i.Id == id)
            ?? throw new DomainException(kind == CatalogKind.QuestionCategory
                ? "Ärendeslaget finns inte på ditt kontor."
                : "Länkningen finns inte på ditt kontor.");
        change(items, item, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static void RefuseDuplicate(IReadOnlyList<CatalogItem> items, CatalogKind kind, string? name, int? exceptId)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return; // The domain explains an empty name.
        }

        if (items.Any(i => i.IsActive && i.Id != exceptId && string.Equals(i.Name, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(kind == CatalogKind.QuestionCategory
                ? $"Det finns redan ett ärendeslag som heter \"{trimmed}\"."
                : $"Det finns redan en länkning som heter \"{trimmed}\".");
        }
    }

    private static async Task<IReadOnlyList<CatalogItem>> LoadAsync(PortalDbContext db, CatalogKind kind, int officeId, CancellationToken cancellationToken) =>
        kind == CatalogKind.QuestionCategory
            ? (await db.QuestionCategories.Where(c => c.OfficeId == officeId).ToListAsync(cancellationToken)).Select(c => new CatalogItem(c)).ToList()
            : (await db.ReferralTargets.Where(r => r.OfficeId == officeId).ToListAsync(cancellationToken)).Select(r => new CatalogItem(r)).ToList();

    /// <summary>A category or a referral target behind one face (they share their rules).</summary>
    private sealed class CatalogItem
    {
        private readonly QuestionCategory? _category;
        private readonly ReferralTarget? _target;

        public CatalogItem(QuestionCategory category) => _category = category;

        public CatalogItem(ReferralTarget target) => _target = target;

        public int Id => _category?.Id ?? _target!.Id;

        public string Name => _category?.Name ?? _target!.Name;

        public int SortOrder => _category?.SortOrder ?? _target!.SortOrder;

        public bool IsActive => _category?.IsActive ?? _target!.IsActive;

        public void Rename(string name, DateTimeOffset now)
        {
            if (_category is not null)
            {
                _category.Rename(name, now);
            }
            else
            {
                _target!.Rename(name, now);
            }
        }

        public void Reorder(int sortOrder)
        {
            if (_category is not null)
            {
                _category.Reorder(sortOrder);
            }
            else
            {
                _target!.Reorder(sortOrder);
            }
        }

        public void Retire(DateTimeOffset now)
        {
            if (_category is not null)
            {
                _category.Retire(now);
            }
            else
            {
                _target!.Retire(now);
            }
        }

        public void Reactivate()
        {
            if (_category is not null)
            {
                _category.Reactivate();
            }
            else
            {
                _target!.Reactivate();
            }
        }
    }
}
