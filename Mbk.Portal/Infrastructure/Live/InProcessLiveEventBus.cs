using System.Collections.Immutable;
using Mbk.Domain.Common;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>Delivers events to subscribers in this process. A failing subscriber is logged and never blocks the others.</summary>
public sealed partial class InProcessLiveEventBus(ILogger<InProcessLiveEventBus> logger) : ILiveEventBus
{
    private const int AllOffices = -1;
    private readonly Lock _gate = new();
    private ImmutableDictionary<int, ImmutableList<Subscription>> _subscriptions =
        ImmutableDictionary<int, ImmutableList<Subscription>>.Empty;

    public int SubscriberCount(int officeId)
    {
        var current = _subscriptions;
        return current.TryGetValue(officeId, out var list) ? list.Count : 0;
    }

    public Task PublishAsync(IOfficeEvent officeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officeEvent);
        var current = _subscriptions;
        var targets = new List<Subscription>();
        if (current.TryGetValue(officeEvent.OfficeId, out var forOffice))
        {
            targets.AddRange(forOffice);
        }

        if (current.TryGetValue(AllOffices, out var forAll))
        {
            targets.AddRange(forAll);
        }

        return targets.Count == 0
            ? Task.CompletedTask
            : Task.WhenAll(targets.Select(s => DeliverAsync(s, officeEvent)));
    }

    public IDisposable Subscribe(int officeId, Func<IOfficeEvent, Task> handler)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(officeId);
        return Add(officeId, handler);
    }

    public IDisposable SubscribeAll(Func<IOfficeEvent, Task> handler) => Add(AllOffices, handler);

    private Subscription Add(int key, Func<IOfficeEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, key, handler);
        lock (_gate)
        {
            var list = _subscriptions.TryGetValue(key, out var existing) ? existing : [];
            _subscriptions = _subscriptions.SetItem(key, list.Add(subscription));
        }

        return subscription;
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_subscriptions.TryGetValue(subscription.Key, out var list))
            {
                return;
            }

            var remaining = list.Remove(subscription);
            _subscriptions = remaining.IsEmpty
                ? _subscriptions.Remove(subscription.Key)
                : _subscriptions.SetItem(subscription.Key, remaining);
        }
    }

    private async Task DeliverAsync(Subscription subscription, IOfficeEvent officeEvent)
    {
        try
        {
            await subscription.Handler(officeEvent).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // One broken screen must not stop the event reaching the others; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogSubscriberFailed(logger, ex, officeEvent.Topic, officeEvent.OfficeId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber failed to handle {Topic} for office {OfficeId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string topic, int officeId);

    private sealed class Subscription(InProcessLiveEventBus bus, int key, Func<IOfficeEvent, Task> handler) : IDisposable
    {
        private int _disposed;

        public int Key { get; } = key;

        public Func<IOfficeEvent, Task> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                bus.Remove(this);
            }
        }
    }
}
