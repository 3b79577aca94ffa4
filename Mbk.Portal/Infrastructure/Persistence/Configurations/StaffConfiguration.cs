using Mbk.Domain.Offices;
using Mbk.Portal.Features.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        builder.HasMany(u => u.Offices).WithOne().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Office>().WithMany().HasForeignKey(u => u.CurrentOfficeId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class StaffOfficeMembershipConfiguration : IEntityTypeConfiguration<StaffOfficeMembership>
{
    public void Configure(EntityTypeBuilder<StaffOfficeMembership> builder)
    {
        builder.ToTable("StaffOfficeMemberships");
        builder.HasKey(m => new { m.UserId, m.OfficeId });
        builder.Property(m => m.Role).HasMaxLength(32).IsRequired().HasDefaultValue(StaffRoles.Advisor);
        builder.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}
