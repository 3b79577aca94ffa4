using System.Globalization;
using CsvHelper;
using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Surveys;

/// <summary>The outcome of a CSV import: how many responses were saved, or every row's errors and nothing saved.</summary>
public sealed record SurveyImportResult(int Imported, IReadOnlyList<ImportRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>A manager's brukarenkäter: create, enter responses one by one, or import them from a CSV file.</summary>
public sealed class SurveyCommands(IDbContextFactory<PortalDbContext> dbFactory)
{
    private const string ManagerRefusal = "Bara enhetschefen kan lägga upp enkäter och föra in svar.";

    /// <summary>The largest CSV file accepted (1 MB holds tens of thousands of responses).</summary>
    public const long MaxImportBytes = 1024 * 1024;

    public async Task<int> CreateAsync(StaffContext actor, string title, DateOnly from, DateOnly to, IEnumerable<string> questions, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        var survey = Survey.Create(officeId, title, from, to, questions);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(cancellationToken);
        return survey.Id;
    }

    /// <summary>One filled-in form: a score 1–5 or null (unanswered) per question, in order.</summary>
    public async Task AddResponseAsync(StaffContext actor, int surveyId, IReadOnlyList<int?> scores, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var survey = await FindAsync(db, officeId, surveyId, cancellationToken);
        db.SurveyResponses.Add(SurveyResponse.Create(survey, scores));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Reads one response per row, one column per question in order (separator detected: semicolon or comma; an
    /// optional header row of question texts). Blank cells are unanswered. All rows must be valid, else nothing is
    /// saved and every error is listed by its row in the file.
    /// </summary>
    public async Task<SurveyImportResult> ImportResponsesAsync(StaffContext actor, int surveyId, Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var officeId = StaffAccess.RequireManager(actor, ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var survey = await FindAsync(db, officeId, surveyId, cancellationToken);

        var rows = await ReadRowsAsync(csv, cancellationToken);
        var errors = new List<ImportRowError>();
        var responses = new List<SurveyResponse>();
        var first = true;
        foreach (var (rowNumber, cells) in rows)
        {
            var isHeader = first && cells.Any(c => !string.IsNullOrWhiteSpace(c) && !int.TryParse(c.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _));
            first = false;
            if (isHeader || cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var rowErrors = new List<string>();
            var nonEmptyCount = cells.Count;
            while (nonEmptyCount > 0 && string.IsNullOrWhiteSpace(cells[nonEmptyCount - 1]))
            {
                nonEmptyCount--;
            }

            if (nonEmptyCount > survey.Questions.Count)
            {
                rowErrors.Add(string.Create(CultureInfo.InvariantCulture, $"Raden har {nonEmptyCount} kolumner men enkäten har {survey.Questions.Count} frågor."));
            }

            var scores = new int?[survey.Questions.Count];
            for (var i = 0; i < scores.Length && i < cells.Count; i++)
            {
                var text = cells[i].Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score) && score is >= SurveyResponse.MinScore and <= SurveyResponse.MaxScore)
                {
                    scores[i] = score;
                }
                else
                {
                    rowErrors.Add(string.Create(CultureInfo.InvariantCulture, $"Fråga {i + 1}: \"{text}\" är inte ett betyg 1–5."));
                }
            }

            if (rowErrors.Count == 0)
            {
                try
                {
                    responses.Add(SurveyResponse.Create(survey, scores));
                }
                catch (DomainException ex)
                {
                    rowErrors.Add(ex.Message);
                }
            }

            errors.AddRange(rowErrors.Select(m => new ImportRowError(rowNumber, m)));
        }

        if (errors.Count == 0 && responses.Count == 0)
        {
            errors.Add(new ImportRowError(0, "Filen innehåller inga svar att läsa in."));
        }

        if (errors.Count > 0)
        {
            return new SurveyImportResult(0, errors);
        }

        db.SurveyResponses.AddRange(responses);
        await db.SaveChangesAsync(cancellationToken);
        return new SurveyImportResult(responses.Count, []);
    }

    private static async Task<List<(int RowNumber, List<string> Cells)>> ReadRowsAsync(Stream csv, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxImportBytes)
        {
            throw new DomainException("Filen är för stor (högst 1 MB).");
        }

        var rows = new List<(int, List<string>)>();
        try
        {
            using var reader = CsvReader.Create(buffer.ToArray(), new CsvReaderOptions { HasHeader = false, TrackLineNumbers = true });
            while (reader.Read())
            {
                var cells = new List<string>(reader.FieldCount);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells.Add(reader.GetString(i));
                }

                rows.Add(((int)reader.LineNumber, cells));
            }
        }
        catch (CsvFormatException ex)
        {
            throw new DomainException("Filen kunde inte läsas som CSV: " + ex.Message);
        }

        return rows;
    }

    private static async Task<Survey> FindAsync(PortalDbContext db, int officeId, int surveyId, CancellationToken cancellationToken) =>
        await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId && s.OfficeId == officeId, cancellationToken)
            ?? throw new DomainException("Enkäten finns inte på ditt kontor.");
}
