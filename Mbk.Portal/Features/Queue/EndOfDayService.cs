namespace Mbk.Portal.Features.Queue;

/// <summary>
/// Closes each office's queue after closing time (plus <c>Queue:EndOfDayGraceMinutes</c>): tickets still waiting
/// become "not served". Runs every few minutes and once at start-up, so a portal that was down catches up.
/// </summary>
public sealed partial class EndOfDayService(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<EndOfDayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var grace = TimeSpan.FromMinutes(configuration.GetValue("Queue:EndOfDayGraceMinutes", 30));
        var interval = TimeSpan.FromMinutes(configuration.GetValue("Queue:EndOfDayCheckMinutes", 5));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await scope.ServiceProvider.GetRequiredService<QueueCommands>().CloseEndedDaysAsync(grace, stoppingToken);
                if (closed > 0)
                {
                    LogClosed(logger, closed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged, and tried again at the next tick: a passing database lock must not stop the service.
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "End of day: {Count} tickets closed as not served")]
    private static partial void LogClosed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "End-of-day closing failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
