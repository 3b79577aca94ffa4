using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Features.Queue.Counter;

/// <summary>
/// The counter for one staff member: choose a place and services, then call, serve and finish visits. Follows the
/// office live and refreshes every minute so waited minutes keep ticking.
/// </summary>
public sealed partial class CounterPanel : LiveComponentBase
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private CounterView? _view;
    private string? _error;
    private string? _info;
    private readonly PanelCommand _command = new();

    private bool Busy => _command.IsRunning;

    // Choosing a place and services.
    private bool _changingPlace;
    private bool _seatFormReady;
    private int? _placeId;
    private HashSet<int> _serviceIds = [];

    // Finishing a visit.
    private bool _finishing;
    private readonly HashSet<int> _categoryIds = [];
    private int? _referralId;

    // Moving a visit to another service or place.
    private bool _transferring;
    private int? _transferServiceId;
    private int? _transferPlaceId;

    // Calling a ticket out of turn.
    private int? _callingTicketId;
    private string? _callReason;

    // A visitor without a ticket.
    private bool _walkIn;

    // Where keyboard focus goes after the next render (it would otherwise fall to <body> when buttons re-render).
    private ElementReference _currentNumber;
    private ElementReference _finishHeading;
    private FocusTarget _focusAfterRender;

    private enum FocusTarget
    {
        None,
        CalledTicket,
        FinishPanel,
    }

    [Inject]
    private QueueQueries Queries { get; set; } = default!;

    [Inject]
    private QueueCommands Commands { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    /// <summary>The signed-in staff member; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The counter needs a current office.");

    private PlaceStatus? MyPlace => _view?.MyPlace;

    private CurrentTicket? Current => _view?.Current;

    private bool Seated => MyPlace is not null;

    private bool CanCallNext => Seated && Current is null && !Busy;

    private bool IsCalled => Current?.Status == TicketStatus.Called && !Busy;

    private bool HasCurrent => Current is not null && !Busy;

    private bool IsServing => Current?.Status == TicketStatus.Serving && !Busy;

    private IEnumerable<ServiceInfo> ActiveServices => _view?.Services.Where(s => s.IsActive) ?? [];

    private IEnumerable<PlaceStatus> SelectablePlaces => _view?.Places.Where(p => p.IsActive) ?? [];

    /// <summary>The chosen place when someone else sits there.</summary>
    private PlaceStatus? ChosenPlaceTaken =>
        _view?.Places.FirstOrDefault(p => p.PlaceId == _placeId && p.StaffUserId is not null && p.StaffUserId != Staff.UserId);

    protected override async Task OnInitializedAsync()
    {
        // Coalesced: a burst of calls at other counters reloads this counter once more, not once per call.
        Listen(OfficeId, Live.QueueTopics.ChangesQueueFigures, _ => ReloadAsync());
        await ReloadAsync();
        RefreshEvery(Clock, RefreshInterval, ReloadAsync);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        var target = _focusAfterRender;
        _focusAfterRender = FocusTarget.None;
        var element = target switch
        {
            FocusTarget.CalledTicket when Current is not null => _currentNumber,
            FocusTarget.FinishPanel when _finishing => _finishHeading,
            _ => default(ElementReference?),
        };
        if (element is { } focus)
        {
            try
            {
                await focus.FocusAsync();
            }
            catch (Exception ex) when (ex is Microsoft.JSInterop.JSException or Microsoft.JSInterop.JSDisconnectedException or TaskCanceledException)
            {
                // The circuit is going away or the element was re-rendered away: nothing to focus.
            }
        }
    }

    private async Task ReloadAsync()
    {
        _view = await Queries.GetCounterAsync(OfficeId, Staff.UserId);
        if (_view.MyPlace is null && !_seatFormReady)
        {
            _placeId = _view.Places.FirstOrDefault(p => p.IsActive && p.StaffUserId is null)?.PlaceId;
            _serviceIds = _view.Services.Where(s => s.IsActive).Select(s => s.Id).ToHashSet();
            _seatFormReady = true;
        }

        if (_view.Current is null)
        {
            _finishing = false;
            _transferring = false;
        }
    }

    /// <summary>Runs a command; a refusal shows its reason and leaves everything chosen or typed as it was.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        if (Busy)
        {
            return;
        }

        _info = null;
        await _command.RunAsync(action, error => _error = error);
        await ReloadAsync();
    }

    private Task OnShortcutAsync(string key) => key switch
    {
        "n" when CanCallNext => CallNextAsync(),
        "r" when IsCalled => RecallAsync(),
        "p" when IsCalled => StartServingAsync(),
        "u" when IsCalled => NoShowAsync(),
        "k" when HasCurrent => OpenFinish(),
        _ => Task.CompletedTask,
    };

    // Place and services.
    private void ChoosePlace(int placeId) => _placeId = placeId;

    private void ToggleService(int serviceId, bool on)
    {
        if (on)
        {
            _serviceIds.Add(serviceId);
        }
        else
        {
            _serviceIds.Remove(serviceId);
        }
    }

    private void StartChangingPlace()
    {
        if (MyPlace is { } mine)
        {
            _placeId = mine.PlaceId;
            _serviceIds = mine.ServiceLineIds.ToHashSet();
        }

        _error = null;
        _changingPlace = true;
    }

    private void CancelChangingPlace()
    {
        _changingPlace = false;
        _error = null;
    }

    private Task SitDownAsync(bool takeOver) => RunAsync(async () =>
    {
        if (_placeId is not { } placeId)
        {
            _error = "Välj vilken plats du sitter vid.";
            return;
        }

        await Commands.SitDownAsync(Staff, placeId, _serviceIds.ToList(), takeOver);
        _changingPlace = false;
    });

    private Task LeavePlaceAsync() => RunAsync(async () =>
    {
        await Commands.LeavePlaceAsync(Staff);
        _seatFormReady = false;
        _changingPlace = false;
    });

    // The current visit.
    private Task CallNextAsync() => RunAsync(async () =>
    {
        var number = await Commands.CallNextAsync(Staff);
        if (number is null)
        {
            _info = "Ingen väntar just nu.";
        }
        else
        {
            _focusAfterRender = FocusTarget.CalledTicket;
        }
    });

    private Task RecallAsync() => RunAsync(() => Commands.RecallAsync(Staff));

    private Task StartServingAsync() => RunAsync(() => Commands.StartServingAsync(Staff));

    private Task NoShowAsync() => RunAsync(() => Commands.MarkNoShowAsync(Staff));

    private Task ParkAsync() => RunAsync(() => Commands.ParkAsync(Staff));

    private Task OpenFinish()
    {
        _finishing = true;
        _focusAfterRender = FocusTarget.FinishPanel;
        _transferring = false;
        _error = null;
        return Task.CompletedTask;
    }

    private void CloseFinish() => _finishing = false;

    private void ToggleCategory(int categoryId)
    {
        if (!_categoryIds.Remove(categoryId))
        {
            _categoryIds.Add(categoryId);
        }
    }

    private Task FinishAsync() => RunAsync(async () =>
    {
        await Commands.FinishAsync(Staff, _categoryIds.ToList(), _referralId);
        _finishing = false;
        _categoryIds.Clear();
        _referralId = null;
    });

    private void OpenTransfer()
    {
        _transferring = true;
        _finishing = false;
        _transferServiceId = Current?.ServiceLineId;
        _transferPlaceId = null;
        _error = null;
    }

    private void CloseTransfer() => _transferring = false;

    private Task TransferAsync() => RunAsync(async () =>
    {
        if (_transferServiceId is not { } serviceId)
        {
            _error = "Välj vilken tjänst besöket ska flyttas till.";
            return;
        }

        await Commands.TransferAsync(Staff, serviceId, _transferPlaceId);
        _transferring = false;
    });

    // The waiting list, parked visits and walk-ins.
    private void StartCallingTicket(int ticketId)
    {
        if (_callingTicketId != ticketId)
        {
            _callReason = null;
        }

        _callingTicketId = ticketId;
        _error = null;
    }

    private void CancelCallingTicket() => _callingTicketId = null;

    private Task CallTicketAsync(int ticketId) => RunAsync(async () =>
    {
        await Commands.CallTicketAsync(Staff, ticketId, _callReason ?? string.Empty);
        _callingTicketId = null;
        _callReason = null;
    });

    private Task ResumeAsync(int ticketId) => RunAsync(() => Commands.ResumeAsync(Staff, ticketId));

    private void ToggleWalkIn()
    {
        _walkIn = !_walkIn;
        _error = null;
    }

    private Task ServeWalkInAsync(int serviceId) => RunAsync(async () =>
    {
        await Commands.ServeWalkInAsync(Staff, serviceId);
        _walkIn = false;
    });

    // Texts.
    private string HeaderText()
    {
        var mine = MyPlace!;
        var names = _view!.Services.Where(s => mine.ServiceLineIds.Contains(s.Id)).Select(s => s.Name);
        return $"Du sitter vid {mine.PlaceName} · tar {string.Join(", ", names)}";
    }

    private static string StatusText(TicketStatus status) => status switch
    {
        TicketStatus.Called => "Uppropad",
        TicketStatus.Serving => "Betjänas",
        TicketStatus.Parked => "Parkerad",
        TicketStatus.Waiting => "Väntar",
        _ => status.ToString(),
    };

    private static string PlaceLabel(PlaceStatus place, string myUserId) => place.StaffUserId switch
    {
        null => $"{place.PlaceName} – ledig",
        var id when id == myUserId => $"{place.PlaceName} – du sitter här",
        _ => $"{place.PlaceName} – {place.StaffName ?? "någon annan"} sitter här",
    };

    private static string Time(DateTimeOffset at) => OfficeTime.Format(at, "HH:mm");

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };
}
