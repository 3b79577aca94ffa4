using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Tests.Features.Statistics;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Reports;

/// <summary>The tertial report (preview, e-mail, workbook) for a period whose earlier years have no data (issue 16).</summary>
[Trait("Providers", "Both")]
public sealed class ReportMissingDataTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private int _officeId;
    private ReportContentQueries _queries = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var office = await _database.AddOfficeAsync();
        _officeId = office.Id;
        var zone = ReportTestData.Stockholm;
        await using var db = _database.CreateDbContext();
        var migration = QuestionCategory.Create(office.Id, "Migrationsfrågor", 1);
        var housing = QuestionCategory.Create(office.Id, "Bostadsfrågor", 2);
        db.QuestionCategories.AddRange(migration, housing);
        await db.SaveChangesAsync();
        // Only T1 2026: the portal is new, 2024 and 2025 have nothing at all.
        db.QuestionTallies.AddRange(
            QuestionTally.Import(migration, 2026, 2, 205, zone),
            QuestionTally.Import(housing, 2026, 3, 150, zone));
        db.DoorCounterReadings.Add(DoorCounterReading.ImportVisitors(office.Id, 2026, 3, 1500, zone, ReportTestData.AfterT1Due));
        await db.SaveChangesAsync();
        _queries = new ReportContentQueries(_database, new StatisticsQueries(_database), new FeedbackNotRecorded());
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldShowNoNyttAndNoEmptyChartWhenEarlierYearsHaveNoData()
    {
        var content = await _queries.BuildAsync(_officeId, StatisticsPeriod.Tertial(2026, 1));
        var charts = ReportCharts.Draw(content);
        var html = ReportHtml.ForPreview(content, charts, ReportTestData.AfterT1Due, ReportTestData.Stockholm);

        html.ShouldNotContain("nytt");
        html.ShouldNotContain("+100 %");
        html.ShouldNotContain("Kön uppskattat");
        html.ShouldContain("uppgift saknas");
        // Only the category chart has something to show: no day-part chart without hourly data, no trend chart of one year.
        charts.Select(c => c.ContentId).ShouldBe([ReportCharts.CategoriesId]);
        html.Split("<img ").Length.ShouldBe(2);
        content.Questions.ShouldAllBe(q => q.EarlierCounts.All(c => c == null) && q.Changes.All(c => c.IsMissing));
        content.BiggestChanges.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldWriteUppgiftSaknasInTheWorkbookWhereTheReportHasNoData()
    {
        var content = await _queries.BuildAsync(_officeId, StatisticsPeriod.Tertial(2026, 1));

        var tables = ReportWorkbook.Tables(content);

        var visitors = tables.Single(t => t.Name == "Besökare");
        visitors.Rows.Single(r => Equals(r[0], "Kvinnor (uppskattat)"))[1].ShouldBe(StatisticsFormat.Missing);
        visitors.Rows.Single(r => Equals(r[0], "Dag"))[1].ShouldBe(StatisticsFormat.Missing);
        var trends = tables.Single(t => t.Name == "Trender");
        var total = trends.Rows.Single(r => Equals(r[0], "Frågor totalt"));
        total[1].ShouldBe(StatisticsFormat.Missing);
        total[3].ShouldBe(355L);
        total.Skip(4).ShouldAllBe(c => Equals(c, "–"));
    }
}
