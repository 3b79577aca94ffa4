using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>
/// A brukarenkät (or course evaluation): questions answered on a 1–5 scale during <see cref="From"/>–<see cref="To"/>.
/// </summary>
public sealed class Survey : Entity
{
    public const int TitleMaxLength = 200;
    public const int QuestionMaxLength = 300;
    public const int MaxQuestions = 50;

    private readonly List<SurveyQuestion> _questions = [];

    private Survey()
    {
        Title = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The first day answers are collected, inclusive.</summary>
    public DateOnly From { get; private set; }

    /// <summary>The last day answers are collected, inclusive.</summary>
    public DateOnly To { get; private set; }

    /// <summary>The questions in order; <see cref="SurveyQuestion.Order"/> runs 1, 2, 3, …</summary>
    public IReadOnlyList<SurveyQuestion> Questions => _questions;

    public static Survey Create(int officeId, string title, DateOnly from, DateOnly to, IEnumerable<string> questions)
    {
        var survey = new Survey { OfficeId = officeId };
        survey.ChangeDetails(title, from, to);
        survey.SetQuestions(questions, existingResponses: 0);
        return survey;
    }

    public void ChangeDetails(string title, DateOnly from, DateOnly to)
    {
        var checkedTitle = Text.Required(title, "Enkätens rubrik", TitleMaxLength);
        if (to < from)
        {
            throw new DomainException("Enkätens slutdag kan inte vara före startdagen.");
        }

        Title = checkedTitle;
        From = from;
        To = to;
    }

    /// <summary>
    /// Replaces the questions (1–<see cref="MaxQuestions"/>, each at most <see cref="QuestionMaxLength"/> characters).
    /// Refused once responses exist (<paramref name="existingResponses"/> above 0): the answers refer to the questions by order.
    /// </summary>
    public void SetQuestions(IEnumerable<string> questions, int existingResponses)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (existingResponses > 0)
        {
            throw new DomainException("Frågorna kan inte ändras när enkäten redan har svar.");
        }

        var texts = questions.ToList();
        if (texts.Count == 0)
        {
            throw new DomainException("En enkät måste ha minst en fråga.");
        }

        if (texts.Count > MaxQuestions)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"En enkät får ha högst {MaxQuestions} frågor (nu {texts.Count})."));
        }

        var checkedQuestions = texts
            .Select((text, index) => new SurveyQuestion(index + 1, Text.Required(text, string.Create(CultureInfo.InvariantCulture, $"Fråga {index + 1}"), QuestionMaxLength)))
            .ToList();
        _questions.Clear();
        _questions.AddRange(checkedQuestions);
    }
}

/// <summary>One question of a survey, numbered from 1.</summary>
public sealed class SurveyQuestion
{
    private SurveyQuestion()
    {
        Text = string.Empty;
    }

    internal SurveyQuestion(int order, string text)
    {
        Order = order;
        Text = text;
    }

    public int Order { get; private set; }

    public string Text { get; private set; }
}

/// <summary>One filled-in survey: a score 1–5 per question, or null when the question was left unanswered. Anonymous.</summary>
public sealed class SurveyResponse : Entity
{
    public const int MinScore = 1;
    public const int MaxScore = 5;

    private readonly List<SurveyAnswer> _answers = [];

    private SurveyResponse()
    {
    }

    public int SurveyId { get; private set; }

    public IReadOnlyList<SurveyAnswer> Answers => _answers;

    /// <summary>
    /// A response with one score per question of <paramref name="survey"/>, in order; each 1–5 or null (unanswered),
    /// at least one answered.
    /// </summary>
    public static SurveyResponse Create(Survey survey, IReadOnlyList<int?> scores)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(scores);
        if (scores.Count != survey.Questions.Count)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Enkäten har {survey.Questions.Count} frågor men svaret har {scores.Count} svar."));
        }

        for (var i = 0; i < scores.Count; i++)
        {
            if (scores[i] is { } score && (score < MinScore || score > MaxScore))
            {
                throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Svaret på fråga {i + 1} måste vara 1–5 (var {score})."));
            }
        }

        if (scores.All(s => s is null))
        {
            throw new DomainException("Svaret är tomt: minst en fråga måste vara besvarad.");
        }

        var response = new SurveyResponse { SurveyId = survey.Id };
        response._answers.AddRange(scores.Select((score, index) => new SurveyAnswer(survey.Questions[index].Order, score)));
        return response;
    }
}

/// <summary>The answer to one question: 1–5, or null when unanswered.</summary>
public sealed class SurveyAnswer
{
    private SurveyAnswer()
    {
    }

    internal SurveyAnswer(int questionOrder, int? score)
    {
        QuestionOrder = questionOrder;
        Score = score;
    }

    public int QuestionOrder { get; private set; }

    public int? Score { get; private set; }
}

/// <summary>
/// One question's results: how many answered it, the mean (2 decimals, half away from zero; null when nobody answered)
/// and how many gave each score (<see cref="Distribution"/>[0] is score 1, [4] is score 5).
/// </summary>
public sealed record SurveyQuestionResult(int Order, string Text, int Count, decimal? Mean, IReadOnlyList<int> Distribution);

/// <summary>A survey's results per question, and over all answers (Rinkeby 2006: 4.85).</summary>
public sealed record SurveyResults(int ResponseCount, IReadOnlyList<SurveyQuestionResult> Questions, decimal? OverallMean)
{
    /// <summary>Counts, means and distributions of <paramref name="responses"/> to <paramref name="survey"/>; unanswered questions are left out of a question's count.</summary>
    public static SurveyResults Compute(Survey survey, IEnumerable<SurveyResponse> responses)
    {
        ArgumentNullException.ThrowIfNull(survey);
        ArgumentNullException.ThrowIfNull(responses);
        var distributions = survey.Questions.ToDictionary(q => q.Order, _ => new int[SurveyResponse.MaxScore]);
        var responseCount = 0;
        foreach (var response in responses)
        {
            if (response.SurveyId != survey.Id)
            {
                throw new ArgumentException("A response to another survey was given.", nameof(responses));
            }

            responseCount++;
            foreach (var answer in response.Answers)
            {
                if (answer.Score is { } score && distributions.TryGetValue(answer.QuestionOrder, out var distribution))
                {
                    distribution[score - 1]++;
                }
            }
        }

        var results = survey.Questions
            .Select(q =>
            {
                var distribution = distributions[q.Order];
                return new SurveyQuestionResult(q.Order, q.Text, distribution.Sum(), Mean(distribution), distribution);
            })
            .ToList();
        var overall = new int[SurveyResponse.MaxScore];
        foreach (var result in results)
        {
            for (var i = 0; i < overall.Length; i++)
            {
                overall[i] += result.Distribution[i];
            }
        }

        return new SurveyResults(responseCount, results, Mean(overall));
    }

    private static decimal? Mean(int[] distribution)
    {
        var count = distribution.Sum();
        if (count == 0)
        {
            return null;
        }

        var sum = 0m;
        for (var i = 0; i < distribution.Length; i++)
        {
            sum += (i + 1) * (decimal)distribution[i];
        }

        return Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);
    }
}
