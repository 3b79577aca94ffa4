using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Tally;

/// <summary>An active category on the tally screen: today's questions and the questions of the last 90 days (its order).</summary>
public sealed record TallyCategory(int Id, string Name, int TodayCount, int RecentCount);

/// <summary>The user's own last tap that can still be undone.</summary>
public sealed record UndoableTap(int TallyId, string CategoryName, DateTimeOffset RecordedAt, DateTimeOffset UndoableUntil);

public sealed record ReferralOption(int Id, string Name);

/// <summary>A category on the paper-sheet form (active, or retired after the day began).</summary>
public sealed record BatchCategory(int Id, string Name, bool IsActive);

public sealed record TallyView(DateOnly Today, IReadOnlyList<TallyCategory> Categories, UndoableTap? LastTap, IReadOnlyList<ReferralOption> Referrals);

/// <summary>What the tally screen shows; sums are computed in the database.</summary>
public sealed class TallyQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How far back "ordered by use" looks.</summary>
    public static readonly TimeSpan UsagePeriod = TimeSpan.FromDays(90);

    public async Task<TallyView> GetTallyAsync(int officeId, string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await TallyCommands.OfficeZoneAsync(db, officeId, cancellationToken);
        var today = ServiceDayCalculator.ServiceDay(now, zone);
        var (todayStart, todayEnd) = ServiceDayCalculator.Bounds(today, zone);
        var usageStart = now - UsagePeriod;

        var categories = await db.QuestionCategories.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.IsActive)
            .Select(c => new { c.Id, c.Name, c.SortOrder })
            .ToListAsync(cancellationToken);
        var recent = await db.QuestionTallies
            .Where(t => t.OfficeId == officeId && t.RecordedAt >= usageStart)
            .GroupBy(t => t.QuestionCategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Count, cancellationToken);
        var todays = await db.QuestionTallies
            .Where(t => t.OfficeId == officeId && t.RecordedAt >= todayStart && t.RecordedAt < todayEnd)
            .GroupBy(t => t.QuestionCategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Sum(t => t.Count) })
            .ToDictionaryAsync(x => x.CategoryId, x => x.Count, cancellationToken);
        var ordered = categories
            .Select(c => new { c.SortOrder, View = new TallyCategory(c.Id, c.Name, todays.GetValueOrDefault(c.Id), recent.GetValueOrDefault(c.Id)) })
            .OrderByDescending(c => c.View.RecentCount)
            .ThenBy(c => c.SortOrder)
            .ThenBy(c => c.View.Name, StringComparer.Create(Components.OfficeTime.Swedish, ignoreCase: true))
            .Select(c => c.View)
            .ToList();

        var window = QuestionTally.DefaultUndoWindow;
        var undoSince = now - window;
        var last = await (from t in db.QuestionTallies
                          join c in db.QuestionCategories on t.QuestionCategoryId equals c.Id
                          where t.OfficeId == officeId && t.StaffUserId == userId && t.Source == TallySource.Tap && t.RecordedAt >= undoSince
                          orderby t.RecordedAt descending, t.Id descending
                          select new { t.Id, c.Name, t.RecordedAt }).FirstOrDefaultAsync(cancellationToken);
        var lastTap = last is null ? null : new UndoableTap(last.Id, last.Name, last.RecordedAt, last.RecordedAt + window);

        var referrals = await db.ReferralTargets.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.IsActive)
            .OrderBy(r => r.SortOrder).ThenBy(r => r.Name)
            .Select(r => new ReferralOption(r.Id, r.Name))
            .ToListAsync(cancellationToken);
        return new TallyView(today, ordered, lastTap, referrals);
    }

    /// <summary>The categories a paper sheet of <paramref name="day"/> can carry: active ones and those retired after the day began.</summary>
    public async Task<IReadOnlyList<BatchCategory>> GetBatchCategoriesAsync(int officeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zone = await TallyCommands.OfficeZoneAsync(db, officeId, cancellationToken);
        var dayStart = ServiceDayCalculator.Bounds(day, zone).Start;
        return await db.QuestionCategories.AsNoTracking()
            .Where(c => c.OfficeId == officeId && (c.IsActive || c.RetiredAt > dayStart))
            .OrderBy(c => c.IsActive ? 0 : 1).ThenBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new BatchCategory(c.Id, c.Name, c.IsActive))
            .ToListAsync(cancellationToken);
    }
}
