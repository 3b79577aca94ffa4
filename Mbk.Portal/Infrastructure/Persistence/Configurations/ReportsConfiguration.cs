using Mbk.Domain.Offices;
using Mbk.Domain.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class TertialReportDispatchConfiguration : IEntityTypeConfiguration<TertialReportDispatch>
{
    public void Configure(EntityTypeBuilder<TertialReportDispatch> builder)
    {
        builder.ToTable("TertialReportDispatches");
        builder.Ignore(d => d.PendingEvents);
        builder.Ignore(d => d.Key);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ClaimedBy).HasMaxLength(TertialReportDispatch.ClaimedByMaxLength);
        builder.Property(d => d.LastError).HasMaxLength(TertialReportDispatch.ErrorMaxLength);
        builder.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SentReport>().WithMany().HasForeignKey(d => d.SentReportId).OnDelete(DeleteBehavior.Restrict);
        // The ledger's guarantee: one row per office and tertial.
        builder.HasIndex(d => new { d.OfficeId, d.Year, d.Tertial }).IsUnique();
    }
}

internal sealed class SentReportConfiguration : IEntityTypeConfiguration<SentReport>
{
    public void Configure(EntityTypeBuilder<SentReport> builder)
    {
        builder.ToTable("SentReports");
        builder.Ignore(r => r.PendingEvents);
        builder.Property(r => r.PeriodLabel).HasMaxLength(SentReport.LabelMaxLength).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Subject).HasMaxLength(SentReport.SubjectMaxLength).IsRequired();
        builder.Property(r => r.Recipients).IsRequired();
        builder.Property(r => r.HtmlBody).IsRequired();
        builder.Property(r => r.AttachmentFileName).HasMaxLength(SentReport.FileNameMaxLength).IsRequired();
        builder.Property(r => r.MessageId).HasMaxLength(SentReport.MessageIdMaxLength).IsRequired();
        builder.Property(r => r.SentByUserId).HasMaxLength(SentReport.NameMaxLength);
        builder.Property(r => r.SentByName).HasMaxLength(SentReport.NameMaxLength);
        builder.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OfficeId, r.SentAt });
    }
}

internal sealed class ReportRecipientConfiguration : IEntityTypeConfiguration<ReportRecipient>
{
    public void Configure(EntityTypeBuilder<ReportRecipient> builder)
    {
        builder.ToTable("ReportRecipients");
        builder.Ignore(r => r.PendingEvents);
        builder.Property(r => r.Name).HasMaxLength(ReportRecipient.NameMaxLength).IsRequired();
        builder.Property(r => r.Email).HasMaxLength(ReportRecipient.EmailMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.OfficeId, r.Email }).IsUnique();
    }
}

internal sealed class ReportCommentConfiguration : IEntityTypeConfiguration<ReportComment>
{
    public void Configure(EntityTypeBuilder<ReportComment> builder)
    {
        builder.ToTable("ReportComments");
        builder.Ignore(c => c.PendingEvents);
        builder.Property(c => c.Section).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Text).HasMaxLength(ReportComment.TextMaxLength).IsRequired();
        builder.Property(c => c.UpdatedBy).HasMaxLength(ReportComment.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OfficeId, c.PeriodFrom, c.PeriodTo, c.Section }).IsUnique();
    }
}
