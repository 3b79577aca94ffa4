using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Mbk.Portal.Features.Queue.Monitor;

/// <summary>
/// Today's queue per service and who sits where. Follows the office live and refreshes every 30 seconds so the
/// waits keep ticking. Managers can change a service's waiting-time target in place.
/// </summary>
public sealed partial class QueueMonitorPanel : LiveComponentBase
{
    private MonitorView? _view;
    private string? _error;
    private int? _editingServiceId;
    private int _targetDraft;
    private bool _saving;

    [Inject]
    private Live.MonitorReadModel Board { get; set; } = default!;

    [Inject]
    private QueueQueries Queries { get; set; } = default!;

    [Inject]
    private QueueSettingsCommands SettingsCommands { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The monitor needs a current office.");

    protected override async Task OnInitializedAsync()
    {
        // The office's shared figures: recomputed once per change (and every 30 seconds) for every open monitor.
        Follow(Board, OfficeId, _ => ReloadAsync());
        await ReloadAsync();
    }

    private async Task ReloadAsync() => _view = (await Board.GetAsync(OfficeId)).Value;

    private void EditTarget(MonitorServiceRow row)
    {
        _editingServiceId = row.ServiceLineId;
        _targetDraft = row.WaitTargetMinutes;
        _error = null;
    }

    private void CancelTarget()
    {
        _editingServiceId = null;
        _error = null;
    }

    /// <summary>Changes only the target; the service's name, prefix, order and status are kept as they are.</summary>
    private async Task SaveTargetAsync(int serviceId)
    {
        _saving = true;
        _error = null;
        try
        {
            var service = (await Queries.GetServicesAsync(OfficeId)).SingleOrDefault(s => s.Id == serviceId)
                ?? throw new DomainException("Tjänsten finns inte längre.");
            await SettingsCommands.SetWaitTargetAsync(Staff, service.Id, _targetDraft);
            _editingServiceId = null;
            Snackbar.Add($"Målet för {service.Name} är nu {_targetDraft} minuter.", Severity.Success);
            await ReloadAsync();
        }
        catch (DomainException ex)
        {
            // Keep the field open with what was typed.
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private string ServiceNames(IReadOnlyList<int> serviceIds)
    {
        if (serviceIds.Count == 0 || _view is null)
        {
            return "–";
        }

        return string.Join(", ", _view.Services.Where(s => serviceIds.Contains(s.ServiceLineId)).Select(s => $"{s.Prefix} {s.Name}"));
    }

    private static string Minutes(double? minutes) =>
        minutes is { } value ? string.Create(CultureInfo.GetCultureInfo("sv-SE"), $"{value:0.#} min") : "–";

    private static string StatusText(TicketStatus? status) => status switch
    {
        TicketStatus.Called => "uppropad",
        TicketStatus.Serving => "betjänas",
        _ => string.Empty,
    };

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };
}
