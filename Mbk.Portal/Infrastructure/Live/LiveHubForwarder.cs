using Microsoft.AspNetCore.SignalR;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>Forwards every published office event to that office's SignalR group.</summary>
public sealed class LiveHubForwarder(ILiveEventBus bus, IHubContext<LiveHub> hub) : IHostedService, IDisposable
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = bus.SubscribeAll(e =>
            hub.Clients.Group(LiveHub.OfficeGroup(e.OfficeId)).SendAsync(e.Topic, e, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _subscription = null;
    }
}
