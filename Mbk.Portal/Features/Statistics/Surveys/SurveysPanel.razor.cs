using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Report;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Mbk.Portal.Features.Statistics.Surveys;

/// <summary>The office's surveys: everyone sees the results; managers create surveys, enter and import responses.</summary>
public sealed partial class SurveysPanel : ComponentBase
{
    private IReadOnlyList<SurveyListItem> _surveys = [];
    private SurveyDetails? _selected;
    private string? _error;
    private IReadOnlyList<ImportRowError> _importErrors = [];
    private bool _busy;

    private string _title = string.Empty;
    private DateTime? _from;
    private DateTime? _to;
    private string _questionsText = string.Empty;
    private int?[] _scores = [];

    [Inject]
    private SurveyQueries Queries { get; set; } = default!;

    [Inject]
    private SurveyCommands Commands { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The survey page needs a current office.");

    protected override async Task OnInitializedAsync()
    {
        var today = Clock.GetLocalNow().Date;
        _from = today;
        _to = today.AddDays(30);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _surveys = await Queries.ListAsync(OfficeId);
        if (_selected is not null)
        {
            await SelectAsync(_selected.Id);
        }
    }

    private async Task SelectAsync(int surveyId)
    {
        _selected = await Queries.GetAsync(OfficeId, surveyId);
        _scores = new int?[_selected?.Questions.Count ?? 0];
        _importErrors = [];
    }

    private async Task CreateAsync()
    {
        await RunAsync(async () =>
        {
            if (_from is not { } from || _to is not { } to)
            {
                throw new DomainException("Välj enkätens första och sista dag.");
            }

            var questions = _questionsText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var id = await Commands.CreateAsync(Staff, _title, DateOnly.FromDateTime(from), DateOnly.FromDateTime(to), questions);
            Snackbar.Add($"Enkäten \"{_title.Trim()}\" är skapad.", Severity.Success);
            _title = string.Empty;
            _questionsText = string.Empty;
            _surveys = await Queries.ListAsync(OfficeId);
            await SelectAsync(id);
        });
    }

    private void SetScore(int index, int score) => _scores[index] = _scores[index] == score ? null : score;

    private async Task SaveResponseAsync()
    {
        if (_selected is not { } survey)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await Commands.AddResponseAsync(Staff, survey.Id, _scores);
            Snackbar.Add("Svaret är sparat.", Severity.Success);
            await ReloadAsync();
        });
    }

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        if (_selected is not { } survey)
        {
            return;
        }

        await RunAsync(async () =>
        {
            await using var stream = e.File.OpenReadStream(SurveyCommands.MaxImportBytes);
            var result = await Commands.ImportResponsesAsync(Staff, survey.Id, stream);
            if (!result.IsValid)
            {
                _importErrors = result.Errors;
                return;
            }

            Snackbar.Add($"{StatisticsFormat.Number(result.Imported)} svar är inlästa.", Severity.Success);
            await ReloadAsync();
        });
    }

    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex)
        {
            _error = "Filen kunde inte läsas: " + ex.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };
}
