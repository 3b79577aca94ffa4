using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>Rows for statistics tests, written straight to the database (office-local Stockholm times).</summary>
internal static class StatisticsSeed
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    /// <summary>"Now" for rows that must lie in the past.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Local(int year, int month, int day, int hour = 0, int minute = 0) =>
        ServiceDayCalculator.ToInstant(new DateOnly(year, month, day), new TimeOnly(hour, minute), Zone);

    public static async Task AddAsync(TestDatabase database, params object[] rows)
    {
        await using var db = database.CreateDbContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    public static QuestionTally Batch(QuestionCategory category, DateOnly day, int count) =>
        QuestionTally.RecordBatch(category, day, count, "staff-1", Now, Zone);

    public static QuestionTally Tap(QuestionCategory category, DateTimeOffset at) =>
        QuestionTally.RecordTap(category, TallyChannel.Disk, "staff-1", at);

    public static DoorCounterReading Reading(int officeId, DateTimeOffset start, DateTimeOffset end, int passages, DoorCounterSource source = DoorCounterSource.Manual) =>
        DoorCounterReading.Create(officeId, start, end, passages, source, Now);

    public static Ticket Ticket(QueueTestOffice office, int number, DateTimeOffset taken, DateTimeOffset? called = null, TicketStatus outcome = TicketStatus.Waiting)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(taken, Zone).DateTime);
        var ticket = Mbk.Domain.Queue.Ticket.Issue(office.Office.Id, office.ServiceA, number, day, taken);
        if (called is { } at)
        {
            ticket.Call(office.Tables[0].Id, "staff-1", at);
            if (outcome == TicketStatus.Done)
            {
                ticket.StartServing(at);
                ticket.Finish(at.AddMinutes(10));
            }
            else if (outcome == TicketStatus.NoShow)
            {
                ticket.MarkNoShow(at.AddMinutes(3));
            }
        }
        else if (outcome == TicketStatus.NotServed)
        {
            ticket.CloseAtEndOfDay(taken.AddHours(8));
        }

        return ticket;
    }
}

