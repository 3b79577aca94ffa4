using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Almanac.PartnerVisits;
using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Features.Queue.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Mbk.Portal.Features.Queue.Display;

/// <summary>
/// The waiting-room display. It shows the office's shared <see cref="DisplayReadModel"/> picture (computed once per
/// change for every display of the office) and never queries the database itself; the read model's minute tick moves
/// the clock and the estimates. A call is announced (chime, speech) by rendering it into a hidden list that
/// <c>display.js</c> watches, not by a JS call per screen: a call costs each screen one render batch and nothing else,
/// and a display whose browser is gone or never answers holds nothing but its own circuit. The browser reports back
/// only when sound starts or stops working (<see cref="OnSoundChanged"/>), which shows or hides "Aktivera ljud".
/// </summary>
public sealed partial class DisplayPage
{
    /// <summary>How long a sound call may take before it is given up (the browser answers in milliseconds).</summary>
    internal static readonly TimeSpan JsTimeout = TimeSpan.FromSeconds(3);

    /// <summary>How many of the latest calls stay in the rendered announcement list (a burst plays them in order).</summary>
    internal const int AnnouncementsKept = 5;

    private const int Colors = 6;
    private readonly List<DisplayAnnouncement> _announcements = [];
    private long _announcementSequence;
    private ElementReference _announcementList;
    private DotNetObjectReference<DisplayPage>? _self;
    private readonly CancellationTokenSource _lifetime = new();
    private IReadOnlyList<TodaysPartnerVisit> _visits = [];
    private DisplayView? _view;
    private bool _notFound;
    private int? _officeId;
    private int? _followed;
    private DateTimeOffset _now;
    private IJSObjectReference? _module;
    private bool _soundButtonVisible;
    private bool _disposed;

    [Inject]
    private DisplayReadModel Board { get; set; } = default!;

    [Inject]
    private DisplayTexts Texts { get; set; } = default!;

    /// <summary>For the English names of the standard services.</summary>
    [Inject]
    private KioskTexts KioskTexts { get; set; } = default!;

    [Inject]
    private OfficeSlugs Slugs { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ILogger<DisplayPage> Logger { get; set; } = default!;

    /// <summary>The office's slug.</summary>
    [Parameter]
    public string Office { get; set; } = string.Empty;

    /// <summary><c>?speech=0</c> turns the spoken announcement off (the chime stays).</summary>
    [SupplyParameterFromQuery(Name = "speech")]
    public string? Speech { get; set; }

    private bool SpeechOn => Speech != "0";

    protected override void OnInitialized()
    {
        _now = OfficeTime.Local(Clock.GetUtcNow());
    }

    protected override async Task OnParametersSetAsync()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            _officeId = await Slugs.FindOfficeIdAsync(Office, _lifetime.Token);
            if (_officeId is not { } officeId)
            {
                Show(null);
                return;
            }

            if (_followed != officeId)
            {
                _followed = officeId;
                Follow(Board, officeId, OnBoardChangedAsync);
            }

            await ShowLatestAsync();
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed while loading.
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep showing the last picture (or the empty screen); the next change or minute tries again.
            LogLoadFailed(Logger, ex, Office);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || _disposed)
        {
            return;
        }

