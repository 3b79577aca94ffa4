using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Reports;

namespace Mbk.Portal.Features.Feedback;

/// <summary>
/// The tertial report's feedback section (the report's <see cref="IReportFeedbackSource"/> seam): counts per kind and
/// the share answered within the deadline. Anonymous figures only, so the e-mail and its workbook never carry a contact.
/// </summary>
public sealed class FeedbackReportSource(FeedbackStatistics statistics) : IReportFeedbackSource
{
    public async Task<FeedbackFigures?> GetAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var figures = await statistics.GetAsync(officeId, period, cancellationToken);
        return figures is null
            ? null
            : new FeedbackFigures(figures.ByKind.Select(k => new FeedbackKindCount(k.Name, k.Count)).ToList(), figures.AnsweredInTimePercent);
    }
}
