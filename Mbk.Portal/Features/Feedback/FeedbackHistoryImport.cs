using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Feedback;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Feedback;

public sealed record FeedbackImportRow(int Year, int Month, FeedbackKind Kind, int Count);

public sealed record FeedbackImportResult(int Imported, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Historical import of feedback counts per kind per month for earlier years (CSV, header <c>År;Månad;Slag;Antal</c>,
/// semicolon or comma). All rows valid or nothing imported; a re-import of a month and kind replaces its count.
/// </summary>
public sealed class FeedbackHistoryImport(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const int MaxRows = 5000;

    /// <summary>Parses the file's text; row numbers in errors are the file's own (the header is row 1).</summary>
    public static (IReadOnlyList<FeedbackImportRow> Rows, IReadOnlyList<string> Errors) Parse(string text)
    {
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var rows = new List<FeedbackImportRow>();
        var errors = new List<string>();
        var headerSeen = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(line.Contains(';', StringComparison.Ordinal) ? ';' : ',').Select(c => c.Trim().Trim('"')).ToArray();
            if (!headerSeen)
            {
                headerSeen = true;
                if (cells.Length < 4 || !cells[0].Equals("År", StringComparison.OrdinalIgnoreCase) || !cells[2].Equals("Slag", StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"Rad {i + 1}: rubrikraden ska vara År;Månad;Slag;Antal.");
                    break;
                }

                continue;
            }

            if (cells.Length < 4)
            {
                errors.Add($"Rad {i + 1}: fyra kolumner behövs (År;Månad;Slag;Antal).");
                continue;
            }

            if (!int.TryParse(cells[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var year) || year is < 1990 or > 2100)
            {
                errors.Add($"Rad {i + 1}: året \"{cells[0]}\" är inte ett år.");
                continue;
            }

            if (!int.TryParse(cells[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            {
                errors.Add($"Rad {i + 1}: månaden \"{cells[1]}\" ska vara 1–12.");
                continue;
            }

            if (FeedbackNames.ParseKind(cells[2]) is not { } kind)
            {
                errors.Add($"Rad {i + 1}: slaget \"{cells[2]}\" finns inte (klagomål, beröm, förslag, medborgarförslag, servicekort, övrigt).");
                continue;
            }

            if (!int.TryParse(cells[3].Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u00A0", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                errors.Add($"Rad {i + 1}: antalet \"{cells[3]}\" ska vara ett heltal, 0 eller mer.");
                continue;
            }

            rows.Add(new FeedbackImportRow(year, month, kind, count));
        }

        if (!headerSeen)
        {
            errors.Add("Filen är tom.");
        }
        else if (rows.Count > MaxRows)
        {
            errors.Add($"Högst {MaxRows} rader kan läsas in på en gång.");
        }

        var duplicates = rows.GroupBy(r => (r.Year, r.Month, r.Kind)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        errors.AddRange(duplicates.Select(d => $"{d.Kind.DisplayName()} {d.Year}-{d.Month:00} finns på flera rader."));
        return (rows, errors);
    }

    /// <summary>A manager imports the file: all rows or nothing.</summary>
    public async Task<FeedbackImportResult> ImportAsync(StaffContext actor, string text, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, FeedbackAccess.ManagerRefusal);
        var (rows, errors) = Parse(text);
        if (errors.Count > 0)
        {
            return new FeedbackImportResult(0, errors);
        }

        if (rows.Count == 0)
        {
            throw new DomainException("Filen har inga rader att läsa in.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var existing = await db.FeedbackMonthlyCounts.Where(c => c.OfficeId == officeId && years.Contains(c.Year)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var current = existing.SingleOrDefault(c => c.Year == row.Year && c.Month == row.Month && c.Kind == row.Kind);
            if (current is null)
            {
                db.FeedbackMonthlyCounts.Add(FeedbackMonthlyCount.Create(officeId, row.Year, row.Month, row.Kind, row.Count));
            }
            else
            {
                current.Replace(row.Count);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FeedbackImportResult(rows.Count, []);
    }
}