        try
        {
            using var timeout = JsCallToken();
            _module = await JS.InvokeAsync<IJSObjectReference>("import", timeout.Token, "./js/display.js");
            _self ??= DotNetObjectReference.Create(this);
            var unlocked = _module is not null && await _module.InvokeAsync<bool>("start", timeout.Token, _announcementList, _self);
            _soundButtonVisible = !unlocked;
            StateHasChanged();
        }
        catch (Exception ex) when (IsInteropFailure(ex))
        {
            LogSoundModuleFailed(Logger, ex, Office);
        }
    }

    /// <summary>Runs on the dispatcher after the shared picture changed (coalesced: events is everything since the last run).</summary>
    private async Task OnBoardChangedAsync(IReadOnlyList<IOfficeEvent> events)
    {
        if (_disposed)
        {
            return;
        }

        await ShowLatestAsync();
        foreach (var called in events.OfType<TicketCalled>())
        {
            Announce(called);
        }
    }

    private async Task ShowLatestAsync()
    {
        if (_officeId is not { } officeId)
        {
            return;
        }

        var snapshot = await Board.GetAsync(officeId, _lifetime.Token);
        Show(snapshot.Value);
    }

    private void Show(DisplayScreen? screen)
    {
        _now = OfficeTime.Local(Clock.GetUtcNow());
        _view = screen?.View;
        _visits = screen?.Visits ?? [];
        _notFound = screen is null;
    }

    /// <summary>
    /// Adds a call to the rendered announcement list (chime, and speech unless <c>?speech=0</c>); display.js plays it
    /// when the render arrives. Nothing waits for the browser.
    /// </summary>
    private void Announce(TicketCalled called)
    {
        var text = SpeechOn ? Texts.Announcement(called.DisplayNumber, PlaceOf(called)) : string.Empty;
        _announcements.Add(new DisplayAnnouncement(++_announcementSequence, text));
        if (_announcements.Count > AnnouncementsKept)
        {
            _announcements.RemoveRange(0, _announcements.Count - AnnouncementsKept);
        }
    }

    /// <summary>The browser says sound started or stopped working (autoplay blocked, or unlocked by a tap).</summary>
    [JSInvokable]
    public Task OnSoundChanged(bool playing) => InvokeAsync(() =>
    {
        if (!_disposed && _soundButtonVisible == playing)
        {
            _soundButtonVisible = !playing;
            StateHasChanged();
        }
    });

    /// <summary>The place a call went to, from the current picture (the event carries only the place's id).</summary>
    private string? PlaceOf(TicketCalled called)
    {
        if (_view is null)
        {
            return null;
        }

        if (_view.Current?.TicketId == called.TicketId)
        {
            return _view.Current.PlaceName;
        }

        return _view.Recent.FirstOrDefault(c => c.TicketId == called.TicketId)?.PlaceName;
    }

    private async Task UnlockAudioAsync()
    {
        if (_module is null || _disposed)
        {
            return;
        }

        try
        {
            using var timeout = JsCallToken();
            var unlocked = await _module.InvokeAsync<bool>("unlock", timeout.Token);
            _soundButtonVisible = !unlocked;
            if (unlocked)
            {
                await _module.InvokeAsync<bool>("chime", timeout.Token);
            }
        }
        catch (Exception ex) when (IsInteropFailure(ex))
        {
            LogUnlockFailed(Logger, ex, Office);
        }
    }

    private CancellationTokenSource JsCallToken()
    {
        var timeout = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
        timeout.CancelAfter(JsTimeout);
        return timeout;
    }

    private static bool IsInteropFailure(Exception ex) =>
        ex is JSException or JSDisconnectedException or TaskCanceledException or OperationCanceledException or InvalidOperationException or ObjectDisposedException;

    /// <summary>Long place names ("Informationsdisken") get a smaller size so they stay on one line.</summary>
    private static string PlaceSize(string placeName) => placeName.Length switch
    {
        <= 10 => string.Empty,
        <= 20 => "display-long",
        _ => "display-very-long",
    };

    /// <summary>A word longer than this does not fit a card's width at the normal size (five cards at 1920 px).</summary>
    private const int LongWord = 16;

    private static bool HasLongWord(string name) =>
        name.Split([' ', '/', '-'], StringSplitOptions.RemoveEmptyEntries).Any(word => word.Length > LongWord);

    private static int ColorIndex(char prefix) => (char.ToUpperInvariant(prefix) - 'A') % Colors;

    /// <summary>"Idag 13–16: Skatteverket" (minutes only when not on the hour; no times for an all-day visit).</summary>
    private string VisitTextSv(TodaysPartnerVisit visit) => $"{Sv.PartnerVisitToday(Hours(visit))}: {visit.Title}";

    private string VisitTextEn(TodaysPartnerVisit visit) => $"/ {En.PartnerVisitToday(Hours(visit))}";

    private DisplayStrings Sv => Texts.Swedish;

    private DisplayStrings En => Texts.English;

    private static string Hours(TodaysPartnerVisit visit) =>
        visit.StartTime is { } start && visit.EndTime is { } end ? $" {TimeText(start)}–{TimeText(end)}" : string.Empty;

    private static string TimeText(TimeOnly time) => time.ToString(time.Minute == 0 ? "HH" : "HH:mm", CultureInfo.InvariantCulture);

    protected override void Dispose(bool disposing)
    {
        // Unfollow first, so no change arrives after the token is gone.
        base.Dispose(disposing);
        if (disposing && !_disposed)
        {
            _disposed = true;
            _lifetime.Cancel();
            _lifetime.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        var module = _module;
        _module = null;
        Dispose();
        _self?.Dispose();
        _self = null;
        if (module is not null)
        {
            try
            {
                await module.DisposeAsync();
            }
            catch (Exception ex) when (IsInteropFailure(ex))
            {
                LogReleaseFailed(Logger, ex, Office);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The display of {Office} could not load the queue")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception, string office);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The display of {Office} could not load its sound module")]
    private static partial void LogSoundModuleFailed(ILogger logger, Exception exception, string office);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The display of {Office} could not unlock audio")]
    private static partial void LogUnlockFailed(ILogger logger, Exception exception, string office);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The display of {Office} could not release its sound module")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string office);
}

/// <summary>A call for display.js to announce; <paramref name="Text"/> is empty for the chime alone.</summary>
internal sealed record DisplayAnnouncement(long Sequence, string Text);
