using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue.Live;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Mbk.Portal.Features.Queue.Kiosk;

/// <summary>
/// The ticket kiosk. It shows the office's shared <see cref="KioskReadModel"/> picture (computed once per change for
/// every kiosk of the office; recomputed every 30 seconds so it opens and closes with the hours) and writes only when
/// a visitor takes a ticket.
/// </summary>
public sealed partial class KioskPage
{
    [Inject]
    private KioskReadModel Board { get; set; } = default!;

    [Inject]
    private KioskTexts Texts { get; set; } = default!;

    [Inject]
    private OfficeSlugs Slugs { get; set; } = default!;

    [Inject]
    private QueueCommands Commands { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private Mobile.MobileTicketLinks MobileLinks { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IServiceProvider ServiceProvider { get; set; } = default!;

    [Inject]
    private ILogger<KioskPage> Logger { get; set; } = default!;

    /// <summary>The texts in the language on the screen now.</summary>
    private KioskStrings _t => Texts.For(_language);

    /// <summary>How long a ticket or a message stays before the kiosk returns to the start screen.</summary>
    internal static readonly TimeSpan ReturnAfter = TimeSpan.FromSeconds(20);

    /// <summary>A visitor who chose a language and walked away: back to Swedish after this long.</summary>
    internal static readonly TimeSpan LanguageIdleAfter = TimeSpan.FromSeconds(60);

    private const int Colors = 6;

    private readonly CancellationTokenSource _lifetime = new();
    private string _language = KioskTexts.DefaultLanguage;
    private KioskView? _view;
    private bool _notFound;
    private bool _loadFailed;
    private KioskScreen _screen = KioskScreen.Start;
    private TicketReceipt? _receipt;
    private MobileLink? _mobile;
    private DateTimeOffset? _nextOpening;
    /// <summary>A tap is being written: "Ett ögonblick…" shows and further taps are ignored.</summary>
    private bool _busy;
    private ServiceQueueStatus? _retryService;
    private ElementReference _ticketNumber;
    private bool _focusTicket;
    private string _kioskKey = string.Empty;
    private string? _deviceToken;
    private int? _officeId;
    private int? _followed;
    private CancellationTokenSource? _returnTimer;
    private bool _disposed;

    private sealed record MobileLink(string Url, string QrDataUri);

    private enum KioskScreen
    {
        Start,
        Ticket,
        Closed,
        RateLimited,
        Unavailable,

        /// <summary>The database was busy beyond its timeout: nothing stored, "Försök igen".</summary>
        Retry,
    }

    /// <summary>The office's slug.</summary>
    [Parameter]
    public string Office { get; set; } = string.Empty;

    protected override void OnInitialized()
    {
        _kioskKey = KioskKey();
    }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
    }

    /// <summary>Shows the office's shared picture (computed only when no fresh one exists).</summary>
    private async Task LoadAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _officeId = await Slugs.FindOfficeIdAsync(Office, _lifetime.Token);
            if (_officeId is { } officeId && _followed != officeId)
            {
                _followed = officeId;
                Follow(Board, officeId, _ => LoadAsync());
            }

            var view = _officeId is { } id ? (await Board.GetAsync(id, _lifetime.Token)).Value : null;
            _loadFailed = false;
            _view = view;
            _notFound = view is null;
            if (view is null)
            {
                return;
            }

            if (!view.IsOpen && _screen == KioskScreen.Start)
            {
                _screen = KioskScreen.Closed;
                _nextOpening = view.NextOpening;
            }
            else if (view.IsOpen && _screen == KioskScreen.Closed && _returnTimer is null)
            {
                // Opened while the closed screen was shown (not a refusal the visitor is reading): show the services.
                _screen = KioskScreen.Start;
            }
            else if (!view.IsOpen && _screen == KioskScreen.Closed)
            {
                _nextOpening ??= view.NextOpening;
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed while loading.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep what is shown; the next change or the periodic refresh tries again.
            LogLoadFailed(Logger, ex, Office);
            _loadFailed = _view is null;
        }
    }

