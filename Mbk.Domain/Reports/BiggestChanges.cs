using Mbk.Domain.Statistics;

namespace Mbk.Domain.Reports;

/// <summary>A figure of the period against the same period last year, for "Största förändringar".</summary>
public sealed record ChangeCandidate(string Name, long Current, long Previous);

/// <summary>One line of "Största förändringar": "Migrationsfrågor +105 %".</summary>
public sealed record ChangeLine(string Name, TrendComparison Trend)
{
    public string Text => $"{Name} {Trend.PercentText}";
}

/// <summary>
/// The largest relative changes against last year: candidates whose base (last year's figure) is at least
/// <see cref="MinimumBase"/> are ranked by the size of their relative change, largest first. Small bases are left
/// out because 2 → 6 (+200 %) says nothing.
/// </summary>
public static class BiggestChanges
{
    public const int MinimumBase = 20;
    public const int DefaultCount = 5;

    public static IReadOnlyList<ChangeLine> Rank(IEnumerable<ChangeCandidate> candidates, int count = DefaultCount)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates
            .Where(c => c.Previous >= MinimumBase && c.Current != c.Previous)
            .Select(c => new ChangeLine(c.Name, Trend.Compare(c.Current, c.Previous)))
            .OrderByDescending(c => Math.Abs(c.Trend.ChangePercent!.Value))
            .ThenByDescending(c => Math.Abs(c.Trend.Change))
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(count)
            .ToList();
    }
}
