using Mbk.Domain.Common;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Components;

/// <summary>
/// Base for components that follow an office live, and the one way they refresh: from the office's events
/// (<see cref="Listen"/>), from a shared read model (<see cref="Follow"/>) or on a timer
/// (<see cref="RefreshEvery"/>). Each source is coalesced: a component still handling the previous change handles the
/// changes that arrived meanwhile in one more pass and renders once, and nothing that publishes or ticks waits for it.
/// Subscriptions and timers end when the component is disposed, so closed screens leave nothing behind.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _live = [];
    private IDisposable? _subscription;
    private IDisposable? _followed;
    private ITimer? _refreshTimer;
    private bool _liveDisposed;

    [Inject]
    private ILiveEventBus LiveEvents { get; set; } = default!;

    [Inject]
    private ILoggerFactory LoggerFactory { get; set; } = default!;

    /// <summary>
    /// Follows the events of one office that <paramref name="caresAbout"/> selects; <paramref name="onChanges"/> runs on
    /// the component's dispatcher with the events that arrived since its last run (coalesced), then the component re-renders.
    /// </summary>
    protected void Listen(int officeId, Func<IOfficeEvent, bool> caresAbout, Func<IReadOnlyList<IOfficeEvent>, Task> onChanges)
    {
        ArgumentNullException.ThrowIfNull(caresAbout);
        var runner = Runner(onChanges);
        Replace(ref _subscription, LiveEvents.Subscribe(officeId, e =>
        {
            if (caresAbout(e))
            {
                runner.Request(e);
            }

            return Task.CompletedTask;
        }));
    }

    /// <summary>
    /// Follows a shared read model of one office: <paramref name="onChanged"/> runs on the component's dispatcher after
    /// the office's picture has been recomputed (with the events behind it; empty for a timed refresh), coalesced, then
    /// the component re-renders. It should read the picture with <see cref="OfficeReadModel{T}.GetAsync"/>, which is shared.
    /// </summary>
    protected void Follow<T>(OfficeReadModel<T> readModel, int officeId, Func<IReadOnlyList<IOfficeEvent>, Task> onChanged)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(readModel);
        ArgumentNullException.ThrowIfNull(onChanged);
        var runner = Runner<IOfficeEvent?>(batch => onChanged(batch.OfType<IOfficeEvent>().ToList()));
        Replace(ref _followed, readModel.Watch(officeId, events =>
        {
            // The returned task ends when this screen has re-rendered, so the read model can pace its screens.
            if (events.Count == 0)
            {
                return runner.RequestAsync(null);
            }

            var handled = Task.CompletedTask;
            foreach (var officeEvent in events)
            {
                handled = runner.RequestAsync(officeEvent);
            }

            return handled;
        }));
    }

    /// <summary>
    /// Reloads on a timer as well (for figures that change with the clock, like waiting times); the component
    /// re-renders after each reload, a tick that comes while the previous reload still runs is folded into one more,
    /// and the timer stops when the component is disposed.
    /// </summary>
    protected void RefreshEvery(TimeProvider clock, TimeSpan interval, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(reload);
        var runner = Runner<IOfficeEvent?>(_ => reload());
        _refreshTimer?.Dispose();
        _refreshTimer = clock.CreateTimer(_ => runner.Request(null), null, interval, interval);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_liveDisposed)
        {
            _liveDisposed = true;
            _subscription?.Dispose();
            _subscription = null;
            _followed?.Dispose();
            _followed = null;
            _refreshTimer?.Dispose();
            _refreshTimer = null;
            foreach (var runner in _live)
            {
                runner.Dispose();
            }

            _live.Clear();
        }
    }

    private CoalescingRunner<TItem> Runner<TItem>(Func<IReadOnlyList<TItem>, Task> onChanges)
    {
        ArgumentNullException.ThrowIfNull(onChanges);
        var runner = new CoalescingRunner<TItem>(
            batch => InvokeAsync(async () =>
            {
                if (_liveDisposed)
                {
                    return;
                }

                await onChanges(batch);
                StateHasChanged();
            }),
            LoggerFactory.CreateLogger(GetType()));
        _live.Add(runner);
        return runner;
    }

    private static void Replace(ref IDisposable? field, IDisposable next)
    {
        field?.Dispose();
        field = next;
    }
}
