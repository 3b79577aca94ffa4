using Mbk.Domain.Offices;
using Mbk.Domain.Statistics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mbk.Portal.Infrastructure.Persistence.Configurations;

internal sealed class DoorCounterReadingConfiguration : IEntityTypeConfiguration<DoorCounterReading>
{
    public void Configure(EntityTypeBuilder<DoorCounterReading> builder)
    {
        builder.ToTable("DoorCounterReadings");
        builder.Ignore(r => r.PendingEvents);
        builder.Ignore(r => r.ExactVisitors);
        builder.Property(r => r.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.PassagesPerVisitor).HasPrecision(9, 4);
        builder.Property(r => r.StaffShare).HasPrecision(9, 4);
        builder.HasOne<Office>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.OfficeId, r.Start });
        builder.HasIndex(r => new { r.OfficeId, r.Start, r.End }).IsUnique();
    }
}

internal sealed class VisitorGenderEstimateConfiguration : IEntityTypeConfiguration<VisitorGenderEstimate>
{
    public void Configure(EntityTypeBuilder<VisitorGenderEstimate> builder)
    {
        builder.ToTable("VisitorGenderEstimates");
        builder.Ignore(e => e.PendingEvents);
        builder.Ignore(e => e.Total);
        builder.HasOne<Office>().WithMany().HasForeignKey(e => e.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.OfficeId, e.Day }).IsUnique();
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("Surveys");
        builder.Ignore(s => s.PendingEvents);
        builder.Property(s => s.Title).HasMaxLength(Survey.TitleMaxLength).IsRequired();
        builder.HasOne<Office>().WithMany().HasForeignKey(s => s.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsMany(s => s.Questions, q =>
        {
            q.ToTable("SurveyQuestions");
            q.WithOwner().HasForeignKey("SurveyId");
            q.HasKey("SurveyId", nameof(SurveyQuestion.Order));
            q.Property(x => x.Text).HasMaxLength(Survey.QuestionMaxLength).IsRequired();
        });
        builder.Navigation(s => s.Questions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("SurveyResponses");
        builder.Ignore(r => r.PendingEvents);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsMany(r => r.Answers, a =>
        {
            a.ToTable("SurveyAnswers");
            a.WithOwner().HasForeignKey("SurveyResponseId");
            a.HasKey("SurveyResponseId", nameof(SurveyAnswer.QuestionOrder));
        });
        builder.Navigation(r => r.Answers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
