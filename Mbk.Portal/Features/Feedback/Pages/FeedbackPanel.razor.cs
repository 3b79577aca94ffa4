using System.Globalization;
using Mbk.Domain.Feedback;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Feedback.Pages;

/// <summary>
/// The office's feedback register: register an item in under a minute, filter and search the list, days left in
/// working days (overdue in red). Follows the office live, so a new item shows on every open screen.
/// </summary>
public sealed partial class FeedbackPanel : LiveComponentBase
{
    private readonly PanelCommand _command = new();
    private IReadOnlyList<FeedbackRow>? _rows;
    private IReadOnlyList<string> _areas = [];
    private string? _error;
    private string? _info;
    private bool _formOpen;

    private FeedbackKind _kind = FeedbackKind.Klagomal;
    private FeedbackChannel _channel = FeedbackChannel.Besok;
    private DateOnly? _receivedOn;
    private string _area = string.Empty;
    private string _summary = string.Empty;
    private string _contactName = string.Empty;
    private string _contactEmail = string.Empty;
    private string _contactPhone = string.Empty;
    private string _contactAddress = string.Empty;
    private bool _consent;

    private string _filterKind = string.Empty;
    private string _filterStatus = string.Empty;
    private string _filterArea = string.Empty;
    private DateOnly? _filterFrom;
    private DateOnly? _filterTo;
    private string _search = string.Empty;
    private bool _overdueOnly;

    [Inject]
    private FeedbackQueries Queries { get; set; } = default!;

    [Inject]
    private FeedbackCommands Commands { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private bool Busy => _command.IsRunning;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The feedback page needs a current office.");

    protected override async Task OnInitializedAsync()
    {
        Listen(OfficeId, e => e is FeedbackChanged, _ => ReloadAsync());
        _areas = await Queries.AreasAsync(OfficeId);
        await ReloadAsync();
    }

    private void ToggleForm() => _formOpen = !_formOpen;

    private async Task ReloadAsync()
    {
        var filter = new FeedbackFilter(
            Enum.TryParse<FeedbackKind>(_filterKind, out var kind) ? kind : null,
            Enum.TryParse<FeedbackStatus>(_filterStatus, out var status) ? status : null,
            string.IsNullOrEmpty(_filterArea) ? null : _filterArea,
            _filterFrom,
            _filterTo,
            _overdueOnly,
            string.IsNullOrWhiteSpace(_search) ? null : _search);
        _rows = await Queries.ListAsync(Staff, filter);
    }

    private async Task SaveAsync()
    {
        var id = 0;
        var saved = await _command.RunAsync(async () =>
        {
            id = await Commands.RegisterAsync(Staff, new FeedbackForm(
                _kind, _channel, _receivedOn, _summary, string.IsNullOrEmpty(_area) ? null : _area,
                _contactName, _contactEmail, _contactPhone, _contactAddress, _consent));
        }, message => _error = message);
        if (saved)
        {
            _info = $"Synpunkt nr {id} är registrerad.";
            _summary = _contactName = _contactEmail = _contactPhone = _contactAddress = _area = string.Empty;
            _consent = false;
            _receivedOn = null;
            _formOpen = false;
            await ReloadAsync();
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string DaysLeftText(FeedbackRow row) => row.WorkingDaysLeft switch
    {
        null => row.AnsweredOn is { } answered ? $"{Date(row.DueOn)} (besvarad {Date(answered)})" : Date(row.DueOn),
        < 0 and var late => $"{Date(row.DueOn)} – försenad {-late} arbetsdag{(late == -1 ? "" : "ar")}",
        0 => $"{Date(row.DueOn)} – i dag",
        var left => $"{Date(row.DueOn)} – {left} arbetsdag{(left == 1 ? "" : "ar")} kvar",
    };
}
