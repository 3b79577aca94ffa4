using Mbk.Portal.Components;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace Mbk.Portal.Features.Queue.Settings;

/// <summary>
/// A manager's settings for the office's queue: services and places (the opening hours are
/// edited in the almanac, their one source). A refused change shows
/// its reason next to the section and keeps everything as typed.
/// </summary>
public sealed partial class QueueSettingsPanel
{
    private List<ServiceForm> _services = [];
    private List<PlaceForm> _places = [];
    private NewServiceForm _newService = new();
    private string? _newPlaceName;
    private string? _servicesError;
    private string? _placesError;
    private bool _loaded;
    private IReadOnlyList<KioskDeviceRow> _kiosks = [];
    private string? _newKioskName;
    private string? _kiosksError;
    private string? _thisBrowserKiosk;
    private readonly PanelCommand _command = new();

    private bool Busy => _command.IsRunning;

    [Inject]
    private QueueQueries Queries { get; set; } = default!;

    [Inject]
    private QueueSettingsCommands Commands { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private Microsoft.JSInterop.IJSRuntime JS { get; set; } = default!;

    [Inject]
    private KioskDeviceLimit DeviceLimitSetting { get; set; } = default!;

    [Inject]
    private ILogger<QueueSettingsPanel> Logger { get; set; } = default!;

    /// <summary>The signed-in manager; must have a current office.</summary>
    [Parameter, EditorRequired]
    public StaffContext Staff { get; set; } = default!;

    private int OfficeId => Staff.CurrentOffice?.Id ?? throw new InvalidOperationException("The settings need a current office.");

    protected override async Task OnInitializedAsync()
    {
        await LoadServicesAsync(keepDrafts: false);
        await LoadPlacesAsync(keepDrafts: false);
        _kiosks = await Commands.KiosksAsync(Staff);
        _loaded = true;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        // Whether this browser is one of the kiosks (its token is only in the browser).
        try
        {
            await using var module = await JS.InvokeAsync<Microsoft.JSInterop.IJSObjectReference>("import", "./js/kiosk-device.js");
            var name = await module.InvokeAsync<string?>("name");
            if (name is not null && _kiosks.Any(k => k.Name == name))
            {
                _thisBrowserKiosk = name;
                StateHasChanged();
            }
        }
        catch (Exception ex) when (ex is Microsoft.JSInterop.JSException or Microsoft.JSInterop.JSDisconnectedException or TaskCanceledException)
        {
            LogKioskStorageUnread(Logger, ex);
        }
    }

    private Task RegisterKioskAsync() => RunAsync(async () =>
    {
        var name = _newKioskName?.Trim() ?? string.Empty;
        var token = await Commands.RegisterKioskAsync(Staff, name);
        await using (var module = await JS.InvokeAsync<Microsoft.JSInterop.IJSObjectReference>("import", "./js/kiosk-device.js"))
        {
            await module.InvokeVoidAsync("set", token, name);
        }

        _thisBrowserKiosk = name;
        _newKioskName = null;
        _kiosks = await Commands.KiosksAsync(Staff);
        Snackbar.Add($"Kiosken {name} är registrerad i den här webbläsaren.", Severity.Success);
    }, error => _kiosksError = error);

    private Task RemoveKioskAsync(KioskDeviceRow kiosk) => RunAsync(async () =>
    {
        await Commands.RemoveKioskAsync(Staff, kiosk.Id);
        if (_thisBrowserKiosk == kiosk.Name)
        {
            await using var module = await JS.InvokeAsync<Microsoft.JSInterop.IJSObjectReference>("import", "./js/kiosk-device.js");
            await module.InvokeVoidAsync("clear");
            _thisBrowserKiosk = null;
        }

        _kiosks = await Commands.KiosksAsync(Staff);
        Snackbar.Add($"Kiosken {kiosk.Name} är borttagen.", Severity.Success);
    }, error => _kiosksError = error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Could not read whether this browser is a registered kiosk")]
    private static partial void LogKioskStorageUnread(ILogger logger, Exception exception);

    /// <summary>Reloads the services; with <paramref name="keepDrafts"/>, rows other than <paramref name="saved"/> keep what is typed in them.</summary>
    private async Task LoadServicesAsync(bool keepDrafts, int? saved = null)
    {
        var drafts = _services.ToDictionary(f => f.Id);
        _services = (await Queries.GetServicesAsync(OfficeId))
            .Select(s => keepDrafts && s.Id != saved && drafts.TryGetValue(s.Id, out var draft) ? draft : ServiceForm.From(s))
            .ToList();
    }

    private async Task LoadPlacesAsync(bool keepDrafts, int? saved = null)
    {
        var drafts = _places.ToDictionary(f => f.Id);
        _places = (await Queries.GetPlacesAsync(OfficeId))
            .Select(p => keepDrafts && p.Id != saved && drafts.TryGetValue(p.Id, out var draft) ? draft : PlaceForm.From(p))
            .ToList();
    }

    /// <summary>Runs a change; a refusal is shown in the section's alert and the typed values stay.</summary>
    private async Task RunAsync(Func<Task> action, Action<string?> setError) => await _command.RunAsync(action, setError);

    private static char ParsePrefix(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length != 1)
        {
            throw new DomainException("Prefixet ska vara en enda bokstav, t.ex. A.");
        }

        return trimmed[0];
    }

    private Task SaveServiceAsync(ServiceForm form) => RunAsync(async () =>
    {
        await Commands.UpdateServiceAsync(Staff, form.Id, form.Name ?? string.Empty, ParsePrefix(form.Prefix), form.WaitTargetMinutes, form.SortOrder, form.IsActive);
        await LoadServicesAsync(keepDrafts: true, saved: form.Id);
        Snackbar.Add($"Tjänsten {form.Name} är sparad.", Severity.Success);
    }, e => _servicesError = e);

    private Task AddServiceAsync() => RunAsync(async () =>
    {
        var id = await Commands.AddServiceAsync(Staff, _newService.Name ?? string.Empty, ParsePrefix(_newService.Prefix), _newService.WaitTargetMinutes);
        await LoadServicesAsync(keepDrafts: true, saved: id);
        Snackbar.Add($"Tjänsten {_newService.Name} är tillagd.", Severity.Success);
        _newService = new NewServiceForm();
    }, e => _servicesError = e);

    private Task SavePlaceAsync(PlaceForm form) => RunAsync(async () =>
    {
        await Commands.UpdatePlaceAsync(Staff, form.Id, form.Name ?? string.Empty, form.SortOrder, form.IsActive);
        await LoadPlacesAsync(keepDrafts: true, saved: form.Id);
        Snackbar.Add($"Platsen {form.Name} är sparad.", Severity.Success);
    }, e => _placesError = e);

    private Task AddPlaceAsync() => RunAsync(async () =>
    {
        var id = await Commands.AddPlaceAsync(Staff, _newPlaceName ?? string.Empty);
        await LoadPlacesAsync(keepDrafts: true, saved: id);
        Snackbar.Add($"Platsen {_newPlaceName} är tillagd.", Severity.Success);
        _newPlaceName = null;
    }, e => _placesError = e);

    private static Dictionary<string, object?> Test(string id) => new() { ["data-testid"] = id };

    private sealed class ServiceForm
    {
        public int Id { get; init; }

        public string? Name { get; set; }

        public string? Prefix { get; set; }

        public int WaitTargetMinutes { get; set; }

        public int SortOrder { get; set; }

        public bool IsActive { get; set; }

        public static ServiceForm From(ServiceInfo service) => new()
        {
            Id = service.Id,
            Name = service.Name,
            Prefix = service.Prefix.ToString(),
            WaitTargetMinutes = service.WaitTargetMinutes,
            SortOrder = service.SortOrder,
            IsActive = service.IsActive,
        };
    }

    private sealed class NewServiceForm
    {
        public string? Name { get; set; }

        public string? Prefix { get; set; }

        public int WaitTargetMinutes { get; set; } = 20;
    }

    private sealed class PlaceForm
    {
        public int Id { get; init; }

        public string? Name { get; set; }

        public int SortOrder { get; set; }

        public bool IsActive { get; set; }

        public static PlaceForm From(PlaceInfo place) => new()
        {
            Id = place.Id,
            Name = place.Name,
            SortOrder = place.SortOrder,
            IsActive = place.IsActive,
        };
    }
}
