using System.Globalization;

namespace Mbk.Domain.Statistics;

/// <summary>One row of a historical statistics file, as read from CSV or Excel (all texts, untrimmed, possibly empty).</summary>
public sealed record RawImportRow(int RowNumber, string? Year, string? Month, string? Category, string? Count);

/// <summary>
/// A valid historical figure: the questions of a category (or, when <see cref="IsVisitors"/>, the visitors) in a month,
/// or in the whole <see cref="Year"/> when <see cref="Month"/> is null. <see cref="CategoryName"/> is the office's own
/// spelling of the category, or <see cref="HistoricalImportValidator.VisitorsMarker"/>. A <see cref="Count"/> of 0 is
/// valid in the file but stores nothing (<see cref="QuestionTally.Import"/> needs at least 1): skip such rows.
/// </summary>
public sealed record HistoricalImportRow(int RowNumber, int Year, int? Month, string CategoryName, bool IsVisitors, int Count);

/// <summary>What is wrong with a row (Swedish, for the user). Row 0 is the file as a whole.</summary>
public sealed record ImportRowError(int RowNumber, string Message)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Rad {RowNumber}: {Message}");
}

/// <summary>The rows that passed and every error, in row order. Import only when <see cref="IsValid"/> (all or nothing).</summary>
public sealed record HistoricalImportResult(IReadOnlyList<HistoricalImportRow> Rows, IReadOnlyList<ImportRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks a historical statistics file: year 1990 up to the current year, month 1–12 or empty (a year total), a count
/// that is a whole number 0 or more (spaces as thousands separators allowed: "5 654"), a category the office has
/// (case and surrounding spaces ignored) or the visitors marker "Besökare", no (year, month, category) twice, and never
/// both a year total and monthly figures for the same category and year. Completely empty rows are skipped.
/// </summary>
public static class HistoricalImportValidator
{
    /// <summary>The category text that marks a row of visitors instead of questions (it wins over a category of that name).</summary>
    public const string VisitorsMarker = "Besökare";

    public static HistoricalImportResult Validate(IReadOnlyList<RawImportRow> rows, IReadOnlyCollection<string> knownCategoryNames, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(knownCategoryNames);
        var known = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in knownCategoryNames)
        {
            known.TryAdd(name.Trim(), name.Trim());
        }

        var errors = new List<ImportRowError>();
        var parsed = new List<HistoricalImportRow>();
        var seen = new Dictionary<(int Year, int? Month, string Category), int>();
        var yearTotals = new Dictionary<(int Year, string Category), int>();
        var monthly = new Dictionary<(int Year, string Category), int>();

        foreach (var raw in rows.Where(r => !IsBlank(r)))
        {
            var rowErrors = new List<string>();
            var year = ParseYear(raw.Year, currentYear, rowErrors);
            var month = ParseMonth(raw.Month, rowErrors);
            var category = ParseCategory(raw.Category, known, rowErrors);
            var count = ParseCount(raw.Count, rowErrors);
            if (rowErrors.Count > 0 || year is not { } y || category is not { } c || count is not { } n)
            {
                errors.AddRange(rowErrors.Select(m => new ImportRowError(raw.RowNumber, m)));
                continue;
            }

            var label = Describe(c.Name, c.IsVisitors);
            if (seen.TryGetValue((y, month, c.Name), out var earlier))
            {
                errors.Add(new ImportRowError(raw.RowNumber, string.Create(
                    CultureInfo.InvariantCulture, $"{label} {Period(y, month)} finns redan på rad {earlier}.")));
                continue;
            }

            var (own, other) = month is null ? (yearTotals, monthly) : (monthly, yearTotals);
            if (other.TryGetValue((y, c.Name), out var conflicting))
            {
                var message = month is null
                    ? string.Create(CultureInfo.InvariantCulture, $"{label} {y} har redan månadssiffror (rad {conflicting}); ange antingen helår eller månader.")
                    : string.Create(CultureInfo.InvariantCulture, $"{label} {y} har redan en helårssiffra (rad {conflicting}); ange antingen helår eller månader.");
                errors.Add(new ImportRowError(raw.RowNumber, message));
                continue;
            }

            seen[(y, month, c.Name)] = raw.RowNumber;
            own.TryAdd((y, c.Name), raw.RowNumber);
            parsed.Add(new HistoricalImportRow(raw.RowNumber, y, month, c.Name, c.IsVisitors, n));
        }

        if (errors.Count == 0 && parsed.Count == 0)
        {
            errors.Add(new ImportRowError(0, "Filen innehåller inga rader att läsa in."));
        }

        return new HistoricalImportResult(parsed, errors);
    }

    private static bool IsBlank(RawImportRow row) =>
        string.IsNullOrWhiteSpace(row.Year) && string.IsNullOrWhiteSpace(row.Month)
        && string.IsNullOrWhiteSpace(row.Category) && string.IsNullOrWhiteSpace(row.Count);

    private static int? ParseYear(string? text, int currentYear, List<string> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("Året saknas.");
            return null;
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            errors.Add($"Året måste vara ett årtal, t.ex. 2006 (var \"{trimmed}\").");
            return null;
        }

        if (year < QuestionTally.EarliestImportYear || year > currentYear)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Året måste vara {QuestionTally.EarliestImportYear}–{currentYear} (var {year})."));
            return null;
        }

        return year;
    }

    private static int? ParseMonth(string? text, List<string> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
        {
            errors.Add($"Månaden måste vara 1–12, eller tom för helår (var \"{trimmed}\").");
            return null;
        }

        return month;
    }

    private static (string Name, bool IsVisitors)? ParseCategory(string? text, Dictionary<string, string> known, List<string> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("Ärendeslaget saknas.");
            return null;
        }

        if (string.Equals(trimmed, VisitorsMarker, StringComparison.OrdinalIgnoreCase))
        {
            return (VisitorsMarker, true);
        }

        if (known.TryGetValue(trimmed, out var name))
        {
            return (name, false);
        }

        errors.Add($"Ärendeslaget \"{trimmed}\" finns inte för kontoret (eller skriv \"{VisitorsMarker}\" för besökare).");
        return null;
    }

    private static int? ParseCount(string? text, List<string> errors)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            errors.Add("Antalet saknas.");
            return null;
        }

        var digits = trimmed.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Replace("\u00A0", string.Empty, StringComparison.Ordinal)
            .Replace("\u202F", string.Empty, StringComparison.Ordinal);
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            errors.Add($"Antalet måste vara ett heltal, 0 eller mer (var \"{trimmed}\").");
            return null;
        }

        return count;
    }

    private static string Describe(string name, bool isVisitors) => isVisitors ? VisitorsMarker : $"\"{name}\"";

    private static string Period(int year, int? month) => month is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{year}-{m:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{year} (helår)");
}
