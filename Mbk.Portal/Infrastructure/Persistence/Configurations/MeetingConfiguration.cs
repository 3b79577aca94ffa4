using Mbk.Domain.Meeting;
using Mbk.Domain.Offices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class AgendaTemplateConfiguration : IEntityTypeConfiguration<AgendaTemplate>
{
    public void Configure(EntityTypeBuilder<AgendaTemplate> builder)
    {
        builder.ToTable("AgendaTemplates");
        builder.Ignore(t => t.PendingEvents);
        builder.Ignore(t => t.Items);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ItemsText).HasMaxLength(AgendaTemplate.MaxItems * (AgendaTemplate.TitleMaxLength + 1)).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(t => t.OfficeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.OfficeId, t.Kind }).IsUnique();
    }
}

internal sealed class MeetingPointConfiguration : IEntityTypeConfiguration<MeetingPoint>
{
    public void Configure(EntityTypeBuilder<MeetingPoint> builder)
    {
        builder.ToTable("MeetingPoints");
        builder.Ignore(p => p.PendingEvents);
        builder.Property(p => p.Title).HasMaxLength(MeetingPoint.TitleMaxLength).IsRequired();
        builder.Property(p => p.Text).HasMaxLength(MeetingPoint.TextMaxLength);
        builder.Property(p => p.ProposedByUserId).HasMaxLength(MeetingPoint.UserIdMaxLength).IsRequired();
        builder.Property(p => p.ProposedByName).HasMaxLength(MeetingPoint.NameMaxLength).IsRequired();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Office>().WithMany().HasForeignKey(p => p.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OfficeId, p.Status, p.ProposedAt });
    }
}

internal sealed class MorningMeetingConfiguration : IEntityTypeConfiguration<MorningMeeting>
{
    public void Configure(EntityTypeBuilder<MorningMeeting> builder)
    {
        builder.ToTable("MorningMeetings");
        builder.Ignore(m => m.PendingEvents);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.ChairUserId).HasMaxLength(MorningMeeting.UserIdMaxLength);
        builder.Property(m => m.ChairName).HasMaxLength(MorningMeeting.NameMaxLength);
        builder.HasOne<Office>().WithMany().HasForeignKey(m => m.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OfficeId, m.Date }).IsUnique();
        builder.OwnsMany(m => m.Items, i =>
        {
            i.ToTable("MeetingAgendaItems");
            i.WithOwner().HasForeignKey("MeetingId");
            i.Property<int>("Id");
            i.HasKey("Id");
            i.Property(x => x.Title).HasMaxLength(AgendaItem.TitleMaxLength).IsRequired();
            i.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            i.Property(x => x.Notes).HasMaxLength(AgendaItem.NotesMaxLength);
            // A second writer of the same notes fails in the database too, should two saves ever race past the check.
            i.Property(x => x.NotesVersion).IsConcurrencyToken();
        });
        builder.Navigation(m => m.Items).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_items");
        builder.OwnsMany(m => m.Attendees, a =>
        {
            a.ToTable("MeetingAttendees");
            a.WithOwner().HasForeignKey("MeetingId");
            a.Property<int>("Id");
            a.HasKey("Id");
            a.Property(x => x.UserId).HasMaxLength(MorningMeeting.UserIdMaxLength).IsRequired();
            a.Property(x => x.DisplayName).HasMaxLength(MorningMeeting.NameMaxLength).IsRequired();
        });
        builder.Navigation(m => m.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("Decisions");
        builder.Ignore(d => d.PendingEvents);
        builder.Property(d => d.Text).HasMaxLength(Decision.TextMaxLength).IsRequired();
        builder.Property(d => d.Category).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ResponsibleName).HasMaxLength(Decision.NameMaxLength);
        builder.Property(d => d.RecordedByUserId).HasMaxLength(Decision.UserIdMaxLength).IsRequired();
        builder.Property(d => d.RecordedByName).HasMaxLength(Decision.NameMaxLength).IsRequired();
        builder.Property(d => d.ResponsibleUserId).HasMaxLength(Decision.UserIdMaxLength);
        builder.Property(d => d.CorrectedByName).HasMaxLength(Decision.NameMaxLength);
        builder.Property(d => d.Version).HasDefaultValue(1);
        builder.OwnsMany(d => d.Revisions, r =>
        {
            r.ToTable("DecisionRevisions");
            r.WithOwner().HasForeignKey("DecisionId");
            r.Property<int>("Id");
            r.HasKey("Id");
            r.Property(x => x.Text).HasMaxLength(Decision.TextMaxLength).IsRequired();
            r.Property(x => x.Category).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.ResponsibleName).HasMaxLength(Decision.NameMaxLength);
            r.Property(x => x.ResponsibleUserId).HasMaxLength(Decision.UserIdMaxLength);
            r.Property(x => x.WrittenByName).HasMaxLength(Decision.NameMaxLength).IsRequired();
        });
        builder.Navigation(d => d.Revisions).UsePropertyAccessMode(PropertyAccessMode.Field).HasField("_revisions");
        builder.HasOne<Office>().WithMany().HasForeignKey(d => d.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MorningMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.SupersededById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(d => d.SupersedesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.OfficeId, d.RecordedAt });
        builder.HasIndex(d => new { d.OfficeId, d.Status, d.ReviewDate });
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("ActionItems");
        builder.Ignore(a => a.PendingEvents);
        builder.Property(a => a.What).HasMaxLength(ActionItem.WhatMaxLength).IsRequired();
        builder.Property(a => a.WhoName).HasMaxLength(ActionItem.NameMaxLength).IsRequired();
        builder.Property(a => a.WhoUserId).HasMaxLength(ActionItem.UserIdMaxLength);
        builder.Property(a => a.DoneByUserId).HasMaxLength(ActionItem.UserIdMaxLength);
        builder.HasOne<Office>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MorningMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OfficeId, a.Done, a.DueDate });
    }
}

internal sealed class DecisionReadConfiguration : IEntityTypeConfiguration<DecisionRead>
{
    public void Configure(EntityTypeBuilder<DecisionRead> builder)
    {
        builder.ToTable("DecisionReads");
        builder.HasKey(r => new { r.DecisionId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(Decision.UserIdMaxLength);
        builder.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.UserId);
    }
}
