using Mbk.Domain.Common;
using Mbk.Domain.Reports;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Reports;

/// <summary>Managers' changes on /reports: the office's recipient list and the comments of a period's report.</summary>
public sealed class ReportCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public async Task<int> AddRecipientAsync(StaffContext actor, int officeId, string name, string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        StaffAccess.RequireManagerOf(actor, officeId, ReportDispatcher.ManagerRefusal);
        var recipient = ReportRecipient.Add(officeId, name, email, clock.GetUtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.ReportRecipients.AnyAsync(r => r.OfficeId == officeId && r.Email == recipient.Email, cancellationToken))
        {
            throw new DomainException($"{recipient.Email} finns redan bland mottagarna.");
        }

        db.ReportRecipients.Add(recipient);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return recipient.Id;
    }

    public async Task RemoveRecipientAsync(StaffContext actor, int recipientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recipient = await db.ReportRecipients.SingleOrDefaultAsync(r => r.Id == recipientId, cancellationToken)
            ?? throw new DomainException("Mottagaren finns inte längre.");
        StaffAccess.RequireManagerOf(actor, recipient.OfficeId, ReportDispatcher.ManagerRefusal);
        db.ReportRecipients.Remove(recipient);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves the comments of a period's report: a non-empty text is written, an empty one removes the comment.</summary>
    public async Task SaveCommentsAsync(StaffContext actor, int officeId, StatisticsPeriod period, IReadOnlyDictionary<ReportSection, string?> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(texts);
        StaffAccess.RequireManagerOf(actor, officeId, ReportDispatcher.ManagerRefusal);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.ReportComments
            .Where(c => c.OfficeId == officeId && c.PeriodFrom == period.From && c.PeriodTo == period.To)
            .ToDictionaryAsync(c => c.Section, cancellationToken);
        foreach (var (section, text) in texts)
        {
            var blank = string.IsNullOrWhiteSpace(text);
            if (existing.TryGetValue(section, out var comment))
            {
                if (blank)
                {
                    db.ReportComments.Remove(comment);
                }
                else if (comment.Text != text!.Trim())
                {
                    comment.Change(text, actor.DisplayName, now);
                }
            }
            else if (!blank)
            {
                db.ReportComments.Add(ReportComment.Write(officeId, period.From, period.To, section, text!, actor.DisplayName, now));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
