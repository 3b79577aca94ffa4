using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Surveys;

public sealed record SurveyListItem(int Id, string Title, DateOnly From, DateOnly To, int QuestionCount, int ResponseCount);

public sealed record SurveyQuestionView(int Order, string Text);

public sealed record SurveyDetails(int Id, string Title, DateOnly From, DateOnly To, IReadOnlyList<SurveyQuestionView> Questions, SurveyResults Results);

/// <summary>An office's surveys and their results (<see cref="SurveyResults.Compute"/>).</summary>
public sealed class SurveyQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The office's surveys, newest first.</summary>
    public async Task<IReadOnlyList<SurveyListItem>> ListAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.OfficeId == officeId).ToListAsync(cancellationToken);
        var ids = surveys.Select(s => s.Id).ToList();
        var responses = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId))
            .GroupBy(r => r.SurveyId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return surveys
            .OrderByDescending(s => s.From).ThenByDescending(s => s.Id)
            .Select(s => new SurveyListItem(s.Id, s.Title, s.From, s.To, s.Questions.Count, responses.GetValueOrDefault(s.Id)))
            .ToList();
    }

    /// <summary>One survey of the office with its results; null when it is not the office's.</summary>
    public async Task<SurveyDetails?> GetAsync(int officeId, int surveyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var survey = await db.Surveys.AsNoTracking().SingleOrDefaultAsync(s => s.Id == surveyId && s.OfficeId == officeId, cancellationToken);
        if (survey is null)
        {
            return null;
        }

        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == surveyId).ToListAsync(cancellationToken);
        return new SurveyDetails(
            survey.Id,
            survey.Title,
            survey.From,
            survey.To,
            survey.Questions.Select(q => new SurveyQuestionView(q.Order, q.Text)).ToList(),
            SurveyResults.Compute(survey, responses));
    }
}
