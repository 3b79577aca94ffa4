namespace Mbk.Domain.Reports;

/// <summary>The sections of a tertial report, in the order they are shown; a manager may comment on each.</summary>
public enum ReportSection
{
    Summary = 0,
    Visitors = 1,
    Questions = 2,
    Changes = 3,
    Referrals = 4,
    Surveys = 5,
    Queue = 6,
    Feedback = 7,
}

public static class ReportSectionNames
{
    public static IReadOnlyList<ReportSection> All { get; } = Enum.GetValues<ReportSection>();

    /// <summary>The section's Swedish heading.</summary>
    public static string Heading(this ReportSection section) => section switch
    {
        ReportSection.Summary => "Sammanfattning",
        ReportSection.Visitors => "Besökare",
        ReportSection.Questions => "Frågor per ärendeslag",
        ReportSection.Changes => "Största förändringar mot förra året",
        ReportSection.Referrals => "Länkningar",
        ReportSection.Surveys => "Brukarenkäter",
        ReportSection.Queue => "Kö och väntetider",
        ReportSection.Feedback => "Synpunkter och klagomål",
        _ => section.ToString(),
    };

    /// <summary>The id used in links and test ids: "visitors", "questions".</summary>
    public static string Slug(this ReportSection section) => section.ToString().ToLowerInvariant();
}
