using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class PlaceConfiguration : IEntityTypeConfiguration<Place>
{
    public void Configure(EntityTypeBuilder<Place> builder)
    {
        builder.ToTable("Places");
        builder.Ignore(p => p.PendingEvents);
        builder.Property(p => p.Name).HasMaxLength(Place.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(p => p.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class KioskDeviceConfiguration : IEntityTypeConfiguration<KioskDevice>
{
    public void Configure(EntityTypeBuilder<KioskDevice> builder)
    {
        builder.ToTable("KioskDevices");
        builder.Ignore(d => d.PendingEvents);
        builder.Ignore(d => d.IsActive);
        builder.Property(d => d.Name).HasMaxLength(KioskDevice.NameMaxLength).IsRequired();
        builder.Property(d => d.TokenHash).HasMaxLength(MobileTicketCode.HashLength).IsRequired();
        builder.Property(d => d.RegisteredBy).HasMaxLength(200).IsRequired();
        builder.HasIndex(d => d.TokenHash).IsUnique();
        builder.HasIndex(d => d.OfficeId);
        builder.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> builder)
    {
        builder.ToTable("Tickets");
        builder.Ignore(t => t.PendingEvents);
        builder.Ignore(t => t.DisplayNumber);
        builder.Ignore(t => t.WaitTime);
        builder.Ignore(t => t.ServiceTime);
        builder.Ignore(t => t.IsOpen);
        builder.Property(t => t.Prefix).HasConversion<string>().HasMaxLength(1).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.StaffUserId).HasMaxLength(450);
        builder.Property(t => t.CalledOutOfOrderReason).HasMaxLength(200);
        builder.Property(t => t.MobileCodeHash).HasMaxLength(MobileTicketCode.HashLength);
        builder.HasOne<Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ServiceLine>().WithMany().HasForeignKey(t => t.ServiceLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Place>().WithMany().HasForeignKey(t => t.PlaceId).OnDelete(DeleteBehavior.Restrict);
        // The day's queue in call-next's order, so call-next reads the head of the queue without sorting the day's
        // waiting tickets.
        builder.HasIndex(t => new { t.OfficeId, t.ServiceDay, t.Status, t.TakenAt, t.Number, t.Id });
        builder.HasIndex(t => new { t.OfficeId, t.Status, t.TakenAt });
        // A place's current visit (every command at a counter asks).
        builder.HasIndex(t => new { t.PlaceId, t.Status });
        // The tickets transferred to a place, in the queue's order: call-next looks for them first.
        builder.HasIndex(t => new { t.TargetPlaceId, t.Status, t.OfficeId, t.ServiceDay, t.TakenAt, t.Number, t.Id });
        // Statistics, exports and the staffing forecast ask for an office's tickets by time, whatever their status.
        builder.HasIndex(t => new { t.OfficeId, t.TakenAt });
        // A phone opens its ticket by the code's hash.
        builder.HasIndex(t => t.MobileCodeHash);
    }
}

internal sealed class PlaceOccupancyConfiguration : IEntityTypeConfiguration<PlaceOccupancy>
{
    public void Configure(EntityTypeBuilder<PlaceOccupancy> builder)
    {
        builder.ToTable("PlaceOccupancies");
        builder.Ignore(o => o.PendingEvents);
        builder.Ignore(o => o.ServiceLineIds);
        builder.Property(o => o.StaffUserId).HasMaxLength(450).IsRequired();
        builder.Property(o => o.ServiceLineIdsText).HasMaxLength(500).IsRequired();
        builder.HasOne<Place>().WithMany().HasForeignKey(o => o.PlaceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.PlaceId).IsUnique();
        builder.HasIndex(o => new { o.OfficeId, o.StaffUserId }).IsUnique();
    }
}

internal sealed class TicketNumberCounterConfiguration : IEntityTypeConfiguration<TicketNumberCounter>
{
    public void Configure(EntityTypeBuilder<TicketNumberCounter> builder)
    {
        builder.ToTable("TicketNumberCounters");
        builder.HasKey(c => new { c.ServiceLineId, c.ServiceDay });
        builder.HasOne<ServiceLine>().WithMany().HasForeignKey(c => c.ServiceLineId).OnDelete(DeleteBehavior.Cascade);
    }
}
