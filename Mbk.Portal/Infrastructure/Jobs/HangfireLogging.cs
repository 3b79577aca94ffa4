using HangfireLog = Hangfire.Logging.ILog;
using HangfireLogLevel = Hangfire.Logging.LogLevel;
using HangfireLogProvider = Hangfire.Logging.ILogProvider;

namespace Mbk.Portal.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide. Its ASP.NET Core provider captures one host's <see cref="ILoggerFactory"/>,
/// so when several hosts share a process (the test suite), a host that stopped leaves a disposed factory behind for
/// the others and Hangfire fails with <see cref="ObjectDisposedException"/>. This provider instead logs through the
/// factory of the most recently started host that is still running (in production: the one host).
/// </summary>
internal sealed class HangfireLogging : HangfireLogProvider
{
    private readonly Lock _gate = new();
    private readonly List<ILoggerFactory> _running = [];

    public static HangfireLogging Instance { get; } = new();

    public void Attach(ILoggerFactory factory)
    {
        lock (_gate)
        {
            _running.Add(factory);
        }
    }

    public void Detach(ILoggerFactory factory)
    {
        lock (_gate)
        {
            _running.Remove(factory);
        }
    }

    public HangfireLog GetLogger(string name) => new RoutedLog(this, name);

    private ILoggerFactory? Current
    {
        get
        {
            lock (_gate)
            {
                return _running.Count == 0 ? null : _running[^1];
            }
        }
    }

    private static LogLevel Map(HangfireLogLevel level) => level switch
    {
        HangfireLogLevel.Trace => LogLevel.Trace,
        HangfireLogLevel.Debug => LogLevel.Debug,
        HangfireLogLevel.Info => LogLevel.Information,
        HangfireLogLevel.Warn => LogLevel.Warning,
        HangfireLogLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    private sealed class RoutedLog(HangfireLogging owner, string name) : HangfireLog
    {
        public bool Log(HangfireLogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (owner.Current is not { } factory)
            {
                return false;
            }

            var logger = factory.CreateLogger(name);
            var level = Map(logLevel);
            if (messageFunc is null || !logger.IsEnabled(level))
            {
                return logger.IsEnabled(level);
            }

#pragma warning disable CA1848, CA2254 // Hangfire hands over finished messages; there is no template to cache.
            logger.Log(level, exception, messageFunc());
#pragma warning restore CA1848, CA2254
            return true;
        }
    }
}

/// <summary>Attaches this host's logger factory to <see cref="HangfireLogging"/> while the host runs.</summary>
internal sealed class HangfireLoggingScope(ILoggerFactory factory) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HangfireLogging.Instance.Attach(factory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        HangfireLogging.Instance.Detach(factory);
        return Task.CompletedTask;
    }
}
