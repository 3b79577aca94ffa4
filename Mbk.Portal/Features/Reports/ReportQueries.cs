using Mbk.Domain.Reports;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Reports;

/// <summary>One report in the archive list (without its bytes).</summary>
public sealed record ArchivedReportRow(
    int Id, string PeriodLabel, SentReportKind Kind, string Subject, IReadOnlyList<string> Recipients, DateTimeOffset SentAt,
    string? SentByName, string Comments, string AttachmentFileName, int AttachmentBytes);

/// <summary>One (office, tertial) row of the ledger as /reports shows it.</summary>
public sealed record LedgerRow(int Year, int Tertial, DispatchStatus Status, int Attempts, DateTimeOffset? LastAttemptAt, DateTimeOffset? SentAt, string? LastError, int? SentReportId)
{
    public string Label => new TertialKey(Year, Tertial).ShortLabel;
}

/// <summary>What /reports reads: recipients, the archive, the ledger and an archived report's files.</summary>
public sealed class ReportQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ReportRecipient>> RecipientsAsync(StaffContext actor, int officeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        StaffAccess.RequireManagerOf(actor, officeId, ReportDispatcher.ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReportRecipients.AsNoTracking().Where(r => r.OfficeId == officeId).OrderBy(r => r.Name).ThenBy(r => r.Email).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ArchivedReportRow>> ArchiveAsync(StaffContext actor, int officeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        StaffAccess.RequireManagerOf(actor, officeId, ReportDispatcher.ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.SentReports.AsNoTracking()
            .Where(r => r.OfficeId == officeId)
            .Select(r => new { r.Id, r.PeriodLabel, r.Kind, r.Subject, r.Recipients, r.SentAt, r.SentByName, r.Comments, r.AttachmentFileName, Size = r.Attachment.Length })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.SentAt).ThenByDescending(r => r.Id)
            .Select(r => new ArchivedReportRow(r.Id, r.PeriodLabel, r.Kind, r.Subject, r.Recipients.Split('\n'), r.SentAt, r.SentByName, r.Comments, r.AttachmentFileName, r.Size))
            .ToList();
    }

    public async Task<IReadOnlyList<LedgerRow>> LedgerAsync(StaffContext actor, int officeId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        StaffAccess.RequireManagerOf(actor, officeId, ReportDispatcher.ManagerRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TertialReportDispatches.AsNoTracking().Where(d => d.OfficeId == officeId).ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(d => d.Year).ThenByDescending(d => d.Tertial)
            .Select(d => new LedgerRow(d.Year, d.Tertial, d.Status, d.Attempts, d.LastAttemptAt, d.SentAt, d.LastError, d.SentReportId))
            .ToList();
    }

    /// <summary>An archived report with its bytes, if the actor may see it.</summary>
    public async Task<SentReport?> SentReportAsync(StaffContext actor, int id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SentReports.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null || !actor.IsManagerOf(report.OfficeId))
        {
            return null;
        }

        return report;
    }
}
