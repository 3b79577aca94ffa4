using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.OpeningHours;
using System.Globalization;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Report;

/// <summary>
/// The statistics report of one office and period. Tallies can run into millions of rows, so they are only ever
/// summed and grouped in the database (by category, or by UTC hour for the weekday × hour figures); categories,
/// door-counter readings, the queue's waits and surveys are small and read as rows.
/// </summary>
public sealed class StatisticsQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>How many earlier years the trend table compares with.</summary>
    public const int TrendYears = 2;

    /// <summary>A door-counter reading at most this long counts towards visitors per day.</summary>
    private static readonly TimeSpan DayReadingMax = TimeSpan.FromHours(25);

    public async Task<StatisticsReport> GetReportAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var zone = office.TimeZone;
        var (start, end) = period.Bounds(zone);
        var namesAt = end.AddTicks(-1);

        var categories = await db.QuestionCategories.AsNoTracking().Where(c => c.OfficeId == officeId).ToListAsync(cancellationToken);
        var categoryById = categories.ToDictionary(c => c.Id);
        var counts = await QuestionCountsAsync(db, officeId, period, cancellationToken);
        var questionsTotal = counts.Values.Sum();
        var categoryRows = counts
            .Where(c => c.Value > 0)
            .Select(c => new CategoryCount(c.Key, CategoryName(categoryById, c.Key, namesAt), c.Value, Share(c.Value, questionsTotal)))
            .OrderByDescending(c => c.Count).ThenBy(c => categoryById.TryGetValue(c.CategoryId, out var cat) ? cat.SortOrder : int.MaxValue).ThenBy(c => c.Name, StringComparer.Create(StatisticsFormat.Swedish, false))
            .ToList();

        var referralCounts = await db.Referrals.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.RecordedAt >= start && r.RecordedAt < end)
            .GroupBy(r => r.ReferralTargetId)
            .Select(g => new { TargetId = g.Key, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        var targets = await db.ReferralTargets.AsNoTracking().Where(t => t.OfficeId == officeId).ToDictionaryAsync(t => t.Id, cancellationToken);
        var referralsTotal = referralCounts.Sum(r => r.Count);
        var referralRows = referralCounts
            .Select(r => new ReferralCount(r.TargetId, targets.TryGetValue(r.TargetId, out var t) ? t.NameAt(namesAt) : "?", r.Count, Share(r.Count, referralsTotal)))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Name, StringComparer.Create(StatisticsFormat.Swedish, false))
            .ToList();

        var readings = await ReadingsAsync(db, officeId, period, zone, cancellationToken);
        var visitorsTotal = VisitorCalculator.Visitors(readings);
        var gender = await GenderAsync(db, officeId, period, cancellationToken);
        var tallyHours = await HourlyCounts.TalliesAsync(db, officeId, start, end, cancellationToken);
        var ticketHours = await HourlyCounts.TicketsAsync(db, officeId, start, end, cancellationToken);
        var schedule = await OpeningScheduleQueries.LoadAsync(db, office, period.From, period.To, cancellationToken);
        var dayParts = SplitDayParts(office, schedule, readings, visitorsTotal, tallyHours, ticketHours);
        var visitors = new VisitorFigures(visitorsTotal, readings.Count, gender, dayParts);

        var queue = await QueueAsync(db, officeId, start, end, cancellationToken);
        var surveys = await SurveysAsync(db, officeId, period, cancellationToken);
        var keyFigures = new KeyFigures(
            visitorsTotal == 0 ? null : Math.Round(questionsTotal * 100m / visitorsTotal, 1, MidpointRounding.AwayFromZero),
            visitorsTotal == 0 ? null : Math.Round(referralsTotal * 100m / visitorsTotal, 1, MidpointRounding.AwayFromZero),
            queue.Served,
            questionsTotal,
            queue.Served == 0 ? null : Math.Round((decimal)questionsTotal / queue.Served, 2, MidpointRounding.AwayFromZero));

        var trends = await TrendsAsync(db, office, period, counts, readings.Count == 0 ? null : visitorsTotal, categoryById, namesAt, cancellationToken);

        return new StatisticsReport(
            office.Id,
            office.Name,
            period,
            categoryRows,
            questionsTotal,
            referralRows,
            referralsTotal,
            visitors,
            queue,
            surveys,
            keyFigures,
            trends,
            VisitorsPerDay(readings, zone),
            WeekHours(tallyHours, ticketHours, zone) with { Open = OpenMask(schedule.Weekly) });
    }

    /// <summary>
    /// Questions per category of the period, summed in the database (the benchmark's hot path) from the day summary
    /// that the database keeps beside the tallies (<see cref="QuestionTallyDay"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, long>> GetQuestionCountsAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await QuestionCountsAsync(db, officeId, period, cancellationToken);
    }

    /// <summary>
    /// The trend line ending with <paramref name="period"/>: the last 12 months for a month, the last 6 tertials for a
    /// tertial, otherwise the same period in each of the last 5 years. A period without any tally (or reading) has
    /// null, never 0, so the line has a gap instead of a fall to zero.
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> GetTrendLineAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var points = new List<TrendPoint>();
        foreach (var earlier in TrendLinePeriods(period))
        {
            var counts = await QuestionCountsAsync(db, officeId, earlier, cancellationToken);
            var readings = await ReadingsAsync(db, officeId, earlier, zone, cancellationToken);
            var label = period.Kind switch
            {
                PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{StatisticsPanel.MonthNames[earlier.From.Month - 1][..3]} {earlier.From.Year}"),
                PeriodKind.Tertial => string.Create(CultureInfo.InvariantCulture, $"T{Tertial.TertialOf(earlier.From)} {earlier.From.Year}"),
                _ => earlier.From.Year.ToString(CultureInfo.InvariantCulture),
            };
            points.Add(new TrendPoint(label, counts.Count == 0 ? null : counts.Values.Sum(), readings.Count == 0 ? null : VisitorCalculator.Visitors(readings)));
        }

        return points;
    }

    /// <summary>The periods of <see cref="GetTrendLineAsync"/>, oldest first, never before <see cref="StatisticsPeriod.MinYear"/>.</summary>
    internal static IReadOnlyList<StatisticsPeriod> TrendLinePeriods(StatisticsPeriod period)
    {
        var periods = new List<StatisticsPeriod>();
        switch (period.Kind)
        {
            case PeriodKind.Month:
                for (var back = 11; back >= 0; back--)
                {
                    var month = period.From.AddMonths(-back);
                    if (month.Year >= StatisticsPeriod.MinYear)
                    {
                        periods.Add(StatisticsPeriod.Month(month.Year, month.Month));
                    }
                }

                break;
            case PeriodKind.Tertial:
                var index = (period.From.Year * 3) + Tertial.TertialOf(period.From) - 1;
                for (var back = 5; back >= 0; back--)
                {
                    var i = index - back;
                    if (i / 3 >= StatisticsPeriod.MinYear)
                    {
                        periods.Add(StatisticsPeriod.Tertial(i / 3, (i % 3) + 1));
                    }
                }

                break;
            default:
                for (var back = 4; back >= 0; back--)
                {
                    var year = period.From.Year - back;
                    if (year >= StatisticsPeriod.MinYear)
                    {
                        periods.Add(back == 0 ? period : period.SameInYear(year));
                    }
                }

                break;
        }

        return periods;
    }

    /// <summary>
    /// Totals per office for a manager with several offices, in the order given. One query per figure for all offices
    /// (per time zone for the instants), not one per office: questions from the day summary, served tickets from the
    /// (OfficeId, Status, TakenAt) index, readings as rows. A figure the office has no data for is null, not 0.
    /// </summary>
    public async Task<IReadOnlyList<OfficeComparisonRow>> CompareOfficesAsync(IReadOnlyList<int> officeIds, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officeIds);
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = officeIds.Distinct().ToList();
        var offices = await db.Offices.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        var questions = await TallyDaysIn(db.QuestionTallyDays.AsNoTracking().Where(d => ids.Contains(d.OfficeId)), period)
            .GroupBy(d => d.OfficeId)
            .Select(g => new { OfficeId = g.Key, Count = g.Sum(d => d.Count) })
            .ToDictionaryAsync(g => g.OfficeId, g => g.Count, cancellationToken);
        var served = new Dictionary<int, int?>();
        var visitors = new Dictionary<int, int>();
        foreach (var zoneGroup in offices.Values.GroupBy(o => o.TimeZoneId, StringComparer.Ordinal))
        {
            var zoneIds = zoneGroup.Select(o => o.Id).ToList();
            var (start, end) = period.Bounds(zoneGroup.First().TimeZone);
            foreach (var row in await db.Tickets.AsNoTracking()
                .Where(t => zoneIds.Contains(t.OfficeId) && t.Status == TicketStatus.Done && t.TakenAt >= start && t.TakenAt < end)
                .GroupBy(t => t.OfficeId)
                .Select(g => new { OfficeId = g.Key, Count = g.Count() })
                .ToListAsync(cancellationToken))
            {
                served[row.OfficeId] = row.Count;
            }

            // No ticket served: 0 if the office took tickets in the period, no data if it took none (one query for all).
            var unserved = zoneIds.Where(id => !served.ContainsKey(id)).ToList();
            var tookTickets = unserved.Count == 0 ? [] : await db.Tickets
                .Where(t => unserved.Contains(t.OfficeId) && t.TakenAt >= start && t.TakenAt < end)
                .Select(t => t.OfficeId).Distinct().ToListAsync(cancellationToken);
            foreach (var id in unserved)
            {
                served[id] = tookTickets.Contains(id) ? 0 : null;
            }

            var readings = await ReadingsIn(db.DoorCounterReadings.Where(r => zoneIds.Contains(r.OfficeId)), start, end)
                .ToListAsync(cancellationToken);
            foreach (var office in readings.GroupBy(r => r.OfficeId))
            {
                visitors[office.Key] = VisitorCalculator.Visitors(office.ToList());
            }
        }

        var rows = new List<OfficeComparisonRow>();
        foreach (var id in ids)
        {
            if (!offices.TryGetValue(id, out var office))
            {
                continue;
            }

            long? officeQuestions = questions.TryGetValue(id, out var q) ? q : null;
            int? officeVisitors = visitors.TryGetValue(id, out var v) ? v : null;
            rows.Add(new OfficeComparisonRow(
                id, office.Name, officeQuestions, officeVisitors, served.GetValueOrDefault(id),
                officeQuestions is { } qs && officeVisitors is > 0 and { } vs ? Math.Round(qs * 100m / vs, 1, MidpointRounding.AwayFromZero) : null));
        }

        return rows;
    }

    /// <summary>
    /// The summary rows of tallies that lie wholly in the period: instants and days by their office-local day; month
    /// and year totals (imports) only when the whole month or year is inside it, so a year's total never lands in its
    /// January.
    /// </summary>
    internal static IQueryable<QuestionTallyDay> TallyDaysIn(IQueryable<QuestionTallyDay> days, StatisticsPeriod period)
    {
        var from = period.From;
        var to = period.To;
        var dayAfter = to.AddDays(1);
        var monthLimit = new DateOnly(dayAfter.Year, dayAfter.Month, 1);
        var yearLimit = new DateOnly(dayAfter.Year, 1, 1);
        return days.Where(d => d.Day >= from && d.Day <= to
            && (d.Granularity == TallyGranularity.Instant || d.Granularity == TallyGranularity.Day
                || (d.Granularity == TallyGranularity.Month && d.Day < monthLimit)
                || (d.Granularity == TallyGranularity.Year && d.Day < yearLimit)));
    }

    private static async Task<Dictionary<int, long>> QuestionCountsAsync(PortalDbContext db, int officeId, StatisticsPeriod period, CancellationToken cancellationToken) =>
        await TallyDaysIn(db.QuestionTallyDays.AsNoTracking().Where(d => d.OfficeId == officeId), period)
            .GroupBy(d => d.QuestionCategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Sum(d => d.Count) })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Count, cancellationToken);

    /// <summary>Readings that start in the period; an imported month or year figure also has to end in it.</summary>
    private static async Task<List<DoorCounterReading>> ReadingsAsync(PortalDbContext db, int officeId, StatisticsPeriod period, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var (start, end) = period.Bounds(zone);
        return await ReadingsIn(db.DoorCounterReadings.Where(r => r.OfficeId == officeId), start, end).ToListAsync(cancellationToken);
    }

    /// <summary>The door readings of a period, in time order: those that start in it, and an imported total only when it also ends in it.</summary>
    private static IQueryable<DoorCounterReading> ReadingsIn(IQueryable<DoorCounterReading> readings, DateTimeOffset start, DateTimeOffset end) =>
        readings.AsNoTracking()
            .Where(r => r.Start >= start && r.Start < end && (r.Source != DoorCounterSource.Import || r.End <= end))
            .OrderBy(r => r.Start);

    private static async Task<GenderFigures> GenderAsync(PortalDbContext db, int officeId, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var sums = await db.VisitorGenderEstimates.AsNoTracking()
            .Where(e => e.OfficeId == officeId && e.Day >= period.From && e.Day <= period.To)
            .GroupBy(e => e.OfficeId)
            .Select(g => new { Women = g.Sum(e => e.Women), Men = g.Sum(e => e.Men), Other = g.Sum(e => e.Other), Unknown = g.Sum(e => e.Unknown), Days = g.Count() })
            .SingleOrDefaultAsync(cancellationToken);
        return sums is null ? new GenderFigures(0, 0, 0, 0, 0) : new GenderFigures(sums.Women, sums.Men, sums.Other, sums.Unknown, sums.Days);
    }

    private static DayPartFigures SplitDayParts(Office office, OpeningSchedule schedule, List<DoorCounterReading> readings, int visitorsTotal, List<HourlyCounts.HourBucket> tallyHours, List<HourlyCounts.HourBucket> ticketHours)
    {
        var zone = office.TimeZone;
        var hourly = readings.Where(r => r.Source == DoorCounterSource.Automatic).ToList();
        if (hourly.Count > 0)
        {
            var split = VisitorCalculator.Split(hourly, schedule, zone);
            var note = string.Create(StatisticsFormat.Swedish, $"Uppdelningen bygger på besöksräknarens timvärden ({StatisticsFormat.Number(hourly.Count)} avläsningar).");
            if (hourly.Count < readings.Count)
            {
                note += " Manuellt avlästa och importerade värden ingår i totalen men inte i uppdelningen.";
            }

            return new DayPartFigures(split.Day, split.Evening, split.Weekend, VisitorSplitSource.HourlyReadings, note);
        }

        var activity = new long[3];
        foreach (var bucket in tallyHours.Concat(ticketHours))
        {
            var part = VisitorCalculator.Classify(new DateTimeOffset(bucket.Hour * TimeSpan.TicksPerHour, TimeSpan.Zero), zone, schedule);
            activity[(int)part] += bucket.Unlinked;
        }

        var basis = activity.Sum();
        if (basis == 0)
        {
            return new DayPartFigures(0, 0, 0, VisitorSplitSource.None,
                "Det finns inga timvisa räknarvärden, nummerlappar eller räknade frågor att dela upp besökarna efter.");
        }

        if (visitorsTotal == 0)
        {
            return new DayPartFigures((int)activity[0], (int)activity[1], (int)activity[2], VisitorSplitSource.TicketsAndTallies,
                string.Create(StatisticsFormat.Swedish,
                    $"Besöksräknaren saknar värden för perioden: siffrorna är nummerlappar och räknade frågor ({StatisticsFormat.Number(basis)}) per del av veckan."));
        }

        var parts = Apportion(visitorsTotal, activity);
        return new DayPartFigures(parts[0], parts[1], parts[2], VisitorSplitSource.TicketsAndTallies,
            string.Create(StatisticsFormat.Swedish,
                $"Besöksräknaren har inga timvärden för perioden: besökarna är fördelade efter när nummerlappar togs och frågor räknades ({StatisticsFormat.Number(basis)} st)."));
    }

    /// <summary>Splits <paramref name="total"/> in proportion to <paramref name="weights"/>, largest remainders first, so the parts add up.</summary>
    internal static int[] Apportion(int total, IReadOnlyList<long> weights)
    {
        var sum = weights.Sum();
        var parts = new int[weights.Count];
        var remainders = new (decimal Remainder, int Index)[weights.Count];
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (decimal)total * weights[i] / sum;
            parts[i] = (int)Math.Floor(exact);
            remainders[i] = (exact - parts[i], i);
        }

        var left = total - parts.Sum();
        foreach (var (_, index) in remainders.OrderByDescending(r => r.Remainder).ThenBy(r => r.Index).Take(left))
        {
            parts[index]++;
        }

        return parts;
    }

    private static async Task<QueueFigures> QueueAsync(PortalDbContext db, int officeId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var tickets = db.Tickets.AsNoTracking().Where(t => t.OfficeId == officeId && t.TakenAt >= start && t.TakenAt < end);
        var byStatus = await tickets
            .GroupBy(t => new { t.Status, Transfer = t.TransferredFromTicketId != null })
            .Select(g => new { g.Key.Status, g.Key.Transfer, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var waits = await TicketWaits.SummaryAsync(db, officeId, start, end, cancellationToken);
        return new QueueFigures(
            byStatus.Where(s => !s.Transfer).Sum(s => s.Count),
            byStatus.Where(s => s.Status == TicketStatus.Done).Sum(s => s.Count),
            byStatus.Where(s => s.Status == TicketStatus.NoShow).Sum(s => s.Count),
            byStatus.Where(s => s.Status == TicketStatus.NotServed).Sum(s => s.Count),
            waits.Count == 0 ? null : waits.AverageMinutes,
            waits.Count == 0 ? null : waits.MaxMinutes,
            byStatus.Where(s => s.Status == TicketStatus.VisitorCancelled).Sum(s => s.Count));
    }

    private static async Task<List<SurveySummary>> SurveysAsync(PortalDbContext db, int officeId, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var surveys = await db.Surveys.AsNoTracking()
            .Where(s => s.OfficeId == officeId && s.From <= period.To && s.To >= period.From)
            .OrderBy(s => s.From).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        if (surveys.Count == 0)
        {
            return [];
        }

        var ids = surveys.Select(s => s.Id).ToList();
        var responses = (await db.SurveyResponses.AsNoTracking().Where(r => ids.Contains(r.SurveyId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.SurveyId);
        return surveys.Select(s => new SurveySummary(s.Id, s.Title, s.From, s.To, SurveyResults.Compute(s, responses[s.Id]))).ToList();
    }

    private static async Task<TrendTable> TrendsAsync(
        PortalDbContext db, Office office, StatisticsPeriod period, Dictionary<int, long> current, long? currentVisitors,
        Dictionary<int, QuestionCategory> categories, DateTimeOffset namesAt, CancellationToken cancellationToken)
    {
        var zone = office.TimeZone;
        // Oldest first; the report's own period last.
        var periods = new List<StatisticsPeriod>();
        for (var back = TrendYears; back >= 1; back--)
        {
            var year = period.From.Year - back;
            if (year >= StatisticsPeriod.MinYear)
            {
                periods.Add(period.SameInYear(year));
            }
        }

        // A year with no tally rows (or no readings) has no data: its figures are null, not 0.
        var counts = new List<Dictionary<int, long>?>();
        var visitors = new List<long?>();
        foreach (var earlier in periods)
        {
            var earlierCounts = await QuestionCountsAsync(db, office.Id, earlier, cancellationToken);
            counts.Add(earlierCounts.Count == 0 ? null : earlierCounts);
            var readings = await ReadingsAsync(db, office.Id, earlier, zone, cancellationToken);
            visitors.Add(readings.Count == 0 ? null : VisitorCalculator.Visitors(readings));
        }

        periods.Add(period);
        counts.Add(current.Count == 0 ? null : current);
        visitors.Add(currentVisitors);

        var ids = counts.OfType<Dictionary<int, long>>().SelectMany(c => c.Where(x => x.Value > 0).Select(x => x.Key)).Distinct();
        var rows = ids
            .Select(id => Row(CategoryName(categories, id, namesAt), counts.Select(c => c is null ? (long?)null : c.GetValueOrDefault(id)).ToList()))
            .OrderByDescending(r => r.Counts[^1] ?? 0).ThenByDescending(r => r.Counts.Sum()).ThenBy(r => r.Name, StringComparer.Create(StatisticsFormat.Swedish, false))
            .ToList();
        return new TrendTable(
            periods.Select(p => p.From.Year).ToList(),
            periods.Select(p => p.Label).ToList(),
            rows,
            Row("Frågor totalt", counts.Select(c => c?.Values.Sum()).ToList()),
            Row("Besökare", visitors));
    }

    /// <summary>A trend row: counts oldest first, changes of the last against each earlier one, newest earlier first.</summary>
    private static TrendRow Row(string name, List<long?> counts)
    {
        var changes = new List<TrendComparison>();
        for (var i = counts.Count - 2; i >= 0; i--)
        {
            changes.Add(Trend.Compare(counts[^1], counts[i]));
        }

        return new TrendRow(name, counts, changes);
    }

    private static List<DailyVisitors> VisitorsPerDay(List<DoorCounterReading> readings, TimeZoneInfo zone) =>
        readings
            .Where(r => r.End - r.Start <= DayReadingMax)
            .GroupBy(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.Start, zone).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => new DailyVisitors(g.Key, VisitorCalculator.Visitors(g)))
            .ToList();

    private static WeekHourMatrix WeekHours(List<HourlyCounts.HourBucket> tallyHours, List<HourlyCounts.HourBucket> ticketHours, TimeZoneInfo zone)
    {
        static long[][] Fill(List<HourlyCounts.HourBucket> buckets, TimeZoneInfo zone)
        {
            var matrix = Enumerable.Range(0, 7).Select(_ => new long[WeekHourMatrix.Hours]).ToArray();
            foreach (var bucket in buckets)
            {
                var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(bucket.Hour * TimeSpan.TicksPerHour, TimeSpan.Zero), zone);
                if (local.Hour is < WeekHourMatrix.FirstHour or > WeekHourMatrix.LastHour)
                {
                    continue;
                }

                var weekday = ((int)local.DayOfWeek + 6) % 7;
                matrix[weekday][local.Hour - WeekHourMatrix.FirstHour] += bucket.Count;
            }

            return matrix;
        }

        return new WeekHourMatrix(Fill(tallyHours, zone), Fill(ticketHours, zone));
    }

    private static bool[][] OpenMask(OpeningHours weekly)
    {
        var mask = new bool[7][];
        for (var weekday = 0; weekday < 7; weekday++)
        {
            mask[weekday] = new bool[WeekHourMatrix.Hours];
            if (weekly.For((DayOfWeek)((weekday + 1) % 7)) is not { } hours)
            {
                continue;
            }

            for (var h = 0; h < WeekHourMatrix.Hours; h++)
            {
                var hourStart = new TimeOnly(h + WeekHourMatrix.FirstHour, 0);
                var hourEnd = hourStart.AddHours(1);
                var closes = hours.Closes == DayHours.EndOfDay ? TimeOnly.MaxValue : hours.Closes;
                mask[weekday][h] = hours.Opens < (hourEnd == TimeOnly.MinValue ? TimeOnly.MaxValue : hourEnd) && closes > hourStart;
            }
        }

        return mask;
    }

    private static string CategoryName(Dictionary<int, QuestionCategory> categories, int id, DateTimeOffset at) =>
        categories.TryGetValue(id, out var category) ? category.NameAt(at) : string.Create(CultureInfo.InvariantCulture, $"Ärendeslag {id}");

    private static decimal Share(long count, long total) =>
        total == 0 ? 0m : Math.Round(count * 100m / total, 1, MidpointRounding.AwayFromZero);
}
