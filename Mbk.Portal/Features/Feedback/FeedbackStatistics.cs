using Mbk.Domain.Feedback;
using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Feedback;

public sealed record FeedbackCount(string Name, int Count);

/// <summary>One earlier year's count for the trend; <see cref="Count"/> is null when the office has no data for it.</summary>
public sealed record FeedbackTrendYear(int Year, int? Count);

/// <summary>
/// The feedback figures of one period: counts per kind (register plus imported history), channel and area (register
/// only), the share answered within the deadline and the median days to answer (null: uppgift saknas), and the
/// same period's totals in the two previous years. No contact details: built from anonymous columns only.
/// </summary>
public sealed record FeedbackPeriodFigures(
    StatisticsPeriod Period,
    IReadOnlyList<FeedbackCount> ByKind,
    IReadOnlyList<FeedbackCount> ByChannel,
    IReadOnlyList<FeedbackCount> ByArea,
    int Due,
    int AnsweredInTime,
    decimal? AnsweredInTimePercent,
    double? MedianDaysToAnswer,
    IReadOnlyList<FeedbackTrendYear> Trend)
{
    public int Total => ByKind.Sum(k => k.Count);
}

/// <summary>Feedback statistics for /statistics and the tertial report, aggregated in the database.</summary>
public sealed class FeedbackStatistics(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The period's figures, or null when the office has no feedback data for it at all (uppgift saknas).</summary>
    public async Task<FeedbackPeriodFigures?> GetAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var registerStart = await db.FeedbackItems.Where(f => f.OfficeId == officeId).MinAsync(f => (DateOnly?)f.ReceivedOn, cancellationToken);
        var current = await CountsByKindAsync(db, officeId, period, registerStart, cancellationToken);
        if (current is null)
        {
            return null;
        }

        var today = await FeedbackCommands.TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        var items = db.FeedbackItems.AsNoTracking().Where(f => f.OfficeId == officeId && f.ReceivedOn >= period.From && f.ReceivedOn <= period.To);
        var byChannel = await items.GroupBy(f => f.Channel).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byArea = await items.Where(f => f.Area != null).GroupBy(f => f.Area!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        // Answered within the deadline, of the items the office had to answer (not forwarded) that are answered or past their last day.
        var timing = await items
            .Where(f => f.Status != FeedbackStatus.Vidarebefordrad && f.ForwardedTo == null && (f.AnsweredOn != null || f.DueOn < today))
            .Select(f => new { f.ReceivedOn, f.AnsweredOn, f.DueOn })
            .ToListAsync(cancellationToken);
        var inTime = timing.Count(t => t.AnsweredOn is { } answered && answered <= t.DueOn);
        var answerDays = timing.Where(t => t.AnsweredOn is not null).Select(t => t.AnsweredOn!.Value.DayNumber - t.ReceivedOn.DayNumber).Order().ToList();

        var trend = new List<FeedbackTrendYear>();
        foreach (var year in new[] { period.From.Year - 2, period.From.Year - 1 })
        {
            var earlier = await CountsByKindAsync(db, officeId, period.SameInYear(year), registerStart, cancellationToken);
            trend.Add(new FeedbackTrendYear(year, earlier?.Sum(k => k.Count)));
        }

        return new FeedbackPeriodFigures(
            period,
            current,
            byChannel.OrderByDescending(c => c.Count).Select(c => new FeedbackCount(c.Key.DisplayName(), c.Count)).ToList(),
            byArea.OrderByDescending(a => a.Count).ThenBy(a => a.Key, StringComparer.Ordinal).Select(a => new FeedbackCount(a.Key, a.Count)).ToList(),
            timing.Count,
            inTime,
            timing.Count == 0 ? null : Math.Round(100m * inTime / timing.Count, 1),
            Median(answerDays),
            trend);
    }

    /// <summary>
    /// Counts per kind in the period (all kinds, in order): a whole month with imported history uses the imported
    /// count; other days count the register. Null when neither the register (started after the period) nor the import
    /// says anything about it.
    /// </summary>
    private static async Task<IReadOnlyList<FeedbackCount>?> CountsByKindAsync(
        PortalDbContext db, int officeId, StatisticsPeriod period, DateOnly? registerStart, CancellationToken cancellationToken)
    {
        var months = WholeMonths(period);
        var imported = new List<FeedbackMonthlyCount>();
        if (months.Count > 0)
        {
            var firstYear = months[0].Year;
            var lastYear = months[^1].Year;
            var rows = await db.FeedbackMonthlyCounts.AsNoTracking()
                .Where(c => c.OfficeId == officeId && c.Year >= firstYear && c.Year <= lastYear)
                .ToListAsync(cancellationToken);
            imported = rows.Where(r => months.Contains((r.Year, r.Month))).ToList();
        }

        var registerCovers = registerStart is { } start && start <= period.To;
        if (!registerCovers && imported.Count == 0)
        {
            return null;
        }

        var importedMonths = imported.Select(r => (r.Year, r.Month)).ToHashSet();
        var registered = await db.FeedbackItems.AsNoTracking()
            .Where(f => f.OfficeId == officeId && f.ReceivedOn >= period.From && f.ReceivedOn <= period.To)
            .Select(f => new { f.Kind, f.ReceivedOn })
            .ToListAsync(cancellationToken);
        var counts = Enum.GetValues<FeedbackKind>().ToDictionary(k => k, _ => 0);
        foreach (var item in registered.Where(r => !importedMonths.Contains((r.ReceivedOn.Year, r.ReceivedOn.Month))))
        {
            counts[item.Kind]++;
        }

        foreach (var row in imported)
        {
            counts[row.Kind] += row.Count;
        }

        return counts.Select(c => new FeedbackCount(c.Key.DisplayName(), c.Value)).ToList();
    }

    private static List<(int Year, int Month)> WholeMonths(StatisticsPeriod period)
    {
        var result = new List<(int, int)>();
        for (var month = new DateOnly(period.From.Year, period.From.Month, 1); month <= period.To; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            if (month >= period.From && last <= period.To)
            {
                result.Add((month.Year, month.Month));
            }
        }

        return result;
    }

    private static double? Median(List<int> sorted) => sorted.Count == 0
        ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
