using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>
/// The staffing week of one office: positions as rows, days × day parts as columns, a staff member picked per cell.
/// Follows every change live (another screen's assignment, a renamed place).
/// </summary>
public sealed partial class StaffingPanel : LiveComponentBase
{
    private StaffingWeekView? _view;
    private IReadOnlyList<StaffOption> _staffOptions = [];
    private IsoWeekNumber _week;
    private string? _requestedWeek;
    private bool _loaded;
    private bool _showWeekend;
    private readonly PanelCommand _command = new();
    private string? _noteKey;
    private string? _noteDraft;

    private bool Busy => _command.IsRunning;
    private string? _error;
    private StaffingCopyReport? _copyReport;

    [Inject]
    private StaffingQueries Queries { get; set; } = default!;

    [Inject]
    private StaffingCommands Commands { get; set; } = default!;

    [Inject]
    private StaffingForecastQueries Forecasts { get; set; } = default!;

    private StaffingForecastWeek? _forecast;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    /// <summary>The ISO week to show ("2026-W48"); this week when null or unreadable.</summary>
    [Parameter]
    public string? Week { get; set; }

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("Staffing needs a current office.");

    /// <summary>Monday to Friday, plus a weekend day when asked for, when it is today or when it holds staffing.</summary>
    private IEnumerable<DateOnly> VisibleDays => _view is null
        ? []
        : _view.Days.Where(d => _showWeekend || d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || d == _view.Today || _view.Assignments.Any(a => a.Date == d));

    private string WeekDates => $"{_week.Monday.ToString("d MMMM", OfficeTime.Swedish)} – {_week.Sunday.ToString("d MMMM yyyy", OfficeTime.Swedish)}";

    protected override void OnInitialized()
    {
        Listen(OfficeId, e => e is AlmanacChanged { Area: AlmanacArea.Staffing } or QueueSetupChanged, _ => ReloadAsync());
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_loaded && Week == _requestedWeek)
        {
            return;
        }

        _requestedWeek = Week;
        _week = IsoWeekNumber.TryParse(Week, out var week) ? week : IsoWeekNumber.Of(await Queries.TodayAsync(OfficeId));
        await ReloadAsync();
        _loaded = true;
    }

    private async Task ReloadAsync()
    {
        _view = await Queries.GetWeekAsync(OfficeId, _week.Year, _week.Week);
        _staffOptions = await Queries.GetStaffAsync(OfficeId);
        // The need rests on past weeks only: computed once per week shown, while "bemannat" follows the roster live.
        if (_forecast?.Week != _week)
        {
            _forecast = await Forecasts.GetWeekAsync(OfficeId, _week);
        }
    }

    private async Task GoToAsync(IsoWeekNumber week)
    {
        _week = week;
        _error = null;
        await ReloadAsync();
        // Keep the address shareable; the page hands the same week back, which is then not loaded again.
        _requestedWeek = week.ToString();
        Navigation.NavigateTo(StaffingLinks.Week(week), forceLoad: false, replace: true);
    }

    private async Task GoToThisWeekAsync() => await GoToAsync(IsoWeekNumber.Of(await Queries.TodayAsync(OfficeId)));

    private bool CanEdit(DateOnly day) => Staff.IsManager || (_view is { } view && day >= view.Today);

    private string? DayClass(DateOnly day) => _view is null ? null
        : day == _view.Today ? "staffing-today"
        : day < _view.Today ? "staffing-past"
        : null;

    private string NameOf(string? userId, StaffingAssignmentView? cell) =>
        string.IsNullOrEmpty(userId) ? string.Empty
        : cell is not null && cell.StaffUserId == userId ? cell.StaffName
        : _staffOptions.FirstOrDefault(s => s.UserId == userId)?.DisplayName ?? string.Empty;

    private Task CellChangedAsync(DateOnly day, DayPart part, int placeId, StaffingAssignmentView? cell, string? staffUserId) => RunAsync(async () =>
    {
        if (string.IsNullOrEmpty(staffUserId))
        {
            if (cell is not null)
            {
                await Commands.RemoveAsync(Staff, cell.Id);
            }
        }
        else if (cell is null)
        {
            await Commands.AssignAsync(Staff, day, part, placeId, staffUserId);
        }
        else if (cell.StaffUserId != staffUserId)
        {
            await Commands.ChangeAsync(Staff, cell.Id, staffUserId, cell.Note);
        }
    });

    private Task RemoveAsync(StaffingAssignmentView cell) => RunAsync(() => Commands.RemoveAsync(Staff, cell.Id));

    private void StartNote(string cellKey, StaffingAssignmentView cell)
    {
        _noteKey = cellKey;
        _noteDraft = cell.Note;
    }

    /// <summary>Saves the note ("tolkar somaliska"); a refused one keeps the draft open with the reason.</summary>
    private async Task SaveNoteAsync(StaffingAssignmentView cell)
    {
        var saved = await _command.RunAsync(() => Commands.ChangeAsync(Staff, cell.Id, cell.StaffUserId, _noteDraft), error => _error = error);
        if (saved)
        {
            _noteKey = null;
            _noteDraft = null;
        }

        await ReloadAsync();
    }

    private Task CopyWeekAsync() => RunAsync(async () =>
    {
        _copyReport = await Commands.CopyWeekToNextAsync(Staff, _week.Year, _week.Week);
    });

    /// <summary>Runs a change; a refused one shows its Swedish reason, and the week is read again either way.</summary>
    private async Task RunAsync(Func<Task> change)
    {
        await _command.RunAsync(change, error => _error = error);
        await ReloadAsync();
    }

    /// <summary>"2026-11-24-Forenoon-3": the stable part of a cell's test ids.</summary>
    private static string CellKey(DateOnly day, DayPart part, int placeId) => $"{Key(day)}-{part}-{placeId}";

    private static string Key(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
