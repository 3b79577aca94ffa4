using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class QuestionTallyConfiguration : IEntityTypeConfiguration<QuestionTally>
{
    public void Configure(EntityTypeBuilder<QuestionTally> builder)
    {
        builder.ToTable("QuestionTallies");
        builder.Ignore(t => t.PendingEvents);
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Granularity).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Gender).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Language).HasMaxLength(40);
        builder.Property(t => t.StaffUserId).HasMaxLength(450);
        builder.HasOne<Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<QuestionCategory>().WithMany().HasForeignKey(t => t.QuestionCategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Restrict);
        // Covering the statistics' scans (SQLite has no INCLUDE, so the summed and filtered columns trail the key): the
        // year view's SUM(Count) … GROUP BY category and the per-hour sums read the index alone, never the table.
        builder.HasIndex(t => new { t.OfficeId, t.RecordedAt, t.Granularity, t.QuestionCategoryId, t.Count, t.TicketId })
            .HasDatabaseName("IX_QuestionTallies_OfficeId_RecordedAt_Covering");
    }
}

internal sealed class ReferralTargetConfiguration : IEntityTypeConfiguration<ReferralTarget>
{
    public void Configure(EntityTypeBuilder<ReferralTarget> builder)
    {
        builder.ToTable("ReferralTargets");
        builder.Ignore(t => t.PendingEvents);
        builder.Property(t => t.Name).HasMaxLength(ReferralTarget.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(t => t.NameHistory, n =>
        {
            n.ToTable("ReferralTargetNames");
            n.WithOwner().HasForeignKey("ReferralTargetId");
            n.Property<int>("Id");
            n.HasKey("Id");
            n.Property(x => x.Name).HasMaxLength(ReferralTarget.NameMaxLength).IsRequired();
        });
        builder.Navigation(t => t.NameHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.Ignore(r => r.PendingEvents);
        builder.Property(r => r.StaffUserId).HasMaxLength(450);
        builder.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReferralTarget>().WithMany().HasForeignKey(r => r.ReferralTargetId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ticket>().WithMany().HasForeignKey(r => r.TicketId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OfficeId, r.RecordedAt });
    }
}
