using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using Mbk.Domain.Common;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>
/// Delivers events to subscribers in this process without making the publisher wait for them.
/// <para>
/// <see cref="PublishAsync"/> hands the event to its office's delivery pump (a bounded channel with one reader) and
/// returns. The pump copies each event, in order, into every subscriber's own mailbox; each mailbox is drained by its
/// own delivery loop, so a slow, failing or dead subscriber delays only itself. A mailbox holds at most
/// <see cref="MailboxCapacity"/> events: when a subscriber falls that far behind, its oldest events are dropped (and
/// logged) rather than held forever.
/// </para>
/// </summary>
public sealed partial class InProcessLiveEventBus(ILogger<InProcessLiveEventBus> logger) : ILiveEventBus, IDisposable
{
    /// <summary>Events an office's pump buffers before a publisher waits for it (the pump never waits for subscribers).</summary>
    public const int PumpCapacity = 4096;

    /// <summary>Events one subscriber may have waiting before its oldest are dropped.</summary>
    public const int MailboxCapacity = 256;

    private const int AllOffices = -1;
    private readonly ILogger _logger = logger;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<int, OfficePump> _pumps = new();
    private readonly CancellationTokenSource _stopping = new();
    private ImmutableDictionary<int, ImmutableList<Subscription>> _subscriptions =
        ImmutableDictionary<int, ImmutableList<Subscription>>.Empty;

    // Events published but not yet handled (or dropped) by every subscriber: lets tests wait for quiet.
    private long _undelivered;

    public int SubscriberCount(int officeId)
    {
        var current = _subscriptions;
        return current.TryGetValue(officeId, out var list) ? list.Count : 0;
    }

    public Task PublishAsync(IOfficeEvent officeEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officeEvent);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
        var pump = _pumps.GetOrAdd(officeEvent.OfficeId, static (officeId, bus) => new OfficePump(bus, officeId), this);
        Interlocked.Increment(ref _undelivered);
        if (pump.Writer.TryWrite(officeEvent))
        {
            return Task.CompletedTask;
        }

        return WriteWhenRoomAsync(pump, officeEvent, cancellationToken);
    }

    public IDisposable Subscribe(int officeId, Func<IOfficeEvent, Task> handler)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(officeId);
        return Add(officeId, handler);
    }

    public IDisposable SubscribeAll(Func<IOfficeEvent, Task> handler) => Add(AllOffices, handler);

    /// <summary>
    /// Completes once every event published so far has been handled or dropped by every subscriber. For tests and
    /// shutdown; a subscriber that never completes keeps this from completing until <paramref name="cancellationToken"/>.
    /// </summary>
    public async Task WhenDeliveredAsync(CancellationToken cancellationToken = default)
    {
        while (Interlocked.Read(ref _undelivered) > 0)
        {
            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        _stopping.Cancel();
        foreach (var pump in _pumps.Values)
        {
            pump.Writer.TryComplete();
        }

        _stopping.Dispose();
    }

    private async Task WriteWhenRoomAsync(OfficePump pump, IOfficeEvent officeEvent, CancellationToken cancellationToken)
    {
        try
        {
            await pump.Writer.WriteAsync(officeEvent, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Interlocked.Decrement(ref _undelivered);
            throw;
        }
    }

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

    /// <summary>Runs on the pump: copies the event into each subscriber's mailbox and never waits for one.</summary>
    private void FanOut(IOfficeEvent officeEvent)
    {
        var current = _subscriptions;
        if (current.TryGetValue(officeEvent.OfficeId, out var forOffice))
        {
            foreach (var subscription in forOffice)
            {
                subscription.Post(officeEvent);
            }
        }

        if (current.TryGetValue(AllOffices, out var forAll))
        {
            foreach (var subscription in forAll)
            {
                subscription.Post(officeEvent);
            }
        }

        Interlocked.Decrement(ref _undelivered);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber failed to handle {Topic} for office {OfficeId}")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception, string topic, int officeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live subscriber is too slow: dropped {Topic} for office {OfficeId}")]
    private static partial void LogEventDropped(ILogger logger, string topic, int officeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The live delivery pump of office {OfficeId} stopped")]
    private static partial void LogPumpStopped(ILogger logger, Exception exception, int officeId);

    /// <summary>One office's ordered queue of published events, read by one loop.</summary>
    private sealed class OfficePump
    {
        private readonly Channel<IOfficeEvent> _channel = Channel.CreateBounded<IOfficeEvent>(new BoundedChannelOptions(PumpCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        public OfficePump(InProcessLiveEventBus bus, int officeId)
        {
            _ = Task.Run(() => RunAsync(bus, officeId));
        }

        public ChannelWriter<IOfficeEvent> Writer => _channel.Writer;

        private async Task RunAsync(InProcessLiveEventBus bus, int officeId)
        {
            try
            {
                await foreach (var officeEvent in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
                {
                    bus.FanOut(officeEvent);
                }
            }
#pragma warning disable CA1031 // FanOut only posts to mailboxes; anything escaping it is a bug worth an error in the log.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPumpStopped(bus._logger, ex, officeId);
            }
        }
    }

    /// <summary>A subscriber's mailbox and its delivery loop, which runs only while the mailbox has events.</summary>
    private sealed class Subscription : IDisposable
    {
        private readonly InProcessLiveEventBus _bus;
        private readonly Channel<IOfficeEvent> _mailbox;
        private int _delivering;
        private int _disposed;

        public Subscription(InProcessLiveEventBus bus, int key, Func<IOfficeEvent, Task> handler)
        {
            _bus = bus;
            Key = key;
            Handler = handler;
            _mailbox = Channel.CreateBounded<IOfficeEvent>(
                new BoundedChannelOptions(MailboxCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropOldest },
                dropped =>
                {
                    LogEventDropped(bus._logger, dropped.Topic, dropped.OfficeId);
                    Interlocked.Decrement(ref bus._undelivered);
                });
        }

        public int Key { get; }

        public Func<IOfficeEvent, Task> Handler { get; }

        public void Post(IOfficeEvent officeEvent)
        {
            if (Volatile.Read(ref _disposed) == 1)
            {
                return;
            }

            Interlocked.Increment(ref _bus._undelivered);
            if (!_mailbox.Writer.TryWrite(officeEvent))
            {
                // Completed by Dispose in the meantime.
                Interlocked.Decrement(ref _bus._undelivered);
                return;
            }

            if (Interlocked.CompareExchange(ref _delivering, 1, 0) == 0)
            {
                _ = Task.Run(DeliverAsync);
            }
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _bus.Remove(this);
                _mailbox.Writer.TryComplete();
                while (_mailbox.Reader.TryRead(out _))
                {
                    Interlocked.Decrement(ref _bus._undelivered);
                }
            }
        }

        private async Task DeliverAsync()
        {
            while (true)
            {
                while (_mailbox.Reader.TryRead(out var officeEvent))
                {
                    try
                    {
                        if (Volatile.Read(ref _disposed) == 0)
                        {
                            await Handler(officeEvent).ConfigureAwait(false);
                        }
                    }
#pragma warning disable CA1031 // One broken screen must not stop the event reaching the others; the failure is logged.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        LogSubscriberFailed(_bus._logger, ex, officeEvent.Topic, officeEvent.OfficeId);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _bus._undelivered);
                    }
                }

                Volatile.Write(ref _delivering, 0);
                // An event posted between the last TryRead and the reset above would otherwise wait for the next one.
                if (!_mailbox.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _delivering, 1, 0) != 0)
                {
                    return;
                }
            }
        }
    }
}
