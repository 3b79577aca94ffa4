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

    /// <summary>False when nobody estimated a single day of the period: the figures are missing, not zero.</summary>
    public bool HasData => EstimatedDays > 0;
}

/// <summary>Visitors by part of the week, with where the split came from and a Swedish line saying so.</summary>
public sealed record DayPartFigures(int Day, int Evening, int Weekend, VisitorSplitSource Source, string Note)
{
    public int Total => Day + Evening + Weekend;

    /// <summary>False when there was nothing to split by (no hourly readings, tickets or tapped questions): missing, not zero.</summary>
    public bool HasData => Source != VisitorSplitSource.None;
}

/// <summary>The period's visitors from the door counter (<see cref="VisitorCalculator.Visitors"/>), gender and day parts.</summary>
public sealed record VisitorFigures(int Total, int ReadingCount, GenderFigures Gender, DayPartFigures DayParts)
{
    /// <summary>False without a single door-counter reading in the period: the visitor count is missing, not zero.</summary>
    public bool HasData => ReadingCount > 0;
}

/// <summary>The queue in the period: finished tickets by outcome and waits (called − taken, first ticket of a visit, no walk-ins).</summary>
/// <param name="VisitorCancelled">Tickets the visitor gave up from the phone (not no-shows).</param>
public sealed record QueueFigures(int Taken, int Served, int NoShows, int NotServed, double? AverageWaitMinutes, double? LongestWaitMinutes, int VisitorCancelled = 0)
{
    /// <summary>False when no ticket was taken in the period (e.g. years before the portal): the queue figures are missing.</summary>
    public bool HasData => Taken > 0 || Served > 0;
}

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
/// period), and the change against each earlier year (newest earlier year first: [0] against last year). A count is
/// null when that year has no data at all for the measure (nothing recorded or imported): missing, not zero, and every
/// change against it is <see cref="TrendComparison.IsMissing"/>.
/// </summary>
public sealed record TrendRow(string Name, IReadOnlyList<long?> Counts, IReadOnlyList<TrendComparison> Changes);

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

    /// <summary>
    /// The office's regular weekly opening hours on the same grid ([weekday][hour − FirstHour]: open during some of the
    /// hour), so the heatmap can mark them. Empty when not known.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<bool>> Open { get; init; } = [];

    public bool IsOpen(int weekday, int hourIndex) => Open.Count == 7 && Open[weekday][hourIndex];

    /// <summary>Questions and tickets together, the figure the heatmap colours.</summary>
    public long Combined(int weekday, int hourIndex) => Questions[weekday][hourIndex] + Tickets[weekday][hourIndex];

    /// <summary>The busiest hour's figure (the top of the heatmap's scale).</summary>
    public long Max => Enumerable.Range(0, 7).SelectMany(d => Enumerable.Range(0, Hours).Select(h => Combined(d, h))).DefaultIfEmpty(0).Max();

    /// <summary>False when nothing in the period was recorded by the hour (only day, month or year totals): no heatmap to draw.</summary>
    public bool HasData => Max > 0;
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
    /// <summary>How many categories the bar chart shows; the rest are summed as "Övriga (n ärendeslag)".</summary>
    public const int ChartTopCount = 12;

    public string PeriodLabel => Period.Label;

    /// <summary>False when no question was counted or imported for the period: missing, not zero.</summary>
    public bool HasQuestions => Categories.Count > 0;

    /// <summary>The <see cref="ChartTopCount"/> largest categories (with a count), the rest as one "Övriga (n ärendeslag)" bar.</summary>
    public IReadOnlyList<(string Name, long Count)> ChartCategories()
    {
        var withCount = Categories.Where(c => c.Count > 0).ToList();
        var shown = ShownInChart(withCount.Count);
        var top = withCount.Take(shown).Select(c => (c.Name, c.Count)).ToList();
        var rest = withCount.Skip(shown).ToList();
        if (rest.Count > 0)
        {
            top.Add((OthersLabel(rest.Count), rest.Sum(c => c.Count)));
        }

        return top;
    }

    /// <summary>The categories that <see cref="ChartCategories"/> sums as "Övriga", largest first.</summary>
    public IReadOnlyList<CategoryCount> OtherCategories()
    {
        var withCount = Categories.Where(c => c.Count > 0).ToList();
        return withCount.Skip(ShownInChart(withCount.Count)).ToList();
    }

    // One category left over is shown as itself: "Övriga (1 ärendeslag)" would hide its name for nothing.
    private static int ShownInChart(int categories) => categories <= ChartTopCount + 1 ? categories : ChartTopCount;

    /// <summary>"Övriga (11 ärendeslag)"; one is "Övriga (1 ärendeslag)" too (ärendeslag is the same in plural).</summary>
    public static string OthersLabel(int count) => string.Create(StatisticsFormat.Swedish, $"Övriga ({count} ärendeslag)");
}

/// <summary>One point of the trend line: a period's label and its figures (null: no data for that period, not 0).</summary>
public sealed record TrendPoint(string Label, long? Questions, long? Visitors);

/// <summary>
/// One office's totals when a manager compares her offices. A figure is null when the office has no data for it in the period (no tally,
/// no door-counter reading, no ticket taken): missing is not zero.
/// </summary>
public sealed record OfficeComparisonRow(int OfficeId, string OfficeName, long? Questions, int? Visitors, int? ServedTickets, decimal? QuestionsPer100Visitors);
