using Hangfire;
using Mbk.Domain.Reports;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Infrastructure.Jobs;

/// <summary>
/// The recurring check (hourly, and once at start-up): for every active office, the latest tertial whose send time
/// has passed is sent unless the ledger says it is sent, held by another instance, or in doubt. The ledger is the
/// truth, so running it twice, or in two instances at once, sends each report once. When any office's mail fails the
/// job throws after trying the others, so Hangfire retries it with back-off.
/// </summary>
[AutomaticRetry(Attempts = TertialReportJob.RetryAttempts, DelaysInSeconds = [60, 300, 900, 1800, 3600, 3600, 3600, 3600])]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed partial class TertialReportJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    ReportDispatcher dispatcher,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<TertialReportJob> logger)
{
    public const string RecurringJobId = "tertial-reports";
    public const int RetryAttempts = 8;

    /// <summary>Checks every office; returns what happened per office (for logs and tests).</summary>
    public async Task<IReadOnlyDictionary<int, DispatchResult>> RunAsync(CancellationToken cancellationToken)
    {
        var settings = ReportSettings.Read(configuration);
        var now = clock.GetUtcNow();
        var results = new Dictionary<int, DispatchResult>();
        if (settings.Schedule().DueForSending(now, settings.CatchUp) is not { } tertial)
        {
            return results;
        }

        List<int> officeIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            officeIds = await db.Offices.AsNoTracking().Where(o => o.IsActive).OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        }

        var failures = new List<Exception>();
        foreach (var officeId in officeIds)
        {
            try
            {
                results[officeId] = await dispatcher.SendScheduledAsync(officeId, tertial, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            LogRetry(logger, failures.Count, tertial.ShortLabel);
            throw new AggregateException($"{failures.Count} tertialrapport(er) för {tertial.ShortLabel} kunde inte skickas; jobbet försöker igen.", failures);
        }

        return results;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} tertial reports for {Tertial} failed; Hangfire will retry")]
    private static partial void LogRetry(ILogger logger, int count, string tertial);
}
