using Mbk.Domain.Common;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>
/// The one live-update path: saved changes are published here once, per office; Blazor components and the
/// SignalR hub forwarder subscribe. The in-process implementation serves one portal instance; a multi-server
/// implementation can replace it behind this interface.
/// </summary>
public interface ILiveEventBus
{
    Task PublishAsync(IOfficeEvent officeEvent, CancellationToken cancellationToken = default);

    /// <summary>Receives the events of one office until the returned handle is disposed.</summary>
    IDisposable Subscribe(int officeId, Func<IOfficeEvent, Task> handler);

    /// <summary>Receives the events of every office (used by the hub forwarder).</summary>
    IDisposable SubscribeAll(Func<IOfficeEvent, Task> handler);
}
