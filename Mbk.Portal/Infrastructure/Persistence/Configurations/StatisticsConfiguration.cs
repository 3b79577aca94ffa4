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
        // The summary triggers (QuestionTallyDays, QuestionTallyHours) are AFTER triggers, which SQLite's RETURNING
        // clause does not allow: EF reads the new key the older way on this table.
        builder.ToTable("QuestionTallies", table => table.UseSqlReturningClause(false));
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

/// <summary>Derived tables: the copy to PostgreSQL skips them (the target's triggers fill them from the tallies).</summary>
internal static class DerivedTables
{
    public const string Annotation = "Mbk:DerivedByTriggers";
}

internal sealed class QuestionTallyDayConfiguration : IEntityTypeConfiguration<Persistence.QuestionTallyDay>
{
    public void Configure(EntityTypeBuilder<Persistence.QuestionTallyDay> builder)
    {
        builder.ToTable("QuestionTallyDays");
        builder.HasKey(d => new { d.OfficeId, d.Day, d.Granularity, d.QuestionCategoryId });
        builder.Property(d => d.Granularity).HasConversion<string>().HasMaxLength(16);
        builder.HasAnnotation(DerivedTables.Annotation, true);
    }
}

internal sealed class QuestionTallyHourConfiguration : IEntityTypeConfiguration<Persistence.QuestionTallyHour>
{
    public void Configure(EntityTypeBuilder<Persistence.QuestionTallyHour> builder)
    {
        builder.ToTable("QuestionTallyHours");
        builder.HasKey(h => new { h.OfficeId, h.Hour, h.Granularity });
        builder.Property(h => h.Granularity).HasConversion<string>().HasMaxLength(16);
        builder.HasAnnotation(DerivedTables.Annotation, true);
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
