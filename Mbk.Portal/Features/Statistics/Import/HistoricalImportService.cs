using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Import;

/// <summary>
/// What an import did: the question rows and visitor rows stored, the rows with 0 that were skipped, and the questions
/// and visitors they add up to, or the errors by row (then nothing was stored).
/// </summary>
public sealed record HistoricalImportSummary(
    int TallyRows, int VisitorRows, int SkippedZeroRows, int Questions, int Visitors, IReadOnlyList<ImportRowError> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static HistoricalImportSummary Failed(IReadOnlyList<ImportRowError> errors) => new(0, 0, 0, 0, 0, errors);
}

/// <summary>
/// Imports historical statistics (questions per category and visitors, per month or year) from a CSV or Excel file into
/// the manager's office: all rows or none, in one transaction.
/// </summary>
public sealed partial class HistoricalImportService(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock, ILogger<HistoricalImportService> logger)
{
    public async Task<HistoricalImportSummary> ImportAsync(StaffContext actor, Stream file, string fileName, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, "Bara enhetschefen kan läsa in historisk statistik.");
        var content = await ImportFileReader.ReadAsync(file, fileName, cancellationToken);
        if (content.ReadFailure is not null)
        {
            LogUnreadableFile(logger, content.ReadFailure, fileName);
        }

        if (content.Errors.Count > 0)
        {
            return HistoricalImportSummary.Failed(content.Errors);
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var zone = office.TimeZone;
        var categories = await db.QuestionCategories.Where(c => c.OfficeId == officeId).ToListAsync(cancellationToken);
        // One category per name: an active one wins over a retired one of the same name.
        var byName = categories
            .OrderByDescending(c => c.IsActive).ThenBy(c => c.Id)
            .GroupBy(c => c.Name.Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var currentYear = ServiceDayCalculator.ServiceDay(now, zone).Year;
        var validation = HistoricalImportValidator.Validate(content.Rows, byName.Keys.ToList(), currentYear);
        if (!validation.IsValid)
        {
            return HistoricalImportSummary.Failed(validation.Errors);
        }

        var rows = validation.Rows;
        var errors = await FindClashesAsync(db, officeId, rows, byName, zone, cancellationToken);
        if (errors.Count > 0)
        {
            return HistoricalImportSummary.Failed(errors);
        }

        int tallyRows = 0, visitorRows = 0, skipped = 0, questions = 0, visitors = 0;
        foreach (var row in rows)
        {
            if (row.Count == 0)
            {
                skipped++;
                continue;
            }

            if (row.IsVisitors)
            {
                db.DoorCounterReadings.Add(DoorCounterReading.ImportVisitors(officeId, row.Year, row.Month, row.Count, zone, now));
                visitorRows++;
                visitors += row.Count;
            }
            else
            {
                db.QuestionTallies.Add(QuestionTally.Import(byName[row.CategoryName], row.Year, row.Month, row.Count, zone));
                tallyRows++;
                questions += row.Count;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new HistoricalImportSummary(tallyRows, visitorRows, skipped, questions, visitors, []);
    }

    /// <summary>
    /// Rows that would count twice: a category's month or year already imported (or its year total when importing a
    /// month), or visitors for a period that overlaps readings already stored.
    /// </summary>
    private static async Task<List<ImportRowError>> FindClashesAsync(
        PortalDbContext db, int officeId, IReadOnlyList<HistoricalImportRow> rows, Dictionary<string, QuestionCategory> byName,
        TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var errors = new List<ImportRowError>();
        var stored = rows.Where(r => r.Count > 0).ToList();
        if (stored.Count == 0)
        {
            return errors;
        }

        var firstYear = stored.Min(r => r.Year);
        var lastYear = stored.Max(r => r.Year);
        var from = YearStart(firstYear, zone);
        var to = YearStart(lastYear + 1, zone);
        var imported = await db.QuestionTallies.AsNoTracking()
            .Where(t => t.OfficeId == officeId && t.Source == TallySource.Import && t.RecordedAt >= from && t.RecordedAt < to)
            .Select(t => new { t.QuestionCategoryId, t.RecordedAt, t.Granularity })
            .ToListAsync(cancellationToken);

        foreach (var row in stored)
        {
            var (start, end) = PeriodBounds(row.Year, row.Month, zone);
            if (row.IsVisitors)
            {
                if (await DoorCounterStore.OverlapsAsync(db, officeId, start, end, cancellationToken))
                {
                    errors.Add(new ImportRowError(row.RowNumber, $"Det finns redan besökssiffror för {Period(row.Year, row.Month)}."));
                }

                continue;
            }

            var categoryId = byName[row.CategoryName].Id;
            var yearStart = YearStart(row.Year, zone);
            if (imported.Any(t => t.QuestionCategoryId == categoryId
                                  && ((t.RecordedAt >= start && t.RecordedAt < end) || (t.Granularity == TallyGranularity.Year && t.RecordedAt == yearStart))))
            {
                errors.Add(new ImportRowError(row.RowNumber, $"\"{row.CategoryName}\" för {Period(row.Year, row.Month)} är redan inläst."));
            }
        }

        return errors;
    }

    private static DateTimeOffset YearStart(int year, TimeZoneInfo zone) => ServiceDayCalculator.ToInstant(new DateOnly(year, 1, 1), TimeOnly.MinValue, zone);

    private static (DateTimeOffset Start, DateTimeOffset End) PeriodBounds(int year, int? month, TimeZoneInfo zone)
    {
        var first = new DateOnly(year, month ?? 1, 1);
        var next = month is null ? first.AddYears(1) : first.AddMonths(1);
        return (ServiceDayCalculator.ToInstant(first, TimeOnly.MinValue, zone), ServiceDayCalculator.ToInstant(next, TimeOnly.MinValue, zone));
    }

    private static string Period(int year, int? month) => month is { } m
        ? string.Create(CultureInfo.InvariantCulture, $"{year}-{m:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{year} (helår)");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Historical import: {FileName} could not be read")]
    private static partial void LogUnreadableFile(ILogger logger, Exception exception, string fileName);
}
