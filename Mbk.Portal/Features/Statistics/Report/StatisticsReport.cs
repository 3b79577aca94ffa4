using Mbk.Domain.Statistics;

namespace Mbk.Portal.Features.Statistics.Report;

/// <summary>Where the day / evening / weekend split of a report's visitors comes from.</summary>
public enum VisitorSplitSource
{
    /// <summary>No door-counter readings and no tickets or tallies: nothing to split.</summary>
    None = 0,

    /// <summary>Hourly (automatic) door-counter readings, split with <see cref="VisitorCalculator.Split(IEnumerable{DoorCounterReading}, Mbk.Domain.Almanac.OpeningSchedule, TimeZoneInfo)"/> (the almanac's opening schedule).</summary>
    HourlyReadings = 1,

    /// <summary>Estimated from when tickets were taken and questions tapped (no hourly readings in the period).</summary>
    TicketsAndTallies = 2,
}

/// <summary>One ärendeslag's questions in the period, named as at the period's end.</summary>
public sealed record CategoryCount(int CategoryId, string Name, long Count, decimal SharePercent);

/// <summary>Referrals to one target in the period, named as at the period's end.</summary>
public sealed record ReferralCount(int TargetId, string Name, long Count, decimal SharePercent);

/// <summary>Visitors by gender: the sum of the staff's daily estimates in the period.</summary>
public sealed record GenderFigures(int Women, int Men, int Other, int Unknown, int EstimatedDays)
{
    public int Total => Women + Men + Other + Unknown;
}

/// <summary>Visitors by part of the week, with where the split came from and a Swedish line saying so.</summary>
public sealed record DayPartFigures(int Day, int Evening, int Weekend, VisitorSplitSource Source, string Note)
{
    public int Total => Day + Evening + Weekend;
}

/// <summary>The period's visitors from the door counter (<see cref="VisitorCalculator.Visitors"/>), gender and day parts.</summary>
public sealed record VisitorFigures(int Total, int ReadingCount, GenderFigures Gender, DayPartFigures DayParts);

/// <summary>The queue in the period: finished tickets by outcome and waits (called − taken, first ticket of a visit, no walk-ins).</summary>
public sealed record QueueFigures(int Taken, int Served, int NoShows, int NotServed, double? AverageWaitMinutes, double? LongestWaitMinutes);

/// <summary>A survey that overlaps the period and its results.</summary>
public sealed record SurveySummary(int SurveyId, string Title, DateOnly From, DateOnly To, SurveyResults Results);

/// <summary>Nyckeltal: figures derived from the others; null where the divisor is 0.</summary>
public sealed record KeyFigures(
    decimal? QuestionsPer100Visitors,
    decimal? ReferredSharePercent,
    int TicketsServed,
    long QuestionsTallied,
    decimal? QuestionsPerServedTicket);

/// <summary>
/// One line of the trend table: the figure in the same period of each year, oldest first (the last is the report's
/// period), and the change against each earlier year (newest earlier year first: [0] against last year).
/// </summary>
public sealed record TrendRow(string Name, IReadOnlyList<long> Counts, IReadOnlyList<TrendComparison> Changes);

/// <summary>The report's period against the same period in earlier years: per category, questions in total, visitors.</summary>
public sealed record TrendTable(IReadOnlyList<int> Years, IReadOnlyList<string> PeriodLabels, IReadOnlyList<TrendRow> Categories, TrendRow Questions, TrendRow Visitors);

/// <summary>Visitors of one office-local day (from readings of a day or shorter).</summary>
public sealed record DailyVisitors(DateOnly Day, int Visitors);

/// <summary>
/// Questions tapped (instant tallies) and tickets taken by weekday (Monday first) and hour
/// (<see cref="FirstHour"/>–<see cref="LastHour"/>, office-local); [weekday][hour − FirstHour].
/// </summary>
public sealed record WeekHourMatrix(IReadOnlyList<IReadOnlyList<long>> Questions, IReadOnlyList<IReadOnlyList<long>> Tickets)
{
    public const int FirstHour = 7;
    public const int LastHour = 20;
    public const int Hours = LastHour - FirstHour + 1;

    public static IReadOnlyList<string> WeekdayNames { get; } = ["Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag", "Lördag", "Söndag"];

    /// <summary>Questions and tickets together, the figure the heatmap colours.</summary>
    public long Combined(int weekday, int hourIndex) => Questions[weekday][hourIndex] + Tickets[weekday][hourIndex];
}

/// <summary>Everything the statistics page and its exports show for one office and period.</summary>
public sealed record StatisticsReport(
    int OfficeId,
    string OfficeName,
    StatisticsPeriod Period,
    IReadOnlyList<CategoryCount> Categories,
    long QuestionsTotal,
    IReadOnlyList<ReferralCount> Referrals,
    long ReferralsTotal,
    VisitorFigures Visitors,
    QueueFigures Queue,
    IReadOnlyList<SurveySummary> Surveys,
    KeyFigures KeyFigures,
    TrendTable Trends,
    IReadOnlyList<DailyVisitors> VisitorsPerDay,
    WeekHourMatrix WeekHours)
{
    /// <summary>How many categories the bar chart shows; the rest are summed as "Övriga".</summary>
    public const int ChartTopCount = 10;

    public string PeriodLabel => Period.Label;

    /// <summary>The <see cref="ChartTopCount"/> largest categories (with a count), the rest as "Övriga".</summary>
    public IReadOnlyList<(string Name, long Count)> ChartCategories()
    {
        var withCount = Categories.Where(c => c.Count > 0).ToList();
        var top = withCount.Take(ChartTopCount).Select(c => (c.Name, c.Count)).ToList();
        var rest = withCount.Skip(ChartTopCount).Sum(c => c.Count);
        if (rest > 0)
        {
            top.Add(("Övriga", rest));
        }

        return top;
    }
}

/// <summary>One office's totals when a manager compares her offices.</summary>
public sealed record OfficeComparisonRow(int OfficeId, string OfficeName, long Questions, int Visitors, int ServedTickets, decimal? QuestionsPer100Visitors);
