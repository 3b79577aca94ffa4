using System.Diagnostics;
using System.Text;

namespace Mbk.LoadHarness;

/// <summary>
/// One "Kalla nästa": which number is expected, when the call was sent, and when each display circuit and each hub
/// client first saw it. Circuits report from their receive loops, so this is lock-free.
/// </summary>
internal sealed class CallRound
{
    private readonly long[] _displaySeen;
    private readonly long[] _hubSeen;
    private readonly bool[] _displayExpected;
    private readonly TaskCompletionSource _allDisplays = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _allHubs = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pendingDisplays;
    private int _pendingHubs;

    public CallRound(string number, int displays, int hubs, Func<int, bool> displayExpected)
    {
        Number = number;
        NumberBytes = Encoding.UTF8.GetBytes(number);
        _displaySeen = new long[displays];
        _hubSeen = new long[hubs];
        _displayExpected = Enumerable.Range(0, displays).Select(displayExpected).ToArray();
        _pendingDisplays = _displayExpected.Count(e => e);
        _pendingHubs = hubs;
        if (_pendingDisplays == 0)
        {
            _allDisplays.TrySetResult();
        }

        if (_pendingHubs == 0)
        {
            _allHubs.TrySetResult();
        }
    }

    public string Number { get; }

    public byte[] NumberBytes { get; }

    public long StartedAt { get; private set; }

    public Task AllDisplays => _allDisplays.Task;

    public Task AllHubs => _allHubs.Task;

    public int MissingDisplays => Volatile.Read(ref _pendingDisplays);

    public int MissingHubs => Volatile.Read(ref _pendingHubs);

    public void Start() => StartedAt = Stopwatch.GetTimestamp();

    public void DisplaySaw(int index)
    {
        if (_displayExpected[index] && Interlocked.CompareExchange(ref _displaySeen[index], Stopwatch.GetTimestamp(), 0) == 0
            && Interlocked.Decrement(ref _pendingDisplays) == 0)
        {
            _allDisplays.TrySetResult();
        }
    }

    /// <summary>When the counter's own screen first showed the number (0 while not yet).</summary>
    public long CounterSeenAt => Interlocked.Read(ref _counterSeen);

    private long _counterSeen;

    public void CounterSaw()
    {
        if (Interlocked.CompareExchange(ref _counterSeen, Stopwatch.GetTimestamp(), 0) == 0)
        {
            _counter.TrySetResult();
        }
    }

    private readonly TaskCompletionSource _counter = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Counter => _counter.Task;

    public void HubSaw(int index)
    {
        if (Interlocked.CompareExchange(ref _hubSeen[index], Stopwatch.GetTimestamp(), 0) == 0
            && Interlocked.Decrement(ref _pendingHubs) == 0)
        {
            _allHubs.TrySetResult();
        }
    }

    /// <summary>Milliseconds from the call to each display that saw the number (one value per display).</summary>
    public IEnumerable<double> DisplayLatencies => Latencies(_displaySeen);

    public IEnumerable<double> HubLatencies => Latencies(_hubSeen);

    private IEnumerable<double> Latencies(long[] seen) =>
        seen.Where(t => t != 0).Select(t => Stopwatch.GetElapsedTime(StartedAt, t).TotalMilliseconds);
}
