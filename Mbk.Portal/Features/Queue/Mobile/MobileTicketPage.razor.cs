using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Mbk.Portal.Features.Queue.Mobile;

/// <summary>
/// A visitor's ticket on the phone (<c>/t/{code}</c>, the address in the kiosk's QR code). No login and nothing stored
/// about the visitor: the code is the only key, and the page follows the office's shared
/// <see cref="MobileTicketReadModel"/> (one computation per change for every phone of the office, no polling).
/// </summary>
public sealed partial class MobileTicketPage : IAsyncDisposable
{
    [Inject]
    private QueueQueries Queries { get; set; } = default!;

    [Inject]
    private QueueCommands Commands { get; set; } = default!;

    [Inject]
    private MobileTicketReadModel Board { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private IHttpContextAccessor HttpContextAccessor { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ILogger<MobileTicketPage> Logger { get; set; } = default!;

    [Inject]
    private MobileTicketTexts Texts { get; set; } = default!;

    /// <summary>The texts in the language on the screen now.</summary>
    private MobileTicketStrings _t => Texts.For(_language);

    private readonly CancellationTokenSource _lifetime = new();
    private string? _language;
    private MobileTicketState? _state;
    private string _officeName = string.Empty;
    private string _hash = string.Empty;
    private int? _officeId;
    private bool _confirmGiveUp;
    private bool _busy;
    private bool _alerted;
    private bool _alertPending;
    private IJSObjectReference? _module;
    private bool _disposed;

    /// <summary>The ticket's secret code from the QR code.</summary>
    [Parameter]
    public string Code { get; set; } = string.Empty;

    /// <summary>The language chosen at the kiosk (sv, en, ar, so, ti, fa).</summary>
    [SupplyParameterFromQuery(Name = "lang")]
    public string? Language { get; set; }

    private bool IsCalled => _state?.Status == TicketStatus.Called;

    private bool CanGiveUp => _state?.Status is TicketStatus.Waiting or TicketStatus.Called;

    private string ClosingText => _state?.Status switch
    {
        TicketStatus.Serving => _t.Serving,
        TicketStatus.Parked => _t.Parked,
        TicketStatus.Done => _t.Done,
        TicketStatus.NoShow => _t.NoShow,
        TicketStatus.NotServed => _t.NotServed,
        TicketStatus.VisitorCancelled => _t.GivenUp,
        _ => _t.Done,
    };

    protected override void OnInitialized()
    {
        _language = Language;
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_officeId is null)
        {
            _officeId = await Queries.FindMobileTicketOfficeAsync(Code, _lifetime.Token);
            if (_officeId is { } officeId)
            {
                _hash = MobileTicketCode.HashOf(Code);
                Follow(Board, officeId, _ => LoadAsync());
            }
        }

        await LoadAsync();
        if (_state is null && !RendererInfo.IsInteractive && HttpContextAccessor.HttpContext is { Response.HasStarted: false } http)
        {
            // The prerendered answer carries the status too, so a guessed address is a plain 404 for any client.
            http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task LoadAsync()
    {
        if (_officeId is not { } officeId || _disposed)
        {
            _state = null;
            return;
        }

        var view = (await Board.GetAsync(officeId, _lifetime.Token)).Value;
        var state = view?.Tickets.GetValueOrDefault(_hash);
        _state = state is not null && Clock.GetUtcNow() < state.ExpiresAt ? state : null;
        _officeName = view?.OfficeName ?? string.Empty;
        if (_state?.Status == TicketStatus.Called && !_alerted)
        {
            _alerted = true;
            _alertPending = true;
        }
        else if (_state?.Status != TicketStatus.Called)
        {
            // A recall after a return to waiting (or a later call) alerts again.
            _alerted = false;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_state is null || _disposed)
        {
            return;
        }

        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", _lifetime.Token, "./js/mobile-ticket.js");
            if (_alertPending)
            {
                _alertPending = false;
                await _module.InvokeVoidAsync("announceCall", _lifetime.Token);
            }
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or OperationCanceledException or InvalidOperationException)
        {
            // Vibration and sound are extras: without them the full-screen call still shows.
            LogAlertFailed(Logger, ex);
        }
    }

    private void ChooseLanguage(string code) => _language = code;

    private async Task GiveUpAsync()
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            if (await Commands.GiveUpAsync(Code, _lifetime.Token))
            {
                _confirmGiveUp = false;
            }

            // Either way the shared picture has (or will have) the ticket's real state: show it now.
            await LoadAsync();
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The page is closing.
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The phone already left: nothing to release on its side.
            }
        }

        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            _lifetime.Cancel();
            _lifetime.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The mobile ticket could not vibrate or play its sound")]
    private static partial void LogAlertFailed(ILogger logger, Exception exception);
}
