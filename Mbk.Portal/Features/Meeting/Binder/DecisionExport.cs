using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Mbk.Portal.Features.Meeting.Binder;

/// <summary>The binder as files (pure: decisions in, bytes out): one Excel sheet "Beslut", or CSV (semicolons, UTF-8 with BOM).</summary>
public static class DecisionExport
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Headers =
        ["Datum", "Möte", "Punkt", "Beslut", "Kategori", "Status", "Ansvarig", "Uppföljning", "Registrerat av", "Ersatt av", "Ersätter", "Rättat", "Nr"];

    private static readonly CsvWriterOptions CsvOptions = new() { Separator = ';', WriteByteOrderMark = true };

    public static IReadOnlyList<string[]> Rows(IReadOnlyList<DecisionView> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return decisions.Select(d => new[]
        {
            Date(d.MeetingDate),
            "Morgonmöte " + Date(d.MeetingDate),
            d.ItemTitle,
            d.Text,
            d.CategoryName,
            d.StatusName,
            d.ResponsibleName ?? string.Empty,
            d.ReviewDate is { } review ? Date(review) : string.Empty,
            d.RecordedByName,
            d.SupersededBy is { } by ? Link(by) : d.SupersededById is { } byId ? "Nr " + byId.ToString(CultureInfo.InvariantCulture) : string.Empty,
            d.Supersedes is { } old ? Link(old) : d.SupersedesId is { } oldId ? "Nr " + oldId.ToString(CultureInfo.InvariantCulture) : string.Empty,
            d.Version > 1 ? $"{d.Version - 1} gång(er), senast av {d.CorrectedByName}" : string.Empty,
            d.Id.ToString(CultureInfo.InvariantCulture),
        }).ToList();
    }

    public static byte[] ToExcel(IReadOnlyList<DecisionView> decisions, string title)
    {
        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add("Beslut");
        sheet.Cell(1, 1).SetValue(title);
        sheet.Cell(1, 1).Style.Font.Bold = true;
        for (var c = 0; c < Headers.Count; c++)
        {
            sheet.Cell(3, c + 1).SetValue(Headers[c]);
            sheet.Cell(3, c + 1).Style.Font.Bold = true;
        }

        var rows = Rows(decisions);
        for (var r = 0; r < rows.Count; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Cell(r + 4, c + 1).SetValue(rows[r][c]);
            }
        }

        // Fixed widths: measuring text (AdjustToContents) needs libgdiplus, which servers lack.
        for (var c = 1; c <= Headers.Count; c++)
        {
            sheet.Column(c).Width = c == 4 ? 60 : 16;
        }

        sheet.Column(4).Style.Alignment.WrapText = true;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] ToCsv(IReadOnlyList<DecisionView> decisions)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true))
        {
            csv.WriteRecord(Headers.ToArray());
            foreach (var row in Rows(decisions))
            {
                csv.WriteRecord(row);
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    /// <summary>"Nr 12, 2026-11-24 (ersatt)": the linked decision's number (column Nr), meeting day and status.</summary>
    private static string Link(DecisionLinkView link) =>
        $"Nr {link.Id.ToString(CultureInfo.InvariantCulture)}, {Date(link.MeetingDate)} ({link.StatusName})";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
