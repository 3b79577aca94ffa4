using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Statistics;

[Trait("Providers", "Both")]
public sealed class StatisticsExportTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;
    private StatisticsReport _report = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database);
        await StatisticsSeed.AddAsync(_database,
            QuestionTally.Import(_office.Categories[0], 2006, null, 3_519, StatisticsSeed.Zone),
            QuestionTally.Import(_office.Categories[1], 2006, null, 3_155, StatisticsSeed.Zone),
            QuestionTally.Import(_office.Categories[0], 2005, null, 1_719, StatisticsSeed.Zone),
            DoorCounterReading.ImportVisitors(_office.Office.Id, 2006, null, 87_068, StatisticsSeed.Zone, StatisticsSeed.Now));
        _report = await new StatisticsQueries(_database).GetReportAsync(_office.Office.Id, StatisticsPeriod.Year(2006));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public void ShouldWriteWorkbookWithOneSheetPerTableAndTheReportsNumbers()
    {
        var bytes = StatisticsExport.ToExcel(_report);

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        workbook.Worksheets.Select(w => w.Name).ShouldBe(["Frågor", "Besökare", "Länkningar", "Kö", "Enkäter", "Nyckeltal", "Trender"]);
        var questions = workbook.Worksheet("Frågor");
        questions.Cell(3, 1).GetString().ShouldBe("Ärendeslag");
        for (var i = 0; i < _report.Categories.Count; i++)
        {
            questions.Cell(4 + i, 1).GetString().ShouldBe(_report.Categories[i].Name);
            questions.Cell(4 + i, 2).GetValue<long>().ShouldBe(_report.Categories[i].Count);
            questions.Cell(4 + i, 3).GetValue<decimal>().ShouldBe(_report.Categories[i].SharePercent);
        }

        questions.Cell(4, 1).GetString().ShouldBe("Migrationsfrågor");
        questions.Cell(4, 2).GetValue<long>().ShouldBe(3_519);
        questions.Cell(4 + _report.Categories.Count, 1).GetString().ShouldBe("Totalt");
        questions.Cell(4 + _report.Categories.Count, 2).GetValue<long>().ShouldBe(6_674);
        workbook.Worksheet("Besökare").Cell(4, 2).GetValue<int>().ShouldBe(87_068);
        var trends = workbook.Worksheet("Trender");
        trends.Cell(4, 1).GetString().ShouldBe("Migrationsfrågor");
        trends.Cell(4, 4).GetValue<long>().ShouldBe(3_519);
        trends.Cell(4, 5).GetValue<long>().ShouldBe(1_800);
    }

    [Fact]
    public void ShouldWriteQuestionsCsvWithSemicolonsAndBom()
    {
        var bytes = StatisticsExport.QuestionsCsv(_report);

        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Ärendeslag;Antal;Andel (%)");
        lines[1].ShouldBe("Migrationsfrågor;3519;52,7");
        lines[^1].ShouldBe("Totalt;6674;100");
    }

    [Fact]
    public void ShouldZipOneCsvPerTable()
    {
        using var zip = new ZipArchive(new MemoryStream(StatisticsExport.ToCsvZip(_report)));

        zip.Entries.Select(e => e.Name).ShouldBe(["Frågor.csv", "Besökare.csv", "Länkningar.csv", "Kö.csv", "Enkäter.csv", "Nyckeltal.csv", "Trender.csv"]);
    }

    [Theory]
    [InlineData("month", "2026-03-15", null, "mars 2026")]
    [InlineData("week", "2026-03-15", null, "vecka 11 2026")]
    [InlineData("tertial", "2026-06-01", null, "T2 2026 (maj–augusti)")]
    [InlineData("custom", "2026-03-01", "2026-03-15", "1–15 mars 2026")]
    public void ShouldParseExportLinkPeriods(string kind, string from, string? to, string label)
    {
        var period = StatisticsExportEndpoints.ParsePeriod(kind, from, to);

        period.ShouldNotBeNull().Label.ShouldBe(label);
        StatisticsExportEndpoints.ParsePeriod(kind, StatisticsExportEndpoints.Link("/x", 1, period).Split("from=")[1].Split('&')[0], to)!.ShouldBe(period);
    }

    [Theory]
    [InlineData(null, "2026-03-01", null)]
    [InlineData("month", "1 mars", null)]
    [InlineData("custom", "2026-03-10", "2026-03-01")]
    [InlineData("custom", "2026-03-10", null)]
    public void ShouldRefuseBadExportPeriods(string? kind, string from, string? to) =>
        StatisticsExportEndpoints.ParsePeriod(kind, from, to).ShouldBeNull();
}
