using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class HistoricalImportValidatorTests
{
    private const int CurrentYear = 2026;

    private static readonly IReadOnlyCollection<string> Known = Rinkeby2006.Select(r => r.Category).ToList();

    private static HistoricalImportResult Validate(params RawImportRow[] rows) => HistoricalImportValidator.Validate(rows, Known, CurrentYear);

    private static RawImportRow Row(int number, string? year, string? month, string? category, string? count) => new(number, year, month, category, count);

    [Fact]
    public void ShouldAcceptRinkeby2006WhenImportedAsYearTotals()
    {
        var rows = Rinkeby2006.Select((r, i) => Row(i + 2, "2006", "", r.Category, r.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(Row(25, "2006", null, "Besökare", "87 068"))
            .ToList();

        var result = HistoricalImportValidator.Validate(rows, Known, CurrentYear);

        result.IsValid.ShouldBeTrue();
        result.Rows.Count.ShouldBe(24);
        result.Rows.Where(r => !r.IsVisitors).Sum(r => r.Count).ShouldBe(Rinkeby2006QuestionSum);
        result.Rows.Single(r => r.IsVisitors).ShouldBe(new HistoricalImportRow(25, 2006, null, "Besökare", true, Rinkeby2006Visitors));
    }

    [Fact]
    public void ShouldUseOfficesSpellingWhenCategoryDiffersInCaseAndSpaces()
    {
        var result = Validate(Row(2, " 2006 ", " 3 ", "  migrationsfrågor ", "310"), Row(3, "2006", "3", "BESÖKARE", "7000"));

        result.IsValid.ShouldBeTrue();
        result.Rows[0].ShouldBe(new HistoricalImportRow(2, 2006, 3, "Migrationsfrågor", false, 310));
        result.Rows[1].IsVisitors.ShouldBeTrue();
        result.Rows[1].CategoryName.ShouldBe("Besökare");
    }

    [Theory]
    [InlineData("5 654", 5654)]
    [InlineData("5\u00A0654", 5654)]
    [InlineData("0", 0)]
    [InlineData("007", 7)]
    public void ShouldAcceptCountWhenWholeNumberWithOrWithoutSpaces(string count, int expected)
    {
        Validate(Row(2, "2006", "", "Polisen", count)).Rows.Single().Count.ShouldBe(expected);
    }

    [Fact]
    public void ShouldListEveryErrorByRowWhenFileHasMistakes()
    {
        var result = Validate(
            Row(2, "2006", "1", "Polisen", "12"),
            Row(3, "1989", "1", "Polisen", "12"),
            Row(4, "2027", "", "Polisen", "12"),
            Row(5, "två tusen", "13", "Okänt slag", "-5"),
            Row(6, "", "jan", "", ""),
            Row(7, "2006", "2", "Polisen", "12,5"),
            Row(8, "2006", "1", "polisen", "3"),
            Row(9, "2006", "", "Polisen", "150"));

        result.IsValid.ShouldBeFalse();
        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "Rad 3: Året måste vara 1990–2026 (var 1989).",
            "Rad 4: Året måste vara 1990–2026 (var 2027).",
            "Rad 5: Året måste vara ett årtal, t.ex. 2006 (var \"två tusen\").",
            "Rad 5: Månaden måste vara 1–12, eller tom för helår (var \"13\").",
            "Rad 5: Ärendeslaget \"Okänt slag\" finns inte för kontoret (eller skriv \"Besökare\" för besökare).",
            "Rad 5: Antalet måste vara ett heltal, 0 eller mer (var \"-5\").",
            "Rad 6: Året saknas.",
            "Rad 6: Månaden måste vara 1–12, eller tom för helår (var \"jan\").",
            "Rad 6: Ärendeslaget saknas.",
            "Rad 6: Antalet saknas.",
            "Rad 7: Antalet måste vara ett heltal, 0 eller mer (var \"12,5\").",
            "Rad 8: \"Polisen\" 2006-01 finns redan på rad 2.",
            "Rad 9: \"Polisen\" 2006 har redan månadssiffror (rad 2); ange antingen helår eller månader.",
        ]);
        result.Rows.Select(r => r.RowNumber).ShouldBe([2]);
    }

    [Fact]
    public void ShouldRefuseMonthlyRowWhenYearTotalCameFirst()
    {
        var result = Validate(Row(2, "2005", "", "Besökare", "80 000"), Row(3, "2005", "4", "Besökare", "7 000"), Row(4, "2006", "4", "Besökare", "7 000"));

        result.Errors.ShouldBe([new ImportRowError(3, "Besökare 2005 har redan en helårssiffra (rad 2); ange antingen helår eller månader.")]);
        result.Rows.Select(r => r.RowNumber).ShouldBe([2, 4]);
    }

    [Fact]
    public void ShouldRefuseDuplicateYearTotalWhenCategoryRepeats()
    {
        var result = Validate(Row(2, "2004", "", "Bostadsfrågor", "7200"), Row(3, "2004", "", "bostadsfrågor", "7 200"));

        result.Errors.ShouldBe([new ImportRowError(3, "\"Bostadsfrågor\" 2004 (helår) finns redan på rad 2.")]);
    }

    [Fact]
    public void ShouldAllowSameMonthWhenCategoriesOrYearsDiffer()
    {
        var result = Validate(
            Row(2, "2006", "5", "Polisen", "10"),
            Row(3, "2006", "5", "Miljöfrågor", "2"),
            Row(4, "2005", "5", "Polisen", "11"),
            Row(5, "2006", "6", "Polisen", "9"));

        result.IsValid.ShouldBeTrue();
        result.Rows.Count.ShouldBe(4);
    }

    [Fact]
    public void ShouldSkipBlankRowsWhenFileHasTrailingEmptyLines()
    {
        var result = Validate(Row(2, "2006", "", "Polisen", "143"), Row(3, "", " ", null, ""), Row(4, null, null, null, null));

        result.IsValid.ShouldBeTrue();
        result.Rows.Count.ShouldBe(1);
    }

    [Fact]
    public void ShouldReportFileErrorWhenThereAreNoRows()
    {
        Validate().Errors.ShouldBe([new ImportRowError(0, "Filen innehåller inga rader att läsa in.")]);
    }

    [Fact]
    public void ShouldAcceptCurrentYearAnd1990WhenAtTheLimits()
    {
        Validate(Row(2, "1990", "", "Polisen", "1"), Row(3, "2026", "", "Polisen", "1")).IsValid.ShouldBeTrue();
    }
}
