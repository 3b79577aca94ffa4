using System.Collections.Concurrent;
using System.Collections.Immutable;
using Mbk.Domain.Common;

namespace Mbk.Portal.Infrastructure.Live;

/// <summary>One computed, immutable picture of an office, shared by every screen of that office.</summary>
/// <param name="Value">The picture; null when the office does not exist (any more).</param>
/// <param name="Version">Grows with each change the picture reflects.</param>
/// <param name="ComputedAt">When it was computed.</param>
public sealed record OfficeSnapshot<T>(T? Value, long Version, DateTimeOffset ComputedAt)
    where T : class;

/// <summary>
/// A read model of an office that is computed once per change and shared, immutable, by every circuit of the office:
/// it follows the office on the <see cref="ILiveEventBus"/> (bus → read model → screens), recomputes once when a
/// change it cares about arrives (changes arriving while it computes are coalesced into one more computation), and then
/// tells its watchers, which re-render from <see cref="GetAsync"/> without touching the database. While watched, it is
/// also recomputed every <see cref="Period"/> (on the period's boundary), for figures that change with the clock alone.
/// </summary>
public abstract partial class OfficeReadModel<T> : IDisposable
    where T : class
{
    private readonly ConcurrentDictionary<int, Entry> _entries = new();
    private readonly ILiveEventBus _bus;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private int _disposed;

    protected OfficeReadModel(ILiveEventBus bus, TimeProvider clock, ILogger logger)
    {
        _bus = bus;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>How often a watched picture is recomputed without a change (and the longest a cached one is served).</summary>
    protected virtual TimeSpan Period => TimeSpan.FromMinutes(1);

    /// <summary>Returns the office's current picture, computing it only if no fresh one exists (one computation at a time).</summary>
    public Task<OfficeSnapshot<T>> GetAsync(int officeId, CancellationToken cancellationToken = default) =>
        EntryFor(officeId).GetAsync(cancellationToken);

    /// <summary>
    /// Calls <paramref name="changed"/> (with the events behind it; empty for a timed refresh) each time the office's
    /// picture has been recomputed, until the returned handle is disposed. The callback must not block.
    /// </summary>
    public IDisposable Watch(int officeId, Action<IReadOnlyList<IOfficeEvent>> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return Watch(officeId, events =>
        {
            changed(events);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// As <see cref="Watch(int, Action{IReadOnlyList{IOfficeEvent}})"/>, for a watcher that says when it has handled the
    /// change (a screen: when it has rendered). Watchers are told in slices of <see cref="ReadModelPacing.Slice"/>, each awaited
    /// for at most <see cref="ReadModelPacing.SliceWait"/>: a thousand screens then share the processors with everything else
    /// (the counter that made the change first of all) instead of flooding the thread pool's queue at once, and a slow
    /// screen holds the others for at most that wait.
    /// </summary>
    public IDisposable Watch(int officeId, Func<IReadOnlyList<IOfficeEvent>, Task> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        return EntryFor(officeId).AddWatcher(changed);
    }



    public int WatcherCount(int officeId) => _entries.TryGetValue(officeId, out var entry) ? entry.Watchers : 0;

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var entry in _entries.Values)
            {
                entry.Dispose();
            }

            _entries.Clear();
        }
    }

    /// <summary>Whether an event of the office changes this picture.</summary>
    protected abstract bool IsAffectedBy(IOfficeEvent officeEvent);

    /// <summary>Computes the picture from the database; null when the office does not exist.</summary>
    protected abstract Task<T?> ComputeAsync(int officeId, CancellationToken cancellationToken);

    private Entry EntryFor(int officeId)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        return _entries.GetOrAdd(officeId, static (id, model) => new Entry(model, id), this);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A watcher of a live read model failed to take a change")]
    private static partial void LogWatcherFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The read model {Model} of office {OfficeId} could not be computed")]
    private static partial void LogComputeFailed(ILogger logger, Exception exception, string model, int officeId);

    /// <summary>One office: its latest snapshot, the computation under way and its watchers.</summary>
    private sealed class Entry : IDisposable
    {
        private readonly OfficeReadModel<T> _model;
        private readonly int _officeId;
        private readonly Lock _gate = new();
        private readonly IDisposable _subscription;
        private readonly CoalescingRunner<IOfficeEvent?> _recompute;
        private ImmutableList<Watcher> _watchers = [];
        private ITimer? _timer;
        private OfficeSnapshot<T>? _snapshot;
        private Task<OfficeSnapshot<T>>? _computing;
        private long _computingVersion = -1;
        private long _version;

        public Entry(OfficeReadModel<T> model, int officeId)
        {
            _model = model;
            _officeId = officeId;
            _recompute = new CoalescingRunner<IOfficeEvent?>(RecomputeAndNotifyAsync, model._logger);
            _subscription = model._bus.Subscribe(officeId, OnEvent);
        }

        public int Watchers => _watchers.Count;

        public Task<OfficeSnapshot<T>> GetAsync(CancellationToken cancellationToken)
        {
            Task<OfficeSnapshot<T>> computing;
            lock (_gate)
            {
                if (_snapshot is { } snapshot && snapshot.Version == _version
                    && _model._clock.GetUtcNow() - snapshot.ComputedAt < _model.Period)
                {
                    return Task.FromResult(snapshot);
                }

                if (_computing is null || _computingVersion != _version)
                {
                    _computingVersion = _version;
                    _computing = ComputeAsync(_version);
                }

                computing = _computing;
            }

            return computing.WaitAsync(cancellationToken);
        }

        public IDisposable AddWatcher(Func<IReadOnlyList<IOfficeEvent>, Task> changed)
        {
            var watcher = new Watcher(this, changed);
            lock (_gate)
            {
                _watchers = _watchers.Add(watcher);
                _timer ??= _model._clock.CreateTimer(_ => _recompute.Request(null), null, UntilNextPeriod(), Timeout.InfiniteTimeSpan);
            }

            return watcher;
        }

        public void Dispose()
        {
            _subscription.Dispose();
            _recompute.Dispose();
            lock (_gate)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }

        private void RemoveWatcher(Watcher watcher)
        {
            lock (_gate)
            {
                _watchers = _watchers.Remove(watcher);
                if (_watchers.IsEmpty)
                {
                    _timer?.Dispose();
                    _timer = null;
                }
            }
        }

        private Task OnEvent(IOfficeEvent officeEvent)
        {
            if (!_model.IsAffectedBy(officeEvent))
            {
                return Task.CompletedTask;
            }

            lock (_gate)
            {
                _version++;
            }

            // Unwatched: the next read computes. Watched: compute now, once for however many events arrive meanwhile.
            if (!_watchers.IsEmpty)
            {
                _recompute.Request(officeEvent);
            }

            return Task.CompletedTask;
        }

        private async Task RecomputeAndNotifyAsync(IReadOnlyList<IOfficeEvent?> requests)
        {
            var timed = requests.Any(r => r is null);
            if (timed)
            {
                lock (_gate)
                {
                    // The clock moved on: the same version must be computed again.
                    _version++;
                    _timer?.Change(UntilNextPeriod(), Timeout.InfiniteTimeSpan);
                }
            }

            await GetAsync(CancellationToken.None).ConfigureAwait(false);
            IReadOnlyList<IOfficeEvent> events = requests.OfType<IOfficeEvent>().ToList();
            var watchers = _watchers;
            for (var start = 0; start < watchers.Count; start += ReadModelPacing.Slice)
            {
                var slice = new Task[Math.Min(ReadModelPacing.Slice, watchers.Count - start)];
                for (var i = 0; i < slice.Length; i++)
                {
                    slice[i] = watchers[start + i].ChangedAsync(events);
                }

                var all = Task.WhenAll(slice);
                if (!all.IsCompleted)
                {
                    await Task.WhenAny(all, Task.Delay(ReadModelPacing.SliceWait)).ConfigureAwait(false);
                }
            }
        }

        private async Task<OfficeSnapshot<T>> ComputeAsync(long version)
        {
            await Task.Yield();
            try
            {
                var computedAt = _model._clock.GetUtcNow();
                var value = await _model.ComputeAsync(_officeId, CancellationToken.None).ConfigureAwait(false);
                var snapshot = new OfficeSnapshot<T>(value, version, computedAt);
                lock (_gate)
                {
                    if (_snapshot is null || _snapshot.Version <= version)
                    {
                        _snapshot = snapshot;
                    }
                }

                return snapshot;
            }
            catch (Exception ex)
            {
                LogComputeFailed(_model._logger, ex, _model.GetType().Name, _officeId);
                lock (_gate)
                {
                    // Let the next read try again rather than hand out the failure forever.
                    if (_computingVersion == version)
                    {
                        _computing = null;
                        _computingVersion = -1;
                    }
                }

                throw;
            }
        }

        private TimeSpan UntilNextPeriod()
        {
            var now = _model._clock.GetUtcNow();
            var period = _model.Period.Ticks;
            var remaining = period - (now.UtcTicks % period);
            // A little after the boundary, so a clock showing minutes has moved on.
            return TimeSpan.FromTicks(remaining) + TimeSpan.FromMilliseconds(50);
        }

        private sealed class Watcher(Entry entry, Func<IReadOnlyList<IOfficeEvent>, Task> changed) : IDisposable
        {
            private int _disposed;

            public Task ChangedAsync(IReadOnlyList<IOfficeEvent> events)
            {
                if (Volatile.Read(ref _disposed) != 0)
                {
                    return Task.CompletedTask;
                }

                try
                {
                    return changed(events);
                }
#pragma warning disable CA1031 // One watcher's failure must not keep the change from the others; it is logged.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogWatcherFailed(entry._model._logger, ex);
                    return Task.CompletedTask;
                }
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    entry.RemoveWatcher(this);
                }
            }
        }
    }
}

/// <summary>How a read model tells its watchers (screens) of a change: a slice at a time.</summary>
public static class ReadModelPacing
{
    /// <summary>How many watchers are told at once.</summary>
    public static int Slice { get; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>The longest a slice of watchers holds the next one.</summary>
    public static TimeSpan SliceWait { get; } = TimeSpan.FromMilliseconds(250);
}
