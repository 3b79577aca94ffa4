using System.Text;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Surveys;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Statistics;

[Trait("Providers", "Both")]
public sealed class SurveyCommandsTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private StaffContext _manager = default!;
    private StaffContext _advisor = default!;
    private SurveyCommands _commands = default!;
    private SurveyQueries _queries = default!;
    private int _officeId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var office = await _database.AddOfficeAsync();
        _officeId = office.Id;
        _manager = TestDatabase.Staff(office, StaffRoles.Manager);
        _advisor = TestDatabase.Staff(office, StaffRoles.Advisor);
        _commands = new SurveyCommands(_database);
        _queries = new SurveyQueries(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<int> CreateSurveyAsync() =>
        _commands.CreateAsync(_manager, "Brukarenkät 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), ["Bemötande", "Väntetid", "Fick du hjälp?"]);

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task ShouldCreateSurveyAndComputeMeansFromResponses()
    {
        var id = await CreateSurveyAsync();
        await _commands.AddResponseAsync(_manager, id, [5, 4, 5]);
        await _commands.AddResponseAsync(_manager, id, [4, null, 5]);

        var details = (await _queries.GetAsync(_officeId, id)).ShouldNotBeNull();
        var list = await _queries.ListAsync(_officeId);

        list.Single().ShouldBe(new SurveyListItem(id, "Brukarenkät 2026", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 3, 2));
        details.Questions.Select(q => q.Text).ShouldBe(["Bemötande", "Väntetid", "Fick du hjälp?"]);
        details.Results.ResponseCount.ShouldBe(2);
        details.Results.Questions[0].Mean.ShouldBe(4.5m);
        details.Results.Questions[1].Count.ShouldBe(1);
        details.Results.Questions[2].Distribution.ShouldBe([0, 0, 0, 0, 2]);
        details.Results.OverallMean.ShouldBe(4.6m);
    }

    [Fact]
    public async Task ShouldRefuseAdvisorEditing()
    {
        await Should.ThrowAsync<DomainException>(() =>
            _commands.CreateAsync(_advisor, "X", new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 2), ["Fråga"]));
    }

    [Fact]
    public async Task ShouldImportNothingAndListRowsWhenAnyRowIsBad()
    {
        var id = await CreateSurveyAsync();

        var result = await _commands.ImportResponsesAsync(_manager, id, Csv("Bemötande;Väntetid;Hjälp\n5;4;5\n4;7;3\n;;\n3;2;1;4\n2;;x\n"));

        result.IsValid.ShouldBeFalse();
        result.Imported.ShouldBe(0);
        result.Errors.Select(e => e.RowNumber).Distinct().ShouldBe([3, 5, 6]);
        result.Errors.First(e => e.RowNumber == 3).ToString().ShouldBe("Rad 3: Fråga 2: \"7\" är inte ett betyg 1–5.");
        (await _queries.GetAsync(_officeId, id))!.Results.ResponseCount.ShouldBe(0);
    }

    [Fact]
    public async Task ShouldImportAllRowsWhenValid()
    {
        var id = await CreateSurveyAsync();

        var result = await _commands.ImportResponsesAsync(_manager, id, Csv("5,4,5\r\n4,,3\r\n\r\n3,2\r\n"));

        result.ShouldBe(new SurveyImportResult(3, []));
        var results = (await _queries.GetAsync(_officeId, id))!.Results;
        results.ResponseCount.ShouldBe(3);
        results.Questions[0].Mean.ShouldBe(4m);
        results.Questions[1].Mean.ShouldBe(3m);
        results.Questions[2].Mean.ShouldBe(4m);
    }
}
