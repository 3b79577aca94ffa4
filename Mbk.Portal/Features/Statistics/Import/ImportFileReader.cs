using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;
using Mbk.Domain.Statistics;

namespace Mbk.Portal.Features.Statistics.Import;

/// <summary>The rows of a file, or why it could not be read at all (row 0 = the file, row 1 = the header).</summary>
/// <summary>The rows read, or why the file could not be read (<see cref="ReadFailure"/> keeps the cause for the log).</summary>
public sealed record ImportFileContent(IReadOnlyList<RawImportRow> Rows, IReadOnlyList<ImportRowError> Errors, Exception? ReadFailure = null);

/// <summary>
/// Reads a historical statistics file into <see cref="RawImportRow"/>s: CSV (semicolon or comma, UTF-8 or Latin-1) or
/// Excel .xlsx (the first worksheet). The first non-empty row is the header, with the columns År, Månad, Ärendeslag and
/// Antal (or Year, Month, Category, Count) in any order; row numbers are the file's own (the header is row 1).
/// </summary>
public static class ImportFileReader
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("År", ["År", "Ar", "Year"]),
        ("Månad", ["Månad", "Manad", "Month"]),
        ("Ärendeslag", ["Ärendeslag", "Arendeslag", "Category"]),
        ("Antal", ["Antal", "Count"]),
    ];

    public static bool IsExcel(string fileName) => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    public static async Task<ImportFileContent> ReadAsync(Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fileName);
        if (!IsExcel(fileName) && !IsCsv(fileName))
        {
            return FileError("Filen måste vara en CSV-fil (.csv) eller en Excel-fil (.xlsx).");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxFileBytes)
            {
                return FileError("Filen är för stor (högst 5 MB).");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return IsExcel(fileName) ? ReadExcel(buffer) : ReadCsv(buffer.ToArray());
    }

    private static ImportFileContent ReadCsv(byte[] bytes)
    {
        var text = Decode(bytes);
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',';
        var options = CsvReaderOptions.Default with
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };

        var records = new List<(int Row, string[] Fields)>();
        try
        {
            using var reader = CsvReader.Create(new StringReader(text), options, false);
            while (reader.Read())
            {
                var fields = new string[reader.FieldCount];
                for (var i = 0; i < fields.Length; i++)
                {
                    fields[i] = reader.GetString(i);
                }

                records.Add(((int)reader.LineNumber, fields));
            }
        }
        catch (CsvFormatException)
        {
            return FileError("CSV-filen kunde inte läsas. Kontrollera att den är sparad som CSV med semikolon eller komma mellan kolumnerna.");
        }

        return ToRows(records);
    }

    private static string Decode(byte[] bytes)
    {
        try
        {
            // Excel saves "CSV UTF-8" with a byte-order mark; plain "CSV" from a Swedish Excel is Windows-1252/Latin-1.
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static ImportFileContent ReadExcel(Stream stream)
    {
        var records = new List<(int Row, string[] Fields)>();
        try
        {
            // Anything the Open XML SDK and ClosedXML throw for a file that is not a valid workbook means the same to the user.
            using var workbook = new XLWorkbook(stream);
            var sheet = workbook.Worksheets.FirstOrDefault();
            if (sheet is null)
            {
                return FileError("Excel-filen har inget kalkylblad.");
            }

            var lastColumn = sheet.LastColumnUsed()?.ColumnNumber() ?? 0;
            foreach (var row in sheet.RowsUsed())
            {
                var fields = new string[lastColumn];
                for (var column = 1; column <= lastColumn; column++)
                {
                    fields[column - 1] = CellText(row.Cell(column));
                }

                records.Add((row.RowNumber(), fields));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            return FileError("Excel-filen kunde inte läsas. Spara den som en Excel-arbetsbok (.xlsx) och försök igen.") with { ReadFailure = ex };
        }

        return ToRows(records);
    }

    private static string CellText(IXLCell cell)
    {
        if (cell.IsEmpty())
        {
            return string.Empty;
        }

        return cell.DataType == XLDataType.Number
            ? cell.GetDouble().ToString("0.##########", CultureInfo.InvariantCulture)
            : cell.GetFormattedString();
    }

    private static ImportFileContent ToRows(List<(int Row, string[] Fields)> records)
    {
        var nonEmpty = records.Where(r => r.Fields.Any(f => !string.IsNullOrWhiteSpace(f))).ToList();
        if (nonEmpty.Count == 0)
        {
            return FileError("Filen är tom.");
        }

        var header = nonEmpty[0];
        var indexes = new int[Columns.Length];
        var missing = new List<string>();
        for (var i = 0; i < Columns.Length; i++)
        {
            indexes[i] = Array.FindIndex(header.Fields, f => Columns[i].Names.Any(n => string.Equals(f?.Trim(), n, StringComparison.OrdinalIgnoreCase)));
            if (indexes[i] < 0)
            {
                missing.Add(Columns[i].Column);
            }
        }

        if (missing.Count > 0)
        {
            return new ImportFileContent([], [new ImportRowError(header.Row, string.Create(CultureInfo.InvariantCulture,
                $"Rubrikraden saknar {string.Join(", ", missing)}. Första raden ska vara: År;Månad;Ärendeslag;Antal."))]);
        }

        var rows = nonEmpty.Skip(1)
            .Select(r => new RawImportRow(r.Row, Field(r.Fields, indexes[0]), Field(r.Fields, indexes[1]), Field(r.Fields, indexes[2]), Field(r.Fields, indexes[3])))
            .ToList();
        return new ImportFileContent(rows, []);
    }

    private static string? Field(string[] fields, int index) => index < fields.Length ? fields[index] : null;

    private static ImportFileContent FileError(string message) => new([], [new ImportRowError(0, message)]);
}
