using Mbk.Domain.Common;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>
/// The one live-update path: saved changes are published here once, per office (after the commit, by the
/// OfficeEventDispatcher); shared read models, Blazor components and the
/// SignalR hub forwarder subscribe. The in-process implementation serves one portal instance; a multi-server
/// implementation can replace it behind this interface.
/// </summary>
public interface ILiveEventBus
{
    /// <summary>
    /// Hands the event over for delivery and returns without waiting for any subscriber: a write never waits for
    /// screens. Events of one office reach each subscriber in the order they were published.
    /// </summary>
    Task PublishAsync(IOfficeEvent officeEvent, CancellationToken cancellationToken = default);

    /// <summary>
    /// Receives the events of one office until the returned handle is disposed. Each subscriber has its own delivery,
    /// so a slow or dead handler delays only itself.
    /// </summary>
    IDisposable Subscribe(int officeId, Func<IOfficeEvent, Task> handler);

    /// <summary>Receives the events of every office (used by the hub forwarder).</summary>
    IDisposable SubscribeAll(Func<IOfficeEvent, Task> handler);
}
