using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Report;

namespace Mbk.Portal.Features.Reports;

/// <summary>Feedback of one kind in the period (klagomål, beröm, förslag, …).</summary>
public sealed record FeedbackKindCount(string Kind, int Count);

/// <summary>
/// Synpunkter in the period: counts by kind and the share answered within the deadline (null when none was due).
/// Null as a whole on <see cref="ReportContent.Feedback"/> means the portal does not record feedback yet.
/// </summary>
public sealed record FeedbackFigures(IReadOnlyList<FeedbackKindCount> ByKind, decimal? AnsweredInTimePercent)
{
    public int Total => ByKind.Sum(k => k.Count);
}

/// <summary>
/// Where the report's feedback section comes from. The feedback feature registers its own implementation; until then
/// <see cref="FeedbackNotRecorded"/> says there is nothing to report (and the report says so, with no invented numbers).
/// </summary>
public interface IReportFeedbackSource
{
    Task<FeedbackFigures?> GetAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken);
}

/// <summary>Feedback is not recorded in the portal yet: the section reads "Synpunkter registreras ännu inte i portalen".</summary>
public sealed class FeedbackNotRecorded : IReportFeedbackSource
{
    public Task<FeedbackFigures?> GetAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken) =>
        Task.FromResult<FeedbackFigures?>(null);
}

/// <summary>One row of the questions table: this period with share, and the same period of the two years before.</summary>
public sealed record CategoryTrendRow(string Name, long Count, decimal SharePercent, IReadOnlyList<long?> EarlierCounts, IReadOnlyList<TrendComparison> Changes);

/// <summary>Everything one tertial (or custom period) report says, for the page, the e-mail and the workbook alike.</summary>
public sealed record ReportContent(
    StatisticsReport Statistics,
    IReadOnlyList<CategoryTrendRow> Questions,
    IReadOnlyList<ChangeLine> BiggestChanges,
    FeedbackFigures? Feedback,
    IReadOnlyDictionary<ReportSection, string> Comments)
{
    public const string FeedbackNotRecordedText = "Synpunkter registreras ännu inte i portalen.";

    public int OfficeId => Statistics.OfficeId;

    public string OfficeName => Statistics.OfficeName;

    public StatisticsPeriod Period => Statistics.Period;

    /// <summary>The years of the trend columns, oldest first, the report's own year last.</summary>
    public IReadOnlyList<int> Years => Statistics.Trends.Years;

    /// <summary>"Tertialrapport T1 2026 (januari–april)" or "Rapport 1–15 mars 2026".</summary>
    public string Title => Period.Kind == PeriodKind.Tertial ? $"Tertialrapport {Period.Label}" : $"Rapport {Period.Label}";

    public string Subject => $"{Title} – {OfficeName}";

    public string? Comment(ReportSection section) => Comments.TryGetValue(section, out var text) ? text : null;

    /// <summary>The comments as "Heading: text" lines, in section order.</summary>
    public string CommentsText() => string.Join('\n', ReportSectionNames.All.Where(Comments.ContainsKey).Select(s => $"{s.Heading()}: {Comments[s]}"));
}
