namespace Mbk.Domain.Queue;

/// <summary>
/// Sliding-window limit on tickets per kiosk, so a stuck or abused kiosk cannot flood the queue:
/// at most <c>maxTickets</c> in any <c>window</c>. Thread-safe; keep one instance (singleton).
/// </summary>
public sealed class TicketRateLimiter
{
    private readonly int _maxTickets;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _issued = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private DateTimeOffset _lastSweep;

    public TicketRateLimiter(int maxTickets, TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTickets, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(clock);
        _maxTickets = maxTickets;
        _window = window;
        _clock = clock;
        _lastSweep = clock.GetUtcNow();
    }

    /// <summary>Number of kiosks currently remembered (for tests and diagnostics).</summary>
    public int TrackedKioskCount
    {
        get
        {
            lock (_lock)
            {
                return _issued.Count;
            }
        }
    }

    /// <summary>Counts a ticket for the kiosk and returns true, or returns false (counting nothing) when it is over the limit.</summary>
    public bool TryAcquire(string kioskKey) => TryAcquire(kioskKey, _maxTickets);

    /// <summary>As <see cref="TryAcquire(string)"/>, with a limit of its own for this key (a registered kiosk's).</summary>
    public bool TryAcquire(string kioskKey, int maxTickets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kioskKey);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTickets, 1);
        var now = _clock.GetUtcNow();
        var cutoff = now - _window;
        lock (_lock)
        {
            if (now - _lastSweep >= _window)
            {
                Sweep(cutoff);
                _lastSweep = now;
            }

            if (!_issued.TryGetValue(kioskKey, out var times))
            {
                times = new Queue<DateTimeOffset>();
                _issued[kioskKey] = times;
            }

            Prune(times, cutoff);
            if (times.Count >= maxTickets)
            {
                return false;
            }

            times.Enqueue(now);
            return true;
        }
    }

    private static void Prune(Queue<DateTimeOffset> times, DateTimeOffset cutoff)
    {
        while (times.Count > 0 && times.Peek() <= cutoff)
        {
            times.Dequeue();
        }
    }

    /// <summary>Forgets kiosks with nothing left in the window, so unknown keys cannot grow memory forever.</summary>
    private void Sweep(DateTimeOffset cutoff)
    {
        List<string>? empty = null;
        foreach (var (key, times) in _issued)
        {
            Prune(times, cutoff);
            if (times.Count == 0)
            {
                (empty ??= []).Add(key);
            }
        }

        foreach (var key in empty ?? [])
        {
            _issued.Remove(key);
        }
    }
}