[Trait("Providers", "Both")]
public sealed class StatisticsQueriesTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;
    private StatisticsQueries _queries = default!;

    private QuestionCategory Migration => _office.Categories[0];

    private QuestionCategory Housing => _office.Categories[1];

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database);
        _queries = new StatisticsQueries(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldSumCategoriesDescendingWithSharesAndTotal()
    {
        var other = await QueueTestOffice.CreateAsync(_database);
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Batch(Migration, new DateOnly(2026, 3, 2), 11),
            StatisticsSeed.Batch(Housing, new DateOnly(2026, 3, 3), 30),
            StatisticsSeed.Tap(Housing, StatisticsSeed.Local(2026, 3, 31, 23, 30)),
            StatisticsSeed.Tap(Housing, StatisticsSeed.Local(2026, 3, 10, 10)),
            StatisticsSeed.Tap(Housing, StatisticsSeed.Local(2026, 3, 1, 0, 5)),
            // Outside the month, another office, and a year total that must not land in March.
            StatisticsSeed.Tap(Migration, StatisticsSeed.Local(2026, 4, 1, 0, 0)),
            StatisticsSeed.Tap(Migration, StatisticsSeed.Local(2026, 2, 28, 23, 59)),
            StatisticsSeed.Batch(other.Categories[0], new DateOnly(2026, 3, 5), 500),
            QuestionTally.Import(Migration, 2025, null, 1000, StatisticsSeed.Zone),
            QuestionTally.Import(Migration, 2026, 2, 77, StatisticsSeed.Zone));

        var report = await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 3));

        report.PeriodLabel.ShouldBe("mars 2026");
        report.QuestionsTotal.ShouldBe(44);
        report.Categories.Select(c => (c.Name, c.Count, c.SharePercent)).ShouldBe([("Bostadsfrågor", 33L, 75.0m), ("Migrationsfrågor", 11L, 25.0m)]);
    }

    [Fact]
    public async Task ShouldCountMonthAndYearTotalsOnlyInPeriodsHoldingThemWhole()
    {
        await StatisticsSeed.AddAsync(_database,
            QuestionTally.Import(Migration, 2025, null, 1000, StatisticsSeed.Zone),
            QuestionTally.Import(Housing, 2026, 2, 77, StatisticsSeed.Zone));

        (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Year(2025))).QuestionsTotal.ShouldBe(1000);
        (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Tertial(2025, 1))).QuestionsTotal.ShouldBe(0);
        (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 2))).QuestionsTotal.ShouldBe(77);
        (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Tertial(2026, 1))).QuestionsTotal.ShouldBe(77);
        (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.IsoWeek(2026, 6))).QuestionsTotal.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldShowOldNameForPeriodBeforeRename()
    {
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Batch(Housing, new DateOnly(2026, 3, 2), 5),
            StatisticsSeed.Batch(Housing, new DateOnly(2026, 6, 2), 7));
        await using (var db = _database.CreateDbContext())
        {
            var category = await db.QuestionCategories.SingleAsync(c => c.Id == Housing.Id);
            category.Rename("Boende och bostad", StatisticsSeed.Local(2026, 5, 15));
            await db.SaveChangesAsync();
        }

        var march = await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 3));
        var june = await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 6));
        var year = await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Year(2026));

        march.Categories.Single().Name.ShouldBe("Bostadsfrågor");
        june.Categories.Single().Name.ShouldBe("Boende och bostad");
        year.Categories.Single().ShouldBe(new CategoryCount(Housing.Id, "Boende och bostad", 12, 100.0m));
    }

    [Fact]
    public async Task ShouldCountVisitorsFromReadingsAsTheOfficeFormula()
    {
        // Rinkeby 2006: 193 484 passages, halved, minus 10 % staff: 87 068 visitors.
        var readings = Enumerable.Range(1, 12).Select(m =>
        {
            var passages = m == 12 ? 193_484 - (11 * 16_000) : 16_000;
            return StatisticsSeed.Reading(_office.Office.Id, StatisticsSeed.Local(2006, m, 1), StatisticsSeed.Local(m == 12 ? 2007 : 2006, m == 12 ? 1 : m + 1, 1), passages);
        }).ToArray<object>();
        await StatisticsSeed.AddAsync(_database, readings);

        var report = await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Year(2006));

        report.Visitors.Total.ShouldBe(87_068);
        report.Visitors.ReadingCount.ShouldBe(12);
        (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2006, 1))).Visitors.Total.ShouldBe(7_200);
    }

    [Fact]
    public async Task ShouldSplitVisitorsFromHourlyReadingsWithGender()
    {
        var id = _office.Office.Id;
        // Wednesday 4 March 2026 10–11 and 18–19, Saturday 7 March 11–12.
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Reading(id, StatisticsSeed.Local(2026, 3, 4, 10), StatisticsSeed.Local(2026, 3, 4, 11), 100, DoorCounterSource.Automatic),
            StatisticsSeed.Reading(id, StatisticsSeed.Local(2026, 3, 4, 18), StatisticsSeed.Local(2026, 3, 4, 19), 40, DoorCounterSource.Automatic),
            StatisticsSeed.Reading(id, StatisticsSeed.Local(2026, 3, 7, 11), StatisticsSeed.Local(2026, 3, 7, 12), 20, DoorCounterSource.Automatic),
            VisitorGenderEstimate.Create(id, new DateOnly(2026, 3, 4), 30, 25, 1, 7),
            VisitorGenderEstimate.Create(id, new DateOnly(2026, 3, 7), 5, 4, 0, 0),
            VisitorGenderEstimate.Create(id, new DateOnly(2026, 4, 1), 99, 99, 99, 99),
            // Tickets are ignored when hourly readings exist.
            StatisticsSeed.Ticket(_office, 1, StatisticsSeed.Local(2026, 3, 4, 18, 30)));

        var report = await _queries.GetReportAsync(id, StatisticsPeriod.Month(2026, 3));

        report.Visitors.Total.ShouldBe(72);
        report.Visitors.DayParts.ShouldBe(report.Visitors.DayParts with { Day = 45, Evening = 18, Weekend = 9, Source = VisitorSplitSource.HourlyReadings });
        report.Visitors.DayParts.Note.ShouldContain("timvärden");
        report.Visitors.Gender.ShouldBe(new GenderFigures(35, 29, 1, 7, 2));
        report.VisitorsPerDay.ShouldBe([new DailyVisitors(new DateOnly(2026, 3, 4), 63), new DailyVisitors(new DateOnly(2026, 3, 7), 9)]);
    }

    [Fact]
    public async Task ShouldSplitVisitorsFromTicketsAndTalliesWithoutHourlyReadings()
    {
        var id = _office.Office.Id;
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Reading(id, StatisticsSeed.Local(2026, 3, 1), StatisticsSeed.Local(2026, 4, 1), 200),
            StatisticsSeed.Ticket(_office, 1, StatisticsSeed.Local(2026, 3, 4, 10, 5)),
            StatisticsSeed.Ticket(_office, 2, StatisticsSeed.Local(2026, 3, 4, 10, 40)),
            StatisticsSeed.Ticket(_office, 3, StatisticsSeed.Local(2026, 3, 4, 17, 15)),
            StatisticsSeed.Ticket(_office, 4, StatisticsSeed.Local(2026, 3, 7, 12)),
            StatisticsSeed.Tap(Migration, StatisticsSeed.Local(2026, 3, 5, 9, 30)));

        var report = await _queries.GetReportAsync(id, StatisticsPeriod.Month(2026, 3));

        report.Visitors.Total.ShouldBe(90);
        var parts = report.Visitors.DayParts;
        parts.Source.ShouldBe(VisitorSplitSource.TicketsAndTallies);
        (parts.Day, parts.Evening, parts.Weekend).ShouldBe((54, 18, 18));
        parts.Note.ShouldContain("nummerlappar");
        report.WeekHours.Tickets[2][10 - WeekHourMatrix.FirstHour].ShouldBe(2);
        report.WeekHours.Tickets[5][12 - WeekHourMatrix.FirstHour].ShouldBe(1);
        report.WeekHours.Questions[3][9 - WeekHourMatrix.FirstHour].ShouldBe(1);
    }

    [Fact]
    public async Task ShouldCompareWithSamePeriodInPreviousTwoYears()
    {
        // Rinkeby's migration questions 2004–2006: 3 515 → 1 719 → 3 519.
        await StatisticsSeed.AddAsync(_database,
            QuestionTally.Import(Migration, 2004, null, 3_515, StatisticsSeed.Zone),
            QuestionTally.Import(Migration, 2005, null, 1_719, StatisticsSeed.Zone),
            QuestionTally.Import(Migration, 2006, null, 3_519, StatisticsSeed.Zone),
            QuestionTally.Import(Housing, 2004, null, 7_200, StatisticsSeed.Zone),
            QuestionTally.Import(Housing, 2005, null, 4_243, StatisticsSeed.Zone),
            QuestionTally.Import(Housing, 2006, null, 3_155, StatisticsSeed.Zone),
            DoorCounterReading.ImportVisitors(_office.Office.Id, 2005, null, 80_000, StatisticsSeed.Zone, StatisticsSeed.Now),
            DoorCounterReading.ImportVisitors(_office.Office.Id, 2006, null, 87_068, StatisticsSeed.Zone, StatisticsSeed.Now));

        var trends = (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Year(2006))).Trends;

        trends.Years.ShouldBe([2004, 2005, 2006]);
        var migration = trends.Categories.Single(r => r.Name == "Migrationsfrågor");
        migration.Counts.ShouldBe([3_515L, 1_719L, 3_519L]);
        migration.Changes[0].Change.ShouldBe(1_800);
        migration.Changes[0].PercentText.ShouldBe("+105 %");
        migration.Changes[1].Change.ShouldBe(4);
        var housing = trends.Categories.Single(r => r.Name == "Bostadsfrågor");
        housing.Changes[0].PercentText.ShouldBe("\u221226 %");
        trends.Categories[0].ShouldBe(migration);
        trends.Questions.Counts.ShouldBe([10_715L, 5_962L, 6_674L]);
        // 2004 has no visitor figures at all: missing, not 0, so no "nytt" against it.
        trends.Visitors.Counts.ShouldBe([null, 80_000L, 87_068L]);
        trends.Visitors.Changes[0].PercentText.ShouldBe("+9 %");
        trends.Visitors.Changes[1].IsMissing.ShouldBeTrue();
        trends.Visitors.Changes[1].PercentText.ShouldBe("–");
        trends.Visitors.Changes[1].ChangeText.ShouldBe("–");
    }

    [Fact]
    public async Task ShouldReportQueueFigures()
    {
        var t = (int h, int m) => StatisticsSeed.Local(2026, 3, 4, h, m);
        var walkIn = Ticket.StartWalkIn(_office.Office.Id, _office.ServiceA, 90, new DateOnly(2026, 3, 4), _office.Tables[1].Id, "staff-2", t(11, 0));
        walkIn.Finish(t(11, 20));
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Ticket(_office, 1, t(10, 0), t(10, 10), TicketStatus.Done),
            StatisticsSeed.Ticket(_office, 2, t(10, 5), t(10, 35), TicketStatus.NoShow),
            StatisticsSeed.Ticket(_office, 3, t(10, 20), null, TicketStatus.NotServed),
            StatisticsSeed.Ticket(_office, 4, StatisticsSeed.Local(2026, 4, 1, 10, 0), StatisticsSeed.Local(2026, 4, 1, 12, 0), TicketStatus.Done),
            walkIn);

        var queue = (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 3))).Queue;

        queue.ShouldBe(new QueueFigures(Taken: 4, Served: 2, NoShows: 1, NotServed: 1, AverageWaitMinutes: 20, LongestWaitMinutes: 30));
    }

    [Fact]
    public async Task ShouldDeriveKeyFigures()
    {
        var id = _office.Office.Id;
        var referrals = Enumerable.Range(0, 9).Select(i => Referral.Record(_office.Referral, "staff-1", StatisticsSeed.Local(2026, 3, 10, 10, i))).ToArray<object>();
        await StatisticsSeed.AddAsync(_database, referrals);
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Reading(id, StatisticsSeed.Local(2026, 3, 1), StatisticsSeed.Local(2026, 4, 1), 200),
            StatisticsSeed.Batch(Migration, new DateOnly(2026, 3, 10), 45),
            StatisticsSeed.Ticket(_office, 1, StatisticsSeed.Local(2026, 3, 4, 10), StatisticsSeed.Local(2026, 3, 4, 10, 10), TicketStatus.Done),
            StatisticsSeed.Ticket(_office, 2, StatisticsSeed.Local(2026, 3, 4, 10, 1), StatisticsSeed.Local(2026, 3, 4, 10, 11), TicketStatus.Done));

        var report = await _queries.GetReportAsync(id, StatisticsPeriod.Month(2026, 3));

        report.ReferralsTotal.ShouldBe(9);
        report.Referrals.Single().ShouldBe(new ReferralCount(_office.Referral.Id, "Försäkringskassan", 9, 100.0m));
        report.KeyFigures.ShouldBe(new KeyFigures(QuestionsPer100Visitors: 50.0m, ReferredSharePercent: 10.0m, TicketsServed: 2, QuestionsTallied: 45, QuestionsPerServedTicket: 22.5m));
    }

    [Fact]
    public async Task ShouldCompareOfficesTotals()
    {
        var other = await QueueTestOffice.CreateAsync(_database);
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Batch(Migration, new DateOnly(2026, 3, 2), 30),
            StatisticsSeed.Reading(_office.Office.Id, StatisticsSeed.Local(2026, 3, 1), StatisticsSeed.Local(2026, 4, 1), 200),
            StatisticsSeed.Ticket(_office, 1, StatisticsSeed.Local(2026, 3, 4, 10), StatisticsSeed.Local(2026, 3, 4, 10, 10), TicketStatus.Done),
            StatisticsSeed.Batch(other.Categories[1], new DateOnly(2026, 3, 2), 8));

        var rows = await _queries.CompareOfficesAsync([_office.Office.Id, other.Office.Id], StatisticsPeriod.Month(2026, 3));

        rows.Count.ShouldBe(2);
        rows[0].ShouldBe(new OfficeComparisonRow(_office.Office.Id, _office.Office.Name, 30, 90, 1, 33.3m));
        // No door reading and no ticket at the other office: no data, not 0.
        rows[1].ShouldBe(new OfficeComparisonRow(other.Office.Id, other.Office.Name, 8, null, null, null));
    }

    [Fact]
    public async Task ShouldCompareOfficesWithZeroServedWhenTicketsWereTakenAndNoDataWhereNothingWasRecorded()
    {
        var other = await QueueTestOffice.CreateAsync(_database);
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Ticket(_office, 1, StatisticsSeed.Local(2026, 3, 4, 10), StatisticsSeed.Local(2026, 3, 4, 10, 5), TicketStatus.NoShow));

        var rows = await _queries.CompareOfficesAsync([_office.Office.Id, other.Office.Id], StatisticsPeriod.Month(2026, 3));

        rows[0].ShouldBe(new OfficeComparisonRow(_office.Office.Id, _office.Office.Name, null, null, 0, null));
        rows[1].ShouldBe(new OfficeComparisonRow(other.Office.Id, other.Office.Name, null, null, null, null));
    }

    [Fact]
    public async Task ShouldIncludeSurveysOverlappingThePeriod()
    {
        var inside = Survey.Create(_office.Office.Id, "Brukarenkät våren", new DateOnly(2026, 2, 20), new DateOnly(2026, 3, 10), ["Bemötande", "Väntetid"]);
        var outside = Survey.Create(_office.Office.Id, "Hösten", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), ["Bemötande"]);
        await StatisticsSeed.AddAsync(_database, inside, outside);
        await StatisticsSeed.AddAsync(_database, SurveyResponse.Create(inside, [5, 4]), SurveyResponse.Create(inside, [4, null]));

        var surveys = (await _queries.GetReportAsync(_office.Office.Id, StatisticsPeriod.Month(2026, 3))).Surveys;

        surveys.Select(s => s.Title).ShouldBe(["Brukarenkät våren"]);
        surveys[0].Results.ResponseCount.ShouldBe(2);
        surveys[0].Results.Questions[0].Mean.ShouldBe(4.5m);
        surveys[0].Results.OverallMean.ShouldBe(4.33m);
    }
}
