using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Report;

namespace Mbk.Portal.Features.Meeting;

/// <summary>The figures the standing item "Gårdagens siffror" shows, from the statistics of the previous working day.</summary>
public sealed record YesterdaysFiguresView(
    DateOnly Day,
    int? Visitors,
    long Questions,
    IReadOnlyList<(string Name, long Count)> TopCategories,
    int TicketsServed,
    int NoShows,
    double? LongestWaitMinutes)
{
    public bool HasAnyData => Visitors is not null || Questions > 0 || TicketsServed > 0 || NoShows > 0;
}

public sealed class YesterdaysFigures(StatisticsQueries statistics)
{
    /// <summary>The agenda item this fills in.</summary>
    public const string AgendaTitle = "Gårdagens siffror";

    /// <summary>The working day before <paramref name="meetingDate"/>: Friday for a Monday meeting.</summary>
    public static DateOnly PreviousWorkingDay(DateOnly meetingDate)
    {
        var day = meetingDate.AddDays(-1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    public async Task<YesterdaysFiguresView> GetAsync(int officeId, DateOnly meetingDate, CancellationToken cancellationToken = default)
    {
        var day = PreviousWorkingDay(meetingDate);
        var report = await statistics.GetReportAsync(officeId, StatisticsPeriod.Day(day), cancellationToken);
        return new YesterdaysFiguresView(
            day,
            report.Visitors.ReadingCount > 0 ? report.Visitors.Total : null,
            report.QuestionsTotal,
            report.Categories.Where(c => c.Count > 0).Take(3).Select(c => (c.Name, c.Count)).ToList(),
            report.Queue.Served,
            report.Queue.NoShows,
            report.Queue.LongestWaitMinutes);
    }
}
