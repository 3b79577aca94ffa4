using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class SurveyTests
{
    private static readonly DateOnly From = new(2026, 10, 1);
    private static readonly DateOnly To = new(2026, 10, 31);

    internal static Survey ThreeQuestions(int id = 5) => WithId(
        Survey.Create(OfficeId, "Brukarenkät hösten 2026", From, To, ["Hur nöjd är du med bemötandet?", "Fick du svar på din fråga?", "Hur lång var väntetiden?"]),
        id);

    [Fact]
    public void ShouldNumberQuestionsFromOneWhenCreated()
    {
        var survey = ThreeQuestions();

        survey.Title.ShouldBe("Brukarenkät hösten 2026");
        (survey.From, survey.To).ShouldBe((From, To));
        survey.Questions.Select(q => q.Order).ShouldBe([1, 2, 3]);
        survey.Questions[1].Text.ShouldBe("Fick du svar på din fråga?");
    }

    [Fact]
    public void ShouldRefuseWhenTitleIsTooLong()
    {
        Should.Throw<DomainException>(() => Survey.Create(OfficeId, new string('x', 201), From, To, ["Fråga"]))
            .Message.ShouldBe("Enkätens rubrik får vara högst 200 tecken (nu 201).");
    }

    [Fact]
    public void ShouldRefuseWhenEndIsBeforeStart()
    {
        Should.Throw<DomainException>(() => Survey.Create(OfficeId, "Enkät", To, From, ["Fråga"]))
            .Message.ShouldBe("Enkätens slutdag kan inte vara före startdagen.");
    }

    [Fact]
    public void ShouldRefuseWhenThereAreNoQuestions()
    {
        Should.Throw<DomainException>(() => Survey.Create(OfficeId, "Enkät", From, To, [])).Message.ShouldBe("En enkät måste ha minst en fråga.");
    }

    [Fact]
    public void ShouldRefuseWhenQuestionIsTooLongOrEmpty()
    {
        Should.Throw<DomainException>(() => Survey.Create(OfficeId, "Enkät", From, To, ["Bra?", new string('x', 301)]))
            .Message.ShouldBe("Fråga 2 får vara högst 300 tecken (nu 301).");
        Should.Throw<DomainException>(() => Survey.Create(OfficeId, "Enkät", From, To, [" "])).Message.ShouldBe("Fråga 1 måste fyllas i.");
    }

    [Fact]
    public void ShouldRefuseNewQuestionsWhenResponsesExist()
    {
        var survey = ThreeQuestions();

        Should.Throw<DomainException>(() => survey.SetQuestions(["Ny fråga"], existingResponses: 1))
            .Message.ShouldBe("Frågorna kan inte ändras när enkäten redan har svar.");
        survey.Questions.Count.ShouldBe(3);
    }

    [Fact]
    public void ShouldReplaceQuestionsWhenNoResponsesExist()
    {
        var survey = ThreeQuestions();

        survey.SetQuestions(["Ny fråga"], existingResponses: 0);

        survey.Questions.Single().Text.ShouldBe("Ny fråga");
    }
}

public class SurveyResponseTests
{
    [Fact]
    public void ShouldKeepScoresByQuestionOrderWhenCreated()
    {
        var response = SurveyResponse.Create(SurveyTests.ThreeQuestions(), [5, null, 3]);

        response.SurveyId.ShouldBe(5);
        response.Answers.Select(a => (a.QuestionOrder, a.Score)).ShouldBe([(1, (int?)5), (2, null), (3, 3)]);
    }

    [Fact]
    public void ShouldRefuseWhenAnswerCountDiffersFromQuestions()
    {
        Should.Throw<DomainException>(() => SurveyResponse.Create(SurveyTests.ThreeQuestions(), [5, 4]))
            .Message.ShouldBe("Enkäten har 3 frågor men svaret har 2 svar.");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(0)]
    [InlineData(-1)]
    public void ShouldRefuseWhenScoreIsOutsideOneToFive(int score)
    {
        Should.Throw<DomainException>(() => SurveyResponse.Create(SurveyTests.ThreeQuestions(), [5, score, 4]))
            .Message.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Svaret på fråga 2 måste vara 1–5 (var {score})."));
    }

    [Fact]
    public void ShouldRefuseWhenNoQuestionIsAnswered()
    {
        Should.Throw<DomainException>(() => SurveyResponse.Create(SurveyTests.ThreeQuestions(), [null, null, null]))
            .Message.ShouldBe("Svaret är tomt: minst en fråga måste vara besvarad.");
    }
}

public class SurveyResultsTests
{
    [Fact]
    public void ShouldCountAverageAndDistributeWhenComputed()
    {
        var survey = SurveyTests.ThreeQuestions();
        var responses = new[]
        {
            SurveyResponse.Create(survey, [5, 4, null]),
            SurveyResponse.Create(survey, [5, null, null]),
            SurveyResponse.Create(survey, [4, 2, 1]),
        };

        var results = SurveyResults.Compute(survey, responses);

        results.ResponseCount.ShouldBe(3);
        var first = results.Questions[0];
        first.Order.ShouldBe(1);
        first.Text.ShouldBe("Hur nöjd är du med bemötandet?");
        first.Count.ShouldBe(3);
        first.Mean.ShouldBe(4.67m);
        first.Distribution.ShouldBe([0, 0, 0, 1, 2]);
        results.Questions[1].Count.ShouldBe(2);
        results.Questions[1].Mean.ShouldBe(3m);
        results.Questions[1].Distribution.ShouldBe([0, 1, 0, 1, 0]);
        results.Questions[2].Mean.ShouldBe(1m);
        results.OverallMean.ShouldBe(3.5m); // (5+4+5+4+2+1) / 6
    }

    [Fact]
    public void ShouldGiveRinkebyMeanWhenSeventeenFivesAndThreeFours()
    {
        var survey = WithId(Survey.Create(OfficeId, "Brukarenkät 2006", new DateOnly(2006, 3, 1), new DateOnly(2006, 3, 31), ["Hur nöjd är du?"]), 9);
        var responses = Enumerable.Repeat(5, 17).Concat(Enumerable.Repeat(4, 3)).Select(s => SurveyResponse.Create(survey, [s]));

        var result = SurveyResults.Compute(survey, responses);

        result.Questions[0].Mean.ShouldBe(4.85m);
        result.Questions[0].Distribution.ShouldBe([0, 0, 0, 3, 17]);
        result.OverallMean.ShouldBe(4.85m);
    }

    [Fact]
    public void ShouldRoundMeanHalfAwayFromZeroWhenComputed()
    {
        var survey = WithId(Survey.Create(OfficeId, "Kursutvärdering", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), ["Betyg?"]), 9);
        var scores = new[] { 5, 5, 5, 5, 5, 5, 5, 4 }; // 39 / 8 = 4.875

        SurveyResults.Compute(survey, scores.Select(s => SurveyResponse.Create(survey, [s]))).Questions[0].Mean.ShouldBe(4.88m);
    }

    [Fact]
    public void ShouldGiveNoMeanWhenNobodyAnswered()
    {
        var results = SurveyResults.Compute(SurveyTests.ThreeQuestions(), []);

        results.ResponseCount.ShouldBe(0);
        results.Questions.ShouldAllBe(q => q.Count == 0 && q.Mean == null);
        results.OverallMean.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseWhenResponseBelongsToAnotherSurvey()
    {
        var other = SurveyResponse.Create(SurveyTests.ThreeQuestions(id: 6), [1, 2, 3]);

        Should.Throw<ArgumentException>(() => SurveyResults.Compute(SurveyTests.ThreeQuestions(id: 5), [other]));
    }
}
