using Mbk.Domain.Common;
using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Mail;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Mbk.Portal.Features.Reports;

/// <summary>What one scheduled attempt at an (office, tertial) report did.</summary>
public enum DispatchResult
{
    Sent = 0,
    AlreadySent = 1,
    HeldByOther = 2,
    Uncertain = 3,
    NoRecipients = 4,
}

/// <summary>
/// Sends reports and keeps the ledger and the archive. The scheduled path claims the ledger row in a write
/// transaction (SQLite: BEGIN IMMEDIATE, so two instances on one database file take turns), records when it starts
/// handing the mail to the server, and records Sent with the archived copy after the server accepted it.
/// </summary>
public sealed partial class ReportDispatcher(
    IDbContextFactory<PortalDbContext> dbFactory,
    ReportContentQueries contents,
    IMailSender mail,
    IConfiguration configuration,
    TimeProvider clock,
    PortalInstance instance,
    ILogger<ReportDispatcher> logger)
{
    internal const string ManagerRefusal = "Bara enhetschefer kan hantera rapporter.";

    /// <summary>The scheduled send of one office's tertial report; safe to call any number of times, from any instance.</summary>
    public async Task<DispatchResult> SendScheduledAsync(int officeId, TertialKey tertial, CancellationToken cancellationToken)
    {
        var settings = ReportSettings.Read(configuration);
        var recipients = await RecipientsAsync(officeId, cancellationToken);
        if (recipients.Count == 0)
        {
            LogNoRecipients(logger, officeId, tertial.ShortLabel);
            return DispatchResult.NoRecipients;
        }

        var dispatchId = 0;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeReports, officeId, cancellationToken);
            var row = await db.TertialReportDispatches.SingleOrDefaultAsync(
                d => d.OfficeId == officeId && d.Year == tertial.Year && d.Tertial == tertial.Tertial, cancellationToken);
            if (row is null)
            {
                row = TertialReportDispatch.Record(officeId, tertial, clock.GetUtcNow());
                db.TertialReportDispatches.Add(row);
            }

            var outcome = row.TryClaim(instance.Id, clock.GetUtcNow(), settings.Lease);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (outcome != ClaimOutcome.Claimed)
            {
                return outcome switch
                {
                    ClaimOutcome.AlreadySent => DispatchResult.AlreadySent,
                    ClaimOutcome.HeldByOther => DispatchResult.HeldByOther,
                    _ => DispatchResult.Uncertain,
                };
            }

            dispatchId = row.Id;
        }

        ComposedReport composed;
        ReportContent content;
        try
        {
            content = await contents.BuildAsync(officeId, tertial.Period, cancellationToken);
            composed = Compose(content, recipients, ReportMessage.ScheduledMessageId(officeId, tertial, MailDomain()));
            await UpdateDispatchAsync(dispatchId, d => d.BeginSubmission(instance.Id, clock.GetUtcNow()), cancellationToken);
            await mail.SendAsync(composed.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var error = ex is MailDeliveryException or DomainException ? ex.Message : $"Rapporten kunde inte skapas: {ex.Message}";
            await UpdateDispatchAsync(dispatchId, d => d.MarkFailed(instance.Id, error, clock.GetUtcNow()), CancellationToken.None);
            LogFailed(logger, ex, officeId, tertial.ShortLabel);
            throw;
        }

        // The server has the mail: record it whatever the caller's token says now.
        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var archived = Archive(content, composed, tertial, SentReportKind.Scheduled, null);
            db.SentReports.Add(archived);
            await db.SaveChangesAsync(CancellationToken.None);
            var row = await db.TertialReportDispatches.SingleAsync(d => d.Id == dispatchId, CancellationToken.None);
            row.MarkSent(instance.Id, archived.Id, clock.GetUtcNow());
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        LogSent(logger, officeId, tertial.ShortLabel, recipients.Count);
        return DispatchResult.Sent;
    }

    /// <summary>
    /// "Skicka nu": a manager sends the report of any period to the office's recipients. A tertial not yet sent is
    /// sent through the ledger (so the schedule will not send it again); a tertial already sent is sent again as a
    /// logged resend. Returns the archive id.
    /// </summary>
    public async Task<int> SendNowAsync(StaffContext actor, int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        StaffAccess.RequireManagerOf(actor, officeId, ReportDispatcher.ManagerRefusal);
        var settings = ReportSettings.Read(configuration);
        var recipients = await RecipientsAsync(officeId, cancellationToken);
        if (recipients.Count == 0)
        {
            throw new DomainException("Kontoret har inga mottagare för rapporter. Lägg till mottagare under fliken Mottagare först.");
        }

        TertialKey? tertial = period.Kind == PeriodKind.Tertial ? TertialKey.Containing(period.From) : null;
        var holder = $"manager:{actor.UserId}:{Guid.NewGuid():N}";
        int? dispatchId = null;
        var kind = SentReportKind.Manual;
        if (tertial is { } key)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await WriteTransactions.BeginAsync(db, WriteScope.OfficeReports, officeId, cancellationToken);
            var row = await db.TertialReportDispatches.SingleOrDefaultAsync(
                d => d.OfficeId == officeId && d.Year == key.Year && d.Tertial == key.Tertial, cancellationToken);
            if (row is null)
            {
                row = TertialReportDispatch.Record(officeId, key, clock.GetUtcNow());
                db.TertialReportDispatches.Add(row);
            }

            if (row.Status == DispatchStatus.Sent)
            {
                kind = SentReportKind.Resend;
            }
            else
            {
                row.ClaimForManager(holder, clock.GetUtcNow(), settings.Lease);
                await db.SaveChangesAsync(cancellationToken);
                dispatchId = row.Id;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var content = await contents.BuildAsync(officeId, period, cancellationToken);
        var composed = Compose(content, recipients, ReportMessage.ManualMessageId(MailDomain()));
        try
        {
            if (dispatchId is { } id)
            {
                await UpdateDispatchAsync(id, d => d.BeginSubmission(holder, clock.GetUtcNow()), cancellationToken);
            }

            await mail.SendAsync(composed.Message, cancellationToken);
        }
        catch (MailDeliveryException ex)
        {
            if (dispatchId is { } id)
            {
                await UpdateDispatchAsync(id, d => d.MarkFailed(holder, ex.Message, clock.GetUtcNow()), CancellationToken.None);
            }

            throw new DomainException(ex.Message);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            var archived = Archive(content, composed, tertial, kind, actor);
            db.SentReports.Add(archived);
            await db.SaveChangesAsync(CancellationToken.None);
            if (dispatchId is { } id)
            {
                var row = await db.TertialReportDispatches.SingleAsync(d => d.Id == id, CancellationToken.None);
                row.MarkSent(holder, archived.Id, clock.GetUtcNow());
                await db.SaveChangesAsync(CancellationToken.None);
            }

            await transaction.CommitAsync(CancellationToken.None);
            if (kind == SentReportKind.Resend)
            {
                LogResent(logger, officeId, content.Period.Label, actor.DisplayName, actor.UserId, archived.Id);
            }
            else
            {
                LogSentByManager(logger, officeId, content.Period.Label, actor.DisplayName, archived.Id);
            }

            return archived.Id;
        }
    }

    private ComposedReport Compose(ReportContent content, IReadOnlyList<ReportRecipient> recipients, string messageId)
    {
        var settings = ReportSettings.Read(configuration);
        var charts = ReportCharts.Draw(content);
        var now = clock.GetUtcNow();
        var html = ReportHtml.ForEmail(content, charts, now, settings.Zone);
        return ReportMessage.Compose(content, charts, html, MailSettings.Read(configuration).From, recipients, messageId, now);
    }

    private SentReport Archive(ReportContent content, ComposedReport composed, TertialKey? tertial, SentReportKind kind, StaffContext? actor) =>
        SentReport.Archive(
            content.OfficeId,
            content.Period.From,
            content.Period.To,
            content.Period.Label,
            tertial,
            kind,
            content.Subject,
            composed.Recipients,
            composed.Html,
            composed.AttachmentFileName,
            composed.Attachment,
            composed.ToEml(),
            composed.MessageId,
            content.CommentsText(),
            clock.GetUtcNow(),
            actor?.UserId,
            actor?.DisplayName);

    private string MailDomain()
    {
        var from = MailSettings.Read(configuration).From;
        return MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } domain ? domain : "mbk-portal.local";
    }

    private async Task<IReadOnlyList<ReportRecipient>> RecipientsAsync(int officeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReportRecipients.AsNoTracking().Where(r => r.OfficeId == officeId).OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }

    private async Task UpdateDispatchAsync(int dispatchId, Action<TertialReportDispatch> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.TertialReportDispatches.SingleAsync(d => d.Id == dispatchId, cancellationToken);
        change(row);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tertial report {Tertial} of office {OfficeId} not sent: the office has no recipients")]
    private static partial void LogNoRecipients(ILogger logger, int officeId, string tertial);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tertial report {Tertial} of office {OfficeId} sent to {Count} recipients")]
    private static partial void LogSent(ILogger logger, int officeId, string tertial, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tertial report {Tertial} of office {OfficeId} failed; the job will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception, int officeId, string tertial);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report {Period} of office {OfficeId} RESENT by {Name} ({UserId}); archive {ArchiveId}")]
    private static partial void LogResent(ILogger logger, int officeId, string period, string name, string userId, int archiveId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report {Period} of office {OfficeId} sent by {Name}; archive {ArchiveId}")]
    private static partial void LogSentByManager(ILogger logger, int officeId, string period, string name, int archiveId);
}
