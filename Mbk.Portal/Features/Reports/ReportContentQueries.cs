using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Reports;

/// <summary>
/// Builds a report's content from the statistics report (no aggregation of its own), the managers' comments for the
/// period, the feedback source and the biggest changes against last year.
/// </summary>
public sealed class ReportContentQueries(IDbContextFactory<PortalDbContext> dbFactory, StatisticsQueries statistics, IReportFeedbackSource feedback)
{
    public async Task<ReportContent> BuildAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var report = await statistics.GetReportAsync(officeId, period, cancellationToken);
        var comments = await CommentsAsync(officeId, period, cancellationToken);
        var feedbackFigures = await feedback.GetAsync(officeId, period, cancellationToken);
        return Compose(report, comments, feedbackFigures);
    }

    public async Task<IReadOnlyDictionary<ReportSection, string>> CommentsAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReportComments.AsNoTracking()
            .Where(c => c.OfficeId == officeId && c.PeriodFrom == period.From && c.PeriodTo == period.To)
            .ToDictionaryAsync(c => c.Section, c => c.Text, cancellationToken);
    }

    /// <summary>Pure: the content of a statistics report with its comments and feedback.</summary>
    public static ReportContent Compose(StatisticsReport report, IReadOnlyDictionary<ReportSection, string> comments, FeedbackFigures? feedbackFigures)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(comments);
        var trendsByName = report.Trends.Categories.GroupBy(r => r.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var earlierYears = report.Trends.Years.Count - 1;
        var questions = report.Categories.Select(c =>
        {
            if (trendsByName.TryGetValue(c.Name, out var trend))
            {
                return new CategoryTrendRow(c.Name, c.Count, c.SharePercent, trend.Counts.Take(earlierYears).ToList(), trend.Changes);
            }

            // Not in the trend table: 0 in the years that have questions at all, missing in those that have none.
            var earlier = report.Trends.Questions.Counts.Take(earlierYears).Select(total => total is null ? (long?)null : 0L).ToList();
            return new CategoryTrendRow(c.Name, c.Count, c.SharePercent, earlier, earlier.AsEnumerable().Reverse().Select(e => Trend.Compare(c.Count, e)).ToList());
        }).ToList();

        // Categories that had questions last year but none now are changes too (−100 %).
        var lastYearIndex = earlierYears - 1;
        var candidates = lastYearIndex < 0
            ? []
            : report.Trends.Categories
                .Where(r => r.Counts[^1] is not null && r.Counts[lastYearIndex] is not null)
                .Select(r => new ChangeCandidate(r.Name, r.Counts[^1]!.Value, r.Counts[lastYearIndex]!.Value))
                .ToList();
        return new ReportContent(report, questions, BiggestChanges.Rank(candidates), feedbackFigures, comments);
    }
}
