using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class OpeningHoursExceptionConfiguration : IEntityTypeConfiguration<OpeningHoursException>
{
    public void Configure(EntityTypeBuilder<OpeningHoursException> builder)
    {
        builder.ToTable("OpeningHoursExceptions");
        builder.Ignore(e => e.PendingEvents);
        builder.Ignore(e => e.Hours);
        builder.Ignore(e => e.IsClosed);
        builder.Property(e => e.Reason).HasMaxLength(OpeningHoursException.ReasonMaxLength).IsRequired();
        builder.Property(e => e.ChangedBy).HasMaxLength(OpeningHoursException.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.OfficeId, e.Date }).IsUnique();
    }
}

internal sealed class HolidayDecisionConfiguration : IEntityTypeConfiguration<HolidayDecision>
{
    public void Configure(EntityTypeBuilder<HolidayDecision> builder)
    {
        builder.ToTable("HolidayDecisions");
        builder.Ignore(d => d.PendingEvents);
        builder.Ignore(d => d.Hours);
        builder.Property(d => d.DecidedBy).HasMaxLength(HolidayDecision.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.OfficeId, d.Date }).IsUnique();
    }
}
