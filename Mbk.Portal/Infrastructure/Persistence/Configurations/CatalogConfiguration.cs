using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class QuestionCategoryConfiguration : IEntityTypeConfiguration<QuestionCategory>
{
    public void Configure(EntityTypeBuilder<QuestionCategory> builder)
    {
        builder.ToTable("QuestionCategories");
        builder.Ignore(c => c.PendingEvents);
        builder.Property(c => c.Name).HasMaxLength(QuestionCategory.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OfficeId, c.SortOrder });
        builder.OwnsMany(c => c.NameHistory, n =>
        {
            n.ToTable("QuestionCategoryNames");
            n.WithOwner().HasForeignKey("QuestionCategoryId");
            n.Property<int>("Id");
            n.HasKey("Id");
            n.Property(x => x.Name).HasMaxLength(QuestionCategory.NameMaxLength).IsRequired();
        });
        builder.Navigation(c => c.NameHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ServiceLineConfiguration : IEntityTypeConfiguration<ServiceLine>
{
    public void Configure(EntityTypeBuilder<ServiceLine> builder)
    {
        builder.ToTable("ServiceLines");
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.Name).HasMaxLength(ServiceLine.NameMaxLength).IsRequired();
        builder.Property(s => s.Prefix).HasConversion<string>().HasMaxLength(1).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OfficeId, s.Prefix }).IsUnique();
    }
}
