namespace Mbk.Portal.Infrastructure.Live;

/// <summary>
/// Runs an action for requests that may arrive faster than it completes, without ever running it twice at once and
/// without queueing one run per request: requests that arrive while a run is under way are collected and handled by
/// one more run, with all of them (the newest <see cref="Keep"/>). A screen that is still rendering the previous
/// change therefore renders once more with the latest state, not once per change. <see cref="Request"/> never waits.
/// </summary>
public sealed partial class CoalescingRunner<T> : IDisposable
{
    /// <summary>At most this many pending requests are kept for the next run; older ones are dropped.</summary>
    public const int Keep = 64;

    private readonly Func<IReadOnlyList<T>, Task> _run;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private List<T> _pending = [];
    private TaskCompletionSource _nextRun = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _running;
    private bool _disposed;

    public CoalescingRunner(Func<IReadOnlyList<T>, Task> run, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(logger);
        _run = run;
        _logger = logger;
    }

    /// <summary>How many runs have started (for tests and diagnostics).</summary>
    public int Runs { get; private set; }

    /// <summary>Asks for a run with <paramref name="item"/>; returns at once.</summary>
    public void Request(T item) => _ = RequestAsync(item);

    /// <summary>
    /// Asks for a run with <paramref name="item"/> and returns at once with a task that completes when the run that
    /// handles it has finished (or the runner is disposed); it never faults. Lets a sender pace itself by the screens it
    /// updates without ever being held by one for longer than it chooses to wait.
    /// </summary>
    public Task RequestAsync(T item)
    {
        Task handled;
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.CompletedTask;
            }

            _pending.Add(item);
            if (_pending.Count > Keep)
            {
                _pending.RemoveAt(0);
            }

            handled = _nextRun.Task;
            if (_running)
            {
                return handled;
            }

            _running = true;
        }

        _ = Task.Run(LoopAsync);
        return handled;
    }

    public void Dispose()
    {
        TaskCompletionSource waiting;
        lock (_gate)
        {
            _disposed = true;
            _pending = [];
            waiting = _nextRun;
        }

        waiting.TrySetResult();
    }

    private async Task LoopAsync()
    {
        while (true)
        {
            List<T> batch;
            TaskCompletionSource completion;
            lock (_gate)
            {
                if (_pending.Count == 0 || _disposed)
                {
                    _running = false;
                    return;
                }

                batch = _pending;
                _pending = [];
                completion = _nextRun;
                _nextRun = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Runs++;
            }

            try
            {
                await _run(batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A failed refresh is logged; the next request tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogRunFailed(_logger, ex);
            }
            finally
            {
                completion.TrySetResult();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live refresh failed; the next change or tick tries again")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}