    private async Task TakeTicketAsync(ServiceQueueStatus service)
    {
        if (_busy || _disposed)
        {
            return;
        }

        _busy = true;
        try
        {
            // Off the circuit's thread: SQLite waits for a lock synchronously, and the screen must show
            // "Ett ögonblick…" (and stay responsive) while it does.
            var office = Office;
            var deviceToken = _deviceToken;
            var result = await Task.Run(() => Commands.TakeTicketAsync(office, service.Id, _kioskKey, deviceToken, _lifetime.Token), _lifetime.Token);
            switch (result.Refusal)
            {
                case KioskRefusal.None when result.Receipt is not null:
                    _receipt = result.Receipt;
                    _mobile = MobileLinkFor(result.Receipt);
                    _screen = KioskScreen.Ticket;
                    _focusTicket = true;
                    break;
                case KioskRefusal.Closed:
                    _screen = KioskScreen.Closed;
                    _nextOpening = result.NextOpening;
                    break;
                case KioskRefusal.RateLimited:
                    _screen = KioskScreen.RateLimited;
                    break;
                default:
                    _screen = KioskScreen.Unavailable;
                    break;
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex) when (DatabaseErrors.IsBusy(ex))
        {
            // The write could not get the lock within Database:BusyTimeoutMilliseconds and was rolled back.
            LogTicketBusy(Logger, ex, Office, service.Id);
            _retryService = service;
            _screen = KioskScreen.Retry;
        }
        catch (Exception ex)
        {
            LogTicketFailed(Logger, ex, Office, service.Id);
            _screen = KioskScreen.Unavailable;
        }
        finally
        {
            _busy = false;
        }

        ScheduleReturn(ReturnAfter);
        if (_screen is not (KioskScreen.Ticket or KioskScreen.Retry))
        {
            // The refusal may come from a change the kiosk has not seen yet (service closed, hours changed).
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // A kiosk registered on /queue/settings keeps its device token in this browser: limited per device.
            try
            {
                await using var module = await JS.InvokeAsync<IJSObjectReference>("import", _lifetime.Token, "./js/kiosk-device.js");
                _deviceToken = await module.InvokeAsync<string?>("get", _lifetime.Token);
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
            {
                LogDeviceTokenUnread(Logger, ex, Office);
            }
        }

        // The tapped button is gone: focus the number, so it is read out and focus does not fall to <body>.
        if (_focusTicket && _screen == KioskScreen.Ticket)
        {
            _focusTicket = false;
            try
            {
                await _ticketNumber.FocusAsync();
            }
            catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
            {
                // The kiosk is going away or already back at the start screen: nothing to focus.
            }
        }
    }

    /// <summary>The same tap again, after the database was busy.</summary>
    private Task RetryAsync() => _retryService is { } service ? TakeTicketAsync(service) : Task.CompletedTask;

    private async Task PrintAsync()
    {
        // Printing takes a moment: give the visitor the full time again afterwards.
        ScheduleReturn(ReturnAfter);
        try
        {
            await JS.InvokeVoidAsync("print");
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException or InvalidOperationException)
        {
            LogPrintFailed(Logger, ex, Office);
        }
    }

    /// <summary>The phone address of the ticket in the kiosk's current language, and its QR code.</summary>
    private MobileLink MobileLinkFor(TicketReceipt receipt)
    {
        var url = MobileLinks.UrlFor(receipt.MobileCode, _t.Code, Navigation.BaseUri);
        return new MobileLink(url, Mobile.MobileTicketLinks.QrPngDataUri(url));
    }

    private void ChooseLanguage(string code)
    {
        _language = code;
        if (_receipt is not null)
        {
            // The phone opens in the language now on the screen.
            _mobile = MobileLinkFor(_receipt);
        }
        if (_screen == KioskScreen.Start)
        {
            ScheduleReturn(code == KioskTexts.DefaultLanguage ? null : LanguageIdleAfter);
        }
        else
        {
            ScheduleReturn(ReturnAfter);
        }
    }

    /// <summary>Back to the start screen in Swedish, for the next visitor.</summary>
    private void ReturnToStart()
    {
        CancelReturn();
        _receipt = null;
        _mobile = null;
        _retryService = null;
        _language = KioskTexts.DefaultLanguage;
        _screen = KioskScreen.Start;
        _nextOpening = null;
        if (_view is { IsOpen: false })
        {
            _screen = KioskScreen.Closed;
            _nextOpening = _view.NextOpening;
        }
    }

    private void ScheduleReturn(TimeSpan? after)
    {
        CancelReturn();
        if (after is null || _disposed)
        {
            return;
        }

        var timer = _returnTimer = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        _ = ReturnLaterAsync(after.Value, timer);
    }

    private async Task ReturnLaterAsync(TimeSpan after, CancellationTokenSource timer)
    {
        try
        {
            await Task.Delay(after, timer.Token);
            await InvokeAsync(() =>
            {
                if (ReferenceEquals(_returnTimer, timer))
                {
                    ReturnToStart();
                    StateHasChanged();
                }
            });
        }
        catch (OperationCanceledException)
        {
            // Cancelled by a newer timer, a tap or disposal.
        }
    }

    private void CancelReturn()
    {
        var timer = _returnTimer;
        _returnTimer = null;
        if (timer is not null)
        {
            timer.Cancel();
            timer.Dispose();
        }
    }

    /// <summary>The rate limit counts tickets per kiosk: the client's address, or this circuit when it is unknown.</summary>
    private string KioskKey()
    {
        var address = ServiceProvider.GetService<IHttpContextAccessor>()?.HttpContext?.Connection.RemoteIpAddress;
        return address is null ? "circuit:" + Guid.NewGuid().ToString("N") : "ip:" + address;
    }

    /// <summary>"3 väntar · cirka 15 min" (without the estimate when there is none).</summary>
    private string StatusText(ServiceQueueStatus service) =>
        _t.EstimateShort(service.EstimatedMinutes) is { } estimate ? $"{_t.Waiting(service.Waiting)} · {estimate}" : _t.Waiting(service.Waiting);

    private static int ColorIndex(char prefix) => (char.ToUpperInvariant(prefix) - 'A') % Colors;

    /// <summary>Columns so that every button fits without scrolling: a column in portrait, up to three across in landscape.</summary>
    private static string GridStyle(int count)
    {
        var landscape = count switch { <= 3 => Math.Max(count, 1), 4 => 2, _ => 3 };
        var portrait = count <= 4 ? 1 : 2;
        return string.Create(CultureInfo.InvariantCulture, $"--kiosk-cols-landscape:{landscape};--kiosk-cols-portrait:{portrait}");
    }

    protected override void Dispose(bool disposing)
    {
        // Unsubscribe first, so no event arrives after the token is gone.
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            CancelReturn();
            _lifetime.Cancel();
            _lifetime.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kiosk of {Office} could not load its services")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string office);

    [LoggerMessage(Level = LogLevel.Error, Message = "The kiosk of {Office} could not issue a ticket for service {ServiceLineId}")]
    private static partial void LogTicketFailed(ILogger logger, Exception exception, string office, int serviceLineId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kiosk of {Office} could not issue a ticket for service {ServiceLineId}: the database was busy (nothing stored; the visitor is asked to try again)")]
    private static partial void LogTicketBusy(ILogger logger, Exception exception, string office, int serviceLineId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The kiosk of {Office} could not open the print dialog")]
    private static partial void LogPrintFailed(ILogger logger, Exception exception, string office);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The kiosk of {Office} could not read its device token; it is limited by its address")]
    private static partial void LogDeviceTokenUnread(ILogger logger, Exception exception, string office);
}
