using Mbk.Domain.Feedback;
using Mbk.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ToTable("FeedbackItems");
        builder.Ignore(f => f.PendingEvents);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Channel).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.AnswerChannel).HasConversion<string>().HasMaxLength(24);
        builder.Property(f => f.Summary).HasMaxLength(FeedbackItem.SummaryMaxLength).IsRequired();
        builder.Property(f => f.Area).HasMaxLength(FeedbackItem.AreaMaxLength);
        builder.Property(f => f.RegisteredByUserId).HasMaxLength(FeedbackItem.UserIdMaxLength).IsRequired();
        builder.Property(f => f.RegisteredByName).HasMaxLength(FeedbackItem.NameMaxLength).IsRequired();
        builder.Property(f => f.ContactName).HasMaxLength(FeedbackItem.NameMaxLength);
        builder.Property(f => f.ContactEmail).HasMaxLength(FeedbackItem.EmailMaxLength);
        builder.Property(f => f.ContactPhone).HasMaxLength(FeedbackItem.PhoneMaxLength);
        builder.Property(f => f.ContactPostalAddress).HasMaxLength(FeedbackItem.AddressMaxLength);
        builder.Property(f => f.Answer).HasMaxLength(FeedbackItem.AnswerMaxLength);
        builder.Property(f => f.AnsweredByName).HasMaxLength(FeedbackItem.NameMaxLength);
        builder.Property(f => f.ForwardedTo).HasMaxLength(FeedbackItem.ForwardedToMaxLength);
        builder.HasOne<Office>().WithMany().HasForeignKey(f => f.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.OfficeId, f.ReceivedOn });
        builder.HasIndex(f => new { f.OfficeId, f.Status, f.DueOn });
        builder.HasIndex(f => new { f.Status, f.ClosedOn });
        builder.OwnsMany(f => f.History, h =>
        {
            h.ToTable("FeedbackHistory");
            h.WithOwner().HasForeignKey("FeedbackId");
            h.Property<int>("Id");
            h.HasKey("Id");
            h.Property(x => x.Text).HasMaxLength(FeedbackHistoryEntry.TextMaxLength).IsRequired();
            h.Property(x => x.ByUserId).HasMaxLength(FeedbackItem.UserIdMaxLength).IsRequired();
            h.Property(x => x.ByName).HasMaxLength(FeedbackItem.NameMaxLength).IsRequired();
            h.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        });
        builder.OwnsMany(f => f.Notes, n =>
        {
            n.ToTable("FeedbackNotes");
            n.WithOwner().HasForeignKey("FeedbackId");
            n.Property<int>("Id");
            n.HasKey("Id");
            n.Property(x => x.Text).HasMaxLength(FeedbackItem.NoteMaxLength).IsRequired();
            n.Property(x => x.ByName).HasMaxLength(FeedbackItem.NameMaxLength).IsRequired();
        });
    }
}

internal sealed class FeedbackPolicyConfiguration : IEntityTypeConfiguration<FeedbackPolicy>
{
    public void Configure(EntityTypeBuilder<FeedbackPolicy> builder)
    {
        builder.ToTable("FeedbackPolicies");
        builder.Ignore(p => p.PendingEvents);
        builder.Ignore(p => p.Deadlines);
        builder.Property(p => p.DeadlinesText).HasMaxLength(400).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(p => p.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.OfficeId).IsUnique();
    }
}

internal sealed class FeedbackMonthlyCountConfiguration : IEntityTypeConfiguration<FeedbackMonthlyCount>
{
    public void Configure(EntityTypeBuilder<FeedbackMonthlyCount> builder)
    {
        builder.ToTable("FeedbackMonthlyCounts");
        builder.Ignore(c => c.PendingEvents);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(24);
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OfficeId, c.Year, c.Month, c.Kind }).IsUnique();
    }
}

internal sealed class FeedbackErasureConfiguration : IEntityTypeConfiguration<FeedbackErasure>
{
    public void Configure(EntityTypeBuilder<FeedbackErasure> builder)
    {
        builder.ToTable("FeedbackErasures");
        builder.Ignore(e => e.PendingEvents);
        builder.Property(e => e.Reason).HasMaxLength(FeedbackErasure.ReasonMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OfficeId, e.ErasedAt });
    }
}
