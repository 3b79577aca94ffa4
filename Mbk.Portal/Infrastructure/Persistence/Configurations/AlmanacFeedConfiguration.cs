using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class AlmanacFeedSubscriptionConfiguration : IEntityTypeConfiguration<AlmanacFeedSubscription>
{
    public void Configure(EntityTypeBuilder<AlmanacFeedSubscription> builder)
    {
        builder.ToTable("AlmanacFeedSubscriptions");
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.TokenHash).HasMaxLength(AlmanacFeedSubscription.HashLength).IsRequired();
        builder.Property(s => s.CreatedByName).HasMaxLength(CalendarEvent.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.OfficeId).IsUnique();
        builder.HasIndex(s => s.TokenHash).IsUnique();
    }
}
