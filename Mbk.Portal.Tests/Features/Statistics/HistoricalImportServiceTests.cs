using System.Text;
using ClosedXML.Excel;
using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Import;
using Mbk.Portal.Tests.Domain.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Statistics;

public sealed class HistoricalImportServiceTests : IAsyncLifetime
{
    private VisitorTestOffice _office = default!;

    public async Task InitializeAsync() => _office = await VisitorTestOffice.CreateAsync();

    public async Task DisposeAsync() => await _office.DisposeAsync();

    /// <summary>Rinkeby's 2006 questions as a CSV file: header, then 23 rows of the year, month empty.</summary>
    internal static string Rinkeby2006Csv(string separator = ";") =>
        string.Join("\r\n", new[] { string.Join(separator, "År", "Månad", "Ärendeslag", "Antal") }
            .Concat(StatisticsTestData.Rinkeby2006.Select(r => string.Join(separator, "2006", string.Empty, r.Category, r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))))
        + "\r\n";

    internal static MemoryStream Utf8(string text, bool bom = false) =>
        new((bom ? Encoding.UTF8.GetPreamble() : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray());

    private async Task<List<QuestionTally>> TalliesAsync()
    {
        await using var db = _office.Database.CreateDbContext();
        return await db.QuestionTallies.AsNoTracking().Where(t => t.OfficeId == _office.Office.Id).ToListAsync();
    }

    private async Task<List<DoorCounterReading>> ReadingsAsync()
    {
        await using var db = _office.Database.CreateDbContext();
        return await db.DoorCounterReadings.AsNoTracking().Where(r => r.OfficeId == _office.Office.Id).ToListAsync();
    }

    [Fact]
    public async Task ShouldImportRinkebys2006CategoriesFromSemicolonCsv()
    {
        var summary = await _office.Import.ImportAsync(_office.Manager, Utf8(Rinkeby2006Csv(), bom: true), "rinkeby-2006.csv");

        summary.Errors.ShouldBeEmpty();
        summary.TallyRows.ShouldBe(23);
        summary.Questions.ShouldBe(StatisticsTestData.Rinkeby2006QuestionSum);
        var tallies = await TalliesAsync();
        tallies.Count.ShouldBe(23);
        tallies.Sum(t => t.Count).ShouldBe(33_893);
        tallies.ShouldAllBe(t => t.Source == TallySource.Import && t.Granularity == TallyGranularity.Year);
        tallies.ShouldAllBe(t => t.RecordedAt == VisitorTestOffice.Midnight(2006, 1, 1));
    }

    [Fact]
    public async Task ShouldImportCommaCsvWithEnglishHeadersAndVisitorsInLatin1()
    {
        var text = "Year,Month,Category,Count\n2006,,migrationsfrågor,3519\n2006,,Besökare,87068\n2006,,Polisen,0\n";

        var summary = await _office.Import.ImportAsync(_office.Manager, new MemoryStream(Encoding.Latin1.GetBytes(text)), "gammal.csv");

        summary.Errors.ShouldBeEmpty();
        summary.TallyRows.ShouldBe(1);
        summary.VisitorRows.ShouldBe(1);
        summary.SkippedZeroRows.ShouldBe(1);
        (await TalliesAsync()).ShouldHaveSingleItem().Count.ShouldBe(3519);
        (await _office.Queries.GetVisitorsAsync(_office.Office.Id, StatisticsPeriod.Year(2006))).ShouldBe(87_068);
        (await ReadingsAsync()).ShouldHaveSingleItem().Source.ShouldBe(DoorCounterSource.Import);
    }

    [Fact]
    public async Task ShouldListBadRowsByFileRowNumberAndImportNothing()
    {
        var lines = Rinkeby2006Csv().Split("\r\n").ToList();
        lines[3] = "2006;;Ärenden som inte finns;12";   // row 4
        lines[10] = "2006;13;Boutredning;tjugo";        // row 11
        var text = string.Join("\r\n", lines);

        var summary = await _office.Import.ImportAsync(_office.Manager, Utf8(text), "fel.csv");

        summary.Succeeded.ShouldBeFalse();
        summary.Errors.Select(e => e.RowNumber).Distinct().ShouldBe([4, 11]);
        summary.Errors.ShouldContain(e => e.RowNumber == 4 && e.Message.Contains("Ärenden som inte finns", StringComparison.Ordinal));
        summary.Errors.ShouldContain(e => e.RowNumber == 11 && e.Message.Contains("Antalet måste vara ett heltal", StringComparison.Ordinal));
        (await TalliesAsync()).ShouldBeEmpty();
        (await ReadingsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldImportTheSameFromExcelBuiltWithClosedXml()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("2006");
        sheet.Cell(1, 1).Value = "År";
        sheet.Cell(1, 2).Value = "Månad";
        sheet.Cell(1, 3).Value = "Ärendeslag";
        sheet.Cell(1, 4).Value = "Antal";
        var row = 2;
        foreach (var (category, count) in StatisticsTestData.Rinkeby2006)
        {
            sheet.Cell(row, 1).Value = 2006;
            sheet.Cell(row, 3).Value = category;
            sheet.Cell(row, 4).Value = count;
            row++;
        }

        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var summary = await _office.Import.ImportAsync(_office.Manager, file, "Rinkeby 2006.xlsx");

        summary.Errors.ShouldBeEmpty();
        summary.TallyRows.ShouldBe(23);
        (await TalliesAsync()).Sum(t => t.Count).ShouldBe(33_893);
    }

    [Fact]
    public async Task ShouldReportExcelRowNumbers()
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Blad1");
        sheet.Cell(1, 1).Value = "År";
        sheet.Cell(1, 2).Value = "Månad";
        sheet.Cell(1, 3).Value = "Ärendeslag";
        sheet.Cell(1, 4).Value = "Antal";
        sheet.Cell(2, 1).Value = 2006;
        sheet.Cell(2, 3).Value = "Polisen";
        sheet.Cell(2, 4).Value = 143;
        sheet.Cell(3, 1).Value = 1850;
        sheet.Cell(3, 3).Value = "Polisen";
        sheet.Cell(3, 4).Value = 1;
        using var file = new MemoryStream();
        workbook.SaveAs(file);
        file.Position = 0;

        var summary = await _office.Import.ImportAsync(_office.Manager, file, "fel.xlsx");

        summary.Errors.ShouldHaveSingleItem().RowNumber.ShouldBe(3);
        (await TalliesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldRefuseImportingTheSameYearTwice()
    {
        (await _office.Import.ImportAsync(_office.Manager, Utf8(Rinkeby2006Csv()), "a.csv")).Succeeded.ShouldBeTrue();

        var again = await _office.Import.ImportAsync(_office.Manager, Utf8(Rinkeby2006Csv()), "a.csv");

        again.Succeeded.ShouldBeFalse();
        again.Errors.Count.ShouldBe(23);
        again.Errors[0].Message.ShouldContain("redan inläst");
        (await TalliesAsync()).Count.ShouldBe(23);
    }

    [Fact]
    public async Task ShouldRefuseMissingHeaderColumnsAndOtherFileTypes()
    {
        var missing = await _office.Import.ImportAsync(_office.Manager, Utf8("År;Ärendeslag;Antal\n2006;Polisen;143\n"), "a.csv");
        var wrongType = await _office.Import.ImportAsync(_office.Manager, Utf8("hej"), "a.pdf");
        var notExcel = await _office.Import.ImportAsync(_office.Manager, Utf8("inte excel"), "a.xlsx");

        missing.Errors.ShouldHaveSingleItem().ShouldBe(new ImportRowError(1, "Rubrikraden saknar Månad. Första raden ska vara: År;Månad;Ärendeslag;Antal."));
        wrongType.Errors.ShouldHaveSingleItem().RowNumber.ShouldBe(0);
        notExcel.Errors.ShouldHaveSingleItem().Message.ShouldContain("Excel-filen kunde inte läsas");
    }

    [Fact]
    public async Task ShouldRefuseAdvisor()
    {
        await Should.ThrowAsync<DomainException>(() => _office.Import.ImportAsync(_office.Advisor, Utf8(Rinkeby2006Csv()), "a.csv"));
    }
}
