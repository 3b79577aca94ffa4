using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using CsvHelper;

namespace Mbk.Portal.Features.Statistics.Report;

/// <summary>One table of the report as it is exported: a sheet in Excel, a file in the CSV zip.</summary>
public sealed record ExportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// The report as files (pure: report in, bytes out): an Excel workbook with one sheet per table, the questions table
/// as CSV (semicolons, UTF-8 with BOM, as Swedish Excel opens it), or every table as CSV in a zip.
/// </summary>
public static class StatisticsExport
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string ZipContentType = "application/zip";

    private static readonly CsvWriterOptions CsvOptions = new() { Separator = ';', WriteByteOrderMark = true };

    /// <summary>The tables in export order: Frågor, Besökare, Länkningar, Kö, Enkäter, Nyckeltal, Trender.</summary>
    public static IReadOnlyList<ExportTable> Tables(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return [Questions(report), Visitors(report), Referrals(report), Queue(report), Surveys(report), KeyFigures(report), Trends(report)];
    }

    /// <summary>A file name without extension: "statistik-rinkeby-2006-01-01-2006-12-31".</summary>
    public static string FileName(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var office = new string(report.OfficeName.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return $"statistik-{office}-{StatisticsFormat.Date(report.Period.From)}-{StatisticsFormat.Date(report.Period.To)}";
    }

    public static byte[] ToExcel(StatisticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ToExcel($"{report.OfficeName}: {report.PeriodLabel}", Tables(report), (_, _) => 16);
    }

    /// <summary>
    /// One sheet per table: <paramref name="title"/> in A1, headers on row 3, numbers as numbers. Shared by the
    /// statistics export and the tertial report's attachment.
    /// </summary>
    public static byte[] ToExcel(string title, IReadOnlyList<ExportTable> tables, Func<ExportTable, int, double> columnWidth, double firstColumnWidth = 40)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(columnWidth);
        using var workbook = new XLWorkbook();
        foreach (var table in tables)
        {
            var sheet = workbook.Worksheets.Add(table.Name);
            sheet.Cell(1, 1).SetValue(title);
            sheet.Cell(1, 1).Style.Font.Bold = true;
            for (var c = 0; c < table.Headers.Count; c++)
            {
                sheet.Cell(3, c + 1).SetValue(table.Headers[c]);
                sheet.Cell(3, c + 1).Style.Font.Bold = true;
            }

            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    SetCell(sheet.Cell(r + 4, c + 1), table.Rows[r][c]);
                }
            }

            // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
            sheet.Column(1).Width = firstColumnWidth;
            for (var c = 2; c <= table.Headers.Count; c++)
            {
                sheet.Column(c).Width = columnWidth(table, c);
            }
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void SetCell(IXLCell cell, object? value)
    {
        switch (value)
        {
            case null:
                break;
            case int i:
                cell.SetValue(i);
                break;
            case long l:
                cell.SetValue(l);
                break;
            case decimal d:
                cell.SetValue(d);
                break;
            case double x:
                cell.SetValue(x);
                break;
            case var other:
                cell.SetValue(Convert.ToString(other, StatisticsFormat.Swedish) ?? string.Empty);
                break;
        }
    }

    /// <summary>The questions table (Frågor) as CSV.</summary>
    public static byte[] QuestionsCsv(StatisticsReport report) => ToCsv(Questions(report));

    /// <summary>Every table as its own CSV file in a zip ("Frågor.csv", …).</summary>
    public static byte[] ToCsvZip(StatisticsReport report)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var table in Tables(report))
            {
                var entry = zip.CreateEntry(table.Name + ".csv", CompressionLevel.Optimal);
                using var entryStream = entry.Open();
                var bytes = ToCsv(table);
                entryStream.Write(bytes);
            }
        }

        return stream.ToArray();
    }

    public static byte[] ToCsv(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true))
        {
            csv.WriteRecord(table.Headers.ToArray());
            foreach (var row in table.Rows)
            {
                csv.WriteRecord(row.Select(CsvValue).ToArray());
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static string CsvValue(object? value) => value switch
    {
        null => string.Empty,
        decimal d => d.ToString("0.##", StatisticsFormat.Swedish),
        double x => x.ToString("0.##", StatisticsFormat.Swedish),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static ExportTable Questions(StatisticsReport report)
    {
        var rows = report.Categories.Select(c => Row(c.Name, c.Count, c.SharePercent)).ToList();
        rows.Add(report.HasQuestions ? Row("Totalt", report.QuestionsTotal, 100m) : Row("Totalt", StatisticsFormat.Missing, null));
        return new ExportTable("Frågor", ["Ärendeslag", "Antal", "Andel (%)"], rows);
    }

    private static ExportTable Visitors(StatisticsReport report)
    {
        // Missing is not zero: a figure without data is the words "uppgift saknas", not a 0 that Excel would sum.
        var v = report.Visitors;
        object? Gender(int value) => v.Gender.HasData ? value : StatisticsFormat.Missing;
        object? Part(int value) => v.DayParts.HasData ? value : StatisticsFormat.Missing;
        return new ExportTable("Besökare", ["Uppgift", "Antal"],
        [
            Row("Besökare totalt", v.HasData ? v.Total : StatisticsFormat.Missing),
            Row("Kvinnor (uppskattat)", Gender(v.Gender.Women)),
            Row("Män (uppskattat)", Gender(v.Gender.Men)),
            Row("Annat (uppskattat)", Gender(v.Gender.Other)),
            Row("Okänt (uppskattat)", Gender(v.Gender.Unknown)),
            Row("Dag", Part(v.DayParts.Day)),
            Row("Kväll", Part(v.DayParts.Evening)),
            Row("Helg", Part(v.DayParts.Weekend)),
            Row("Källa för dag/kväll/helg", v.DayParts.Note),
        ]);
    }

    private static ExportTable Referrals(StatisticsReport report)
    {
        var rows = report.Referrals.Select(r => Row(r.Name, r.Count, r.SharePercent)).ToList();
        rows.Add(Row("Totalt", report.ReferralsTotal, report.ReferralsTotal == 0 ? 0m : 100m));
        return new ExportTable("Länkningar", ["Länkad till", "Antal", "Andel (%)"], rows);
    }

    private static ExportTable Queue(StatisticsReport report)
    {
        var q = report.Queue;
        return new ExportTable("Kö", ["Uppgift", "Värde"],
        [
            Row("Nummerlappar", q.Taken),
            Row("Betjänade", q.Served),
            Row("Uteblev", q.NoShows),
            Row("Ej betjänade", q.NotServed),
            Row("Avbrutna av besökaren (mobilen)", q.VisitorCancelled),
            Row("Snittväntan (min)", Rounded(q.AverageWaitMinutes)),
            Row("Längsta väntan (min)", Rounded(q.LongestWaitMinutes)),
        ]);
    }

    private static ExportTable Surveys(StatisticsReport report)
    {
        var rows = new List<IReadOnlyList<object?>>();
        foreach (var survey in report.Surveys)
        {
            foreach (var question in survey.Results.Questions)
            {
                rows.Add(Row(survey.Title, question.Order, question.Text, question.Count, question.Mean,
                    question.Distribution[0], question.Distribution[1], question.Distribution[2], question.Distribution[3], question.Distribution[4]));
            }

            rows.Add(Row(survey.Title, null, "Samtliga frågor", survey.Results.ResponseCount, survey.Results.OverallMean, null, null, null, null, null));
        }

        return new ExportTable("Enkäter", ["Enkät", "Fråga nr", "Fråga", "Antal svar", "Medel", "1", "2", "3", "4", "5"], rows);
    }

    private static ExportTable KeyFigures(StatisticsReport report)
    {
        var k = report.KeyFigures;
        return new ExportTable("Nyckeltal", ["Nyckeltal", "Värde"],
        [
            Row("Frågor per 100 besökare", k.QuestionsPer100Visitors),
            Row("Andel besökare som länkats vidare (%)", k.ReferredSharePercent),
            Row("Betjänade nummerlappar", k.TicketsServed),
            Row("Räknade frågor", k.QuestionsTallied),
            Row("Frågor per betjänad nummerlapp", k.QuestionsPerServedTicket),
        ]);
    }

    private static ExportTable Trends(StatisticsReport report)
    {
        var t = report.Trends;
        var headers = new List<string> { "Ärendeslag" };
        headers.AddRange(t.Years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        var earlier = t.Years.Take(t.Years.Count - 1).Reverse().ToList();
        foreach (var year in earlier)
        {
            headers.Add(string.Create(CultureInfo.InvariantCulture, $"Förändring mot {year}"));
            headers.Add(string.Create(CultureInfo.InvariantCulture, $"Förändring mot {year} (%)"));
        }

        var rows = t.Categories.Append(t.Questions).Append(t.Visitors).Select(r =>
        {
            var cells = new List<object?> { r.Name };
            cells.AddRange(r.Counts.Select(c => c is { } n ? (object?)n : StatisticsFormat.Missing));
            foreach (var change in r.Changes)
            {
                cells.Add(change.IsMissing ? "–" : change.Change);
                cells.Add(change.IsMissing ? "–" : change.ChangePercent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : null);
            }

            return (IReadOnlyList<object?>)cells;
        }).ToList();
        return new ExportTable("Trender", headers, rows);
    }

    private static decimal? Rounded(double? minutes) => minutes is { } m ? Math.Round((decimal)m, 1, MidpointRounding.AwayFromZero) : null;

    private static object?[] Row(params object?[] cells) => cells;
}
