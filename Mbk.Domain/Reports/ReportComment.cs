using Mbk.Domain.Common;

namespace Mbk.Domain.Reports;

/// <summary>
/// A manager's free-text comment on one section of an office's report for one period, written before the report is
/// sent. The scheduled send and "Skicka nu" both include the comments saved for the period.
/// </summary>
public sealed class ReportComment : Entity
{
    public const int TextMaxLength = 2000;
    public const int NameMaxLength = 200;

    private ReportComment()
    {
        Text = string.Empty;
        UpdatedBy = string.Empty;
    }

    public int OfficeId { get; private set; }

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public ReportSection Section { get; private set; }

    public string Text { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ReportComment Write(int officeId, DateOnly from, DateOnly to, ReportSection section, string text, string updatedBy, DateTimeOffset now)
    {
        if (!Enum.IsDefined(section))
        {
            throw new DomainException("Okänt avsnitt i rapporten.");
        }

        var comment = new ReportComment { OfficeId = officeId, PeriodFrom = from, PeriodTo = to, Section = section };
        comment.Change(text, updatedBy, now);
        return comment;
    }

    public void Change(string text, string updatedBy, DateTimeOffset now)
    {
        Text = Common.Text.Required(text, $"Kommentaren till \"{Section.Heading()}\"", TextMaxLength);
        UpdatedBy = Common.Text.Required(updatedBy, "Namnet", NameMaxLength);
        UpdatedAt = now;
    }
}
