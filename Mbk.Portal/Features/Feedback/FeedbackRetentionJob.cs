using Hangfire;
using Mbk.Domain.Feedback;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mbk.Portal.Features.Feedback;

/// <summary>When and where the retention job runs (section <c>Feedback:Retention</c>).</summary>
public sealed class FeedbackRetentionOptions
{
    public const string Section = "Feedback:Retention";

    /// <summary>Cron of the daily run, in <see cref="TimeZone"/>.</summary>
    public string Cron { get; set; } = "30 2 * * *";

    public string TimeZone { get; set; } = "Europe/Stockholm";
}

/// <summary>
/// The recurring erasure of contact details: for every office, closed items whose retention period (the office's
/// setting, default 24 months after closing) has ended lose their contact (set to null: gone from the database), the
/// anonymous record stays for statistics, and each erasure is logged (item id and date, no personal data) in the
/// database and the log. Safe to run twice: an erased item has nothing left to erase.
/// </summary>
[AutomaticRetry(Attempts = 3)]
[DisableConcurrentExecution(timeoutInSeconds: 600)]
public sealed partial class FeedbackRetentionJob(
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock,
    ILogger<FeedbackRetentionJob> logger)
{
    public const string RecurringJobId = "feedback-retention";

    private static readonly FeedbackActor System = new("system", "Lagringstiden (automatiskt)");

    /// <summary>Erases the expired contacts; returns the ids of the items erased.</summary>
    public async Task<IReadOnlyList<int>> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var erased = new List<int>();
        List<int> officeIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            officeIds = await db.FeedbackItems.Where(f => f.ClosedOn != null && f.ContactErasedAt == null)
                .Select(f => f.OfficeId).Distinct().ToListAsync(cancellationToken);
        }

        foreach (var officeId in officeIds)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var policy = await FeedbackCommands.PolicyAsync(db, officeId, cancellationToken);
            var today = await FeedbackCommands.TodayAsync(db, officeId, now, cancellationToken);
            // Closed on or before this day means the retention period has ended today or earlier.
            var closedOnOrBefore = today.AddMonths(-policy.RetentionMonths);
            var candidates = await db.FeedbackItems
                .Where(f => f.OfficeId == officeId && f.Status == FeedbackStatus.Avslutad && f.ClosedOn != null && f.ClosedOn <= closedOnOrBefore
                    && (f.ContactName != null || f.ContactEmail != null || f.ContactPhone != null || f.ContactPostalAddress != null))
                .ToListAsync(cancellationToken);
            foreach (var item in candidates.Where(i => i.ContactRetentionEndsOn(policy.RetentionMonths) <= today))
            {
                if (item.EraseContact(System, now, FeedbackCommands.RetentionErasureReason))
                {
                    db.FeedbackErasures.Add(FeedbackErasure.Log(item, now, FeedbackCommands.RetentionErasureReason));
                    erased.Add(item.Id);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var item in candidates.Where(i => erased.Contains(i.Id)))
            {
                LogErased(logger, item.Id, officeId, today);
            }
        }

        return erased;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feedback {FeedbackId} of office {OfficeId}: contact details erased on {Date} (retention period ended)")]
    private static partial void LogErased(ILogger logger, int feedbackId, int officeId, DateOnly date);
}

/// <summary>
/// Registers the retention job as a Hangfire recurring job (daily, <see cref="FeedbackRetentionOptions"/>) when this
/// instance runs the job server (<c>Hangfire:Server:Enabled</c>), and queues one run at start-up.
/// </summary>
internal sealed class FeedbackRetentionSchedule(
    IServiceProvider services,
    IConfiguration configuration,
    IOptions<FeedbackRetentionOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            return Task.CompletedTask;
        }

        var settings = options.Value;
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<FeedbackRetentionJob>(
            FeedbackRetentionJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            settings.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone) });
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<FeedbackRetentionJob>(job => job.RunAsync(CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
