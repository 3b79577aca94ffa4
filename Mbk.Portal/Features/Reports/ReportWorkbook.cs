using System.Globalization;
using ClosedXML.Excel;
using Mbk.Domain.Reports;
using Mbk.Portal.Features.Statistics.Report;

namespace Mbk.Portal.Features.Reports;

/// <summary>
/// The report's full figures as an Excel workbook (the e-mail's attachment): a summary sheet with the comments and
/// biggest changes, then the statistics export's sheets (Frågor, Besökare, Länkningar, Kö, Enkäter, Nyckeltal,
/// Trender) and Synpunkter. Numbers are numbers, so they can be summed in Excel.
/// </summary>
public static class ReportWorkbook
{
    public const string SummarySheet = "Sammanfattning";
    public const string ChangesSheet = "Största förändringar";
    public const string FeedbackSheet = "Synpunkter";

    public static string FileName(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var office = new string(content.OfficeName.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        var period = content.Period.Kind == Domain.Statistics.PeriodKind.Tertial
            ? string.Create(CultureInfo.InvariantCulture, $"t{Domain.Statistics.Tertial.TertialOf(content.Period.From)}-{content.Period.From.Year}")
            : $"{StatisticsFormat.Date(content.Period.From)}-{StatisticsFormat.Date(content.Period.To)}";
        return $"tertialrapport-{office}-{period}.xlsx";
    }

    /// <summary>Every table of the workbook, in sheet order.</summary>
    public static IReadOnlyList<ExportTable> Tables(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tables = new List<ExportTable> { Summary(content), Changes(content) };
        tables.AddRange(StatisticsExport.Tables(content.Statistics));
        tables.Add(Feedback(content));
        return tables;
    }

    public static byte[] ToExcel(ReportContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return StatisticsExport.ToExcel(
            $"{content.OfficeName}: {content.Period.Label}",
            Tables(content),
            (table, column) => column == 2 && table.Name == SummarySheet ? 90 : 18,
            firstColumnWidth: 42);
    }

    private static ExportTable Summary(ReportContent content)
    {
        var s = content.Statistics;
        var rows = new List<IReadOnlyList<object?>>
        {
            Row("Kontor", content.OfficeName),
            Row("Period", content.Period.Label),
            Row("Besökare", s.Visitors.HasData ? s.Visitors.Total : StatisticsFormat.Missing),
            Row("Frågor", s.HasQuestions ? s.QuestionsTotal : StatisticsFormat.Missing),
            Row("Länkningar", s.ReferralsTotal),
            Row("Betjänade nummerlappar", s.Queue.Served),
        };
        foreach (var section in ReportSectionNames.All)
        {
            if (content.Comment(section) is { } comment)
            {
                rows.Add(Row("Kommentar: " + section.Heading(), comment));
            }
        }

        return new ExportTable(SummarySheet, ["Uppgift", "Värde"], rows);
    }

    private static ExportTable Changes(ReportContent content)
    {
        var lastYear = content.Years.Count >= 2 ? content.Years[^2].ToString(CultureInfo.InvariantCulture) : "förra året";
        var current = content.Years[^1].ToString(CultureInfo.InvariantCulture);
        var rows = content.BiggestChanges
            .Select(c => Row(c.Name, c.Trend.Previous, c.Trend.Current, c.Trend.Change,
                c.Trend.ChangePercent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : null))
            .ToList();
        return new ExportTable(ChangesSheet, ["Ärendeslag", lastYear, current, "Förändring", "Förändring (%)"], rows);
    }

    private static ExportTable Feedback(ReportContent content)
    {
        if (content.Feedback is not { } feedback)
        {
            return new ExportTable(FeedbackSheet, ["Slag", "Antal"], [Row(ReportContent.FeedbackNotRecordedText, null)]);
        }

        var rows = feedback.ByKind.Select(k => Row(k.Kind, k.Count)).ToList();
        rows.Add(Row("Totalt", feedback.Total));
        rows.Add(Row("Besvarade inom tidsgränsen (%)", feedback.AnsweredInTimePercent));
        return new ExportTable(FeedbackSheet, ["Slag", "Antal"], rows);
    }

    private static object?[] Row(params object?[] cells) => cells;
}
