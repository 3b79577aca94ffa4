using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Mbk.Portal.Features.Queue.Counter;

/// <summary>
/// Listens for the counter's single-key shortcuts (N, R, P, U, K) in the browser through wwwroot/js/counter.js and
/// reports the pressed key. Renders nothing; removes the browser listener when disposed.
/// </summary>
public sealed class CounterShortcuts : ComponentBase, IAsyncDisposable
{
    private IJSObjectReference? _module;
    private DotNetObjectReference<CounterShortcuts>? _reference;
    private int? _registration;
    private bool _disposed;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>Called with the pressed key in lower case: "n", "r", "p", "u" or "k".</summary>
    [Parameter, EditorRequired]
    public EventCallback<string> OnKey { get; set; }

    /// <summary>Called from the browser when a shortcut key is pressed outside text fields.</summary>
    [JSInvokable("OnShortcut")]
    public Task HandleShortcutAsync(string key) => InvokeAsync(() => OnKey.InvokeAsync(key));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _reference = DotNetObjectReference.Create(this);
            _module = await JS.InvokeAsync<IJSObjectReference>("import", "./js/counter.js");
            if (_module is not null && !_disposed)
            {
                _registration = await _module.InvokeAsync<int>("register", _reference);
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser went away while the counter was opening; nothing to listen to.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            if (_module is not null)
            {
                if (_registration is { } registration)
                {
                    await _module.InvokeVoidAsync("unregister", registration);
                }

                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the browser's listener with it.
        }

        _module = null;
        _reference?.Dispose();
        _reference = null;
    }
}
