using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class CalendarEventConfiguration : IEntityTypeConfiguration<CalendarEvent>
{
    public void Configure(EntityTypeBuilder<CalendarEvent> builder)
    {
        builder.ToTable("CalendarEvents");
        builder.Ignore(e => e.PendingEvents);
        builder.Ignore(e => e.Recurrence);
        builder.Ignore(e => e.TimeZone);
        builder.Ignore(e => e.AllDay);
        builder.Ignore(e => e.IsRecurring);
        builder.Property(e => e.Uid).HasMaxLength(CalendarEvent.UidMaxLength).IsRequired();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Title).HasMaxLength(CalendarEvent.TitleMaxLength).IsRequired();
        builder.Property(e => e.Location).HasMaxLength(CalendarEvent.LocationMaxLength);
        builder.Property(e => e.Description).HasMaxLength(CalendarEvent.DescriptionMaxLength);
        builder.Property(e => e.TimeZoneId).HasMaxLength(64).IsRequired();
        builder.Property(e => e.RecurrenceRule).HasMaxLength(500);
        builder.Property(e => e.CreatedByUserId).HasMaxLength(CalendarEvent.UserIdMaxLength).IsRequired();
        builder.Property(e => e.CreatedByName).HasMaxLength(CalendarEvent.NameMaxLength).IsRequired();

        // Two edits that both started from the same sequence: the second fails in the database too.
        builder.Property(e => e.Sequence).IsConcurrencyToken();
        builder.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceLine>().WithMany().HasForeignKey(e => e.ServiceLineId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Place>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.SetNull);
        // A UID is unique within an office: the same partner schedule may be imported into several offices.
        builder.HasIndex(e => new { e.OfficeId, e.Uid }).IsUnique();
        builder.HasIndex(e => new { e.OfficeId, e.StartDate });
        builder.OwnsMany(e => e.Overrides, o =>
        {
            o.ToTable("CalendarEventOverrides");
            o.WithOwner().HasForeignKey("CalendarEventId");
            o.HasKey("CalendarEventId", nameof(CalendarEventOverride.OriginalDate));
            o.Property(x => x.Title).HasMaxLength(CalendarEvent.TitleMaxLength);
            o.Property(x => x.Location).HasMaxLength(CalendarEvent.LocationMaxLength);
            o.Property(x => x.Description).HasMaxLength(CalendarEvent.DescriptionMaxLength);
        });
        builder.Navigation(e => e.Overrides).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_overrides");
    }
}
