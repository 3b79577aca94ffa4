using Hangfire;

namespace Mbk.Portal.Features.Queue;

/// <summary>
/// Closes each office's queue after closing time (plus <c>Queue:EndOfDayGraceMinutes</c>): tickets still waiting,
/// called or parked become "not served". A Hangfire recurring job (every <c>Queue:EndOfDayCheckMinutes</c>), so with
/// Hangfire on PostgreSQL it runs once per cluster however many instances there are; also queued once at start-up, so
/// a portal that was down catches up. Safe to run twice: a closed ticket is not open any more.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 300)]
public sealed partial class EndOfDayJob(
    QueueCommands commands,
    IConfiguration configuration,
    ILogger<EndOfDayJob> logger)
{
    public const string RecurringJobId = "end-of-day";

    /// <summary>Closes the ended days; returns how many tickets were closed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var grace = TimeSpan.FromMinutes(configuration.GetValue("Queue:EndOfDayGraceMinutes", 30));
        var closed = await commands.CloseEndedDaysAsync(grace, cancellationToken);
        if (closed > 0)
        {
            LogClosed(logger, closed);
        }

        return closed;
    }

    /// <summary>The recurring schedule for a check every <paramref name="minutes"/> minutes (1–1440).</summary>
    public static string Cron(int minutes) => minutes switch
    {
        < 60 => $"*/{minutes} * * * *",
        < 1_440 => $"0 */{minutes / 60} * * *",
        _ => "0 0 * * *",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "End of day: {Count} tickets closed as not served")]
    private static partial void LogClosed(ILogger logger, int count);
}

/// <summary>
/// Registers <see cref="EndOfDayJob"/> as a Hangfire recurring job when this instance runs the job server
/// (<c>Hangfire:Server:Enabled</c>), and queues one run at start-up.
/// </summary>
internal sealed class EndOfDaySchedule(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            return Task.CompletedTask;
        }

        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<EndOfDayJob>(
            EndOfDayJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            EndOfDayJob.Cron(configuration.GetValue("Queue:EndOfDayCheckMinutes", 5)));
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<EndOfDayJob>(job => job.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
