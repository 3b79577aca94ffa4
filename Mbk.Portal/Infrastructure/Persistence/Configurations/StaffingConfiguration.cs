using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class StaffingAssignmentConfiguration : IEntityTypeConfiguration<StaffingAssignment>
{
    /// <summary>Index names, so a unique-constraint violation can be told apart from other failures.</summary>
    public const string PositionIndex = "IX_StaffingAssignments_Position";
    public const string PersonIndex = "IX_StaffingAssignments_Person";

    public void Configure(EntityTypeBuilder<StaffingAssignment> builder)
    {
        builder.ToTable("StaffingAssignments");
        builder.Ignore(a => a.PendingEvents);
        builder.Property(a => a.DayPart).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.StaffUserId).HasMaxLength(StaffingAssignment.UserIdMaxLength).IsRequired();
        builder.Property(a => a.StaffName).HasMaxLength(StaffingAssignment.NameMaxLength).IsRequired();
        builder.Property(a => a.Note).HasMaxLength(StaffingAssignment.NoteMaxLength);
        builder.Property(a => a.ChangedByName).HasMaxLength(StaffingAssignment.NameMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Place>().WithMany().HasForeignKey(a => a.PlaceId).OnDelete(DeleteBehavior.Restrict);

        // The two staffing rules, backed by the database so concurrent editors can never double-book:
        // a position holds one person per day part, and a person is at one position per day part.
        builder.HasIndex(a => new { a.OfficeId, a.Date, a.DayPart, a.PlaceId }).IsUnique().HasDatabaseName(PositionIndex);
        builder.HasIndex(a => new { a.OfficeId, a.Date, a.DayPart, a.StaffUserId }).IsUnique().HasDatabaseName(PersonIndex);
    }
}
