using Mbk.Domain.Common;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.AspNetCore.Components;

namespace Mbk.Portal.Components;

/// <summary>
/// Base for components that follow an office live: subscribe with <see cref="Listen"/>, and the subscription is
/// removed when the component is disposed, so closed screens leave nothing behind.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private ITimer? _refreshTimer;

    [Inject]
    private ILiveEventBus LiveEvents { get; set; } = default!;

    /// <summary>Follows one office; the handler runs on the component's dispatcher, then the component re-renders.</summary>
    protected void Listen(int officeId, Func<IOfficeEvent, Task> onEvent)
    {
        _subscription?.Dispose();
        _subscription = LiveEvents.Subscribe(officeId, e => InvokeAsync(async () =>
        {
            await onEvent(e);
            StateHasChanged();
        }));
    }

    /// <summary>
    /// Reloads on a timer as well (for figures that change with the clock, like waiting times); the component
    /// re-renders after each reload and the timer stops when the component is disposed.
    /// </summary>
    protected void RefreshEvery(TimeProvider clock, TimeSpan interval, Func<Task> reload)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _refreshTimer?.Dispose();
        _refreshTimer = clock.CreateTimer(_ => _ = InvokeAsync(async () =>
        {
            await reload();
            StateHasChanged();
        }), null, interval, interval);
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription?.Dispose();
            _subscription = null;
            _refreshTimer?.Dispose();
            _refreshTimer = null;
        }
    }
}
