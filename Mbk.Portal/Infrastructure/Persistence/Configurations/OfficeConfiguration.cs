using Mbk.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> builder)
    {
        builder.ToTable("Offices");
        builder.Ignore(o => o.PendingEvents);
        builder.Property(o => o.Name).HasMaxLength(Office.NameMaxLength).IsRequired();
        builder.Property(o => o.Slug).HasMaxLength(OfficeSlug.MaxLength).IsRequired();
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(o => o.MessageOfTheDay).HasMaxLength(Office.MessageMaxLength);
        builder.Property(o => o.MessageChangedBy).HasMaxLength(200);
        builder.Property(o => o.OpeningHoursText).HasMaxLength(300).IsRequired();
        builder.Ignore(o => o.OpeningHours);
        builder.Ignore(o => o.TimeZone);
        builder.Property(o => o.PassagesPerVisitor).HasPrecision(9, 4);
        builder.Property(o => o.StaffShare).HasPrecision(9, 4);
        builder.Property(o => o.DoorCounterKeyHash).HasMaxLength(64);
    }
}
