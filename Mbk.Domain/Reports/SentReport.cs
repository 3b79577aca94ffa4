using Mbk.Domain.Common;

namespace Mbk.Domain.Reports;

/// <summary>How a report in the archive came to be sent.</summary>
public enum SentReportKind
{
    /// <summary>By the scheduled job after the tertial's end.</summary>
    Scheduled = 0,

    /// <summary>By a manager with "Skicka nu", the first time for the period.</summary>
    Manual = 1,

    /// <summary>By a manager again, after the period's report had already gone out.</summary>
    Resend = 2,
}

/// <summary>
/// The archive: one report as it was sent, what, to whom, when and by whom, with the exact HTML, the Excel
/// attachment and the whole message (.eml) as handed to the mail server.
/// </summary>
public sealed class SentReport : Entity
{
    public const int LabelMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int MessageIdMaxLength = 300;
    public const int NameMaxLength = 200;
    public const int FileNameMaxLength = 200;

    private SentReport()
    {
        PeriodLabel = string.Empty;
        Subject = string.Empty;
        Recipients = string.Empty;
        HtmlBody = string.Empty;
        AttachmentFileName = string.Empty;
        Attachment = [];
        Message = [];
        MessageId = string.Empty;
        Comments = string.Empty;
    }

    public int OfficeId { get; private set; }

    public DateOnly PeriodFrom { get; private set; }

    public DateOnly PeriodTo { get; private set; }

    public string PeriodLabel { get; private set; }

    /// <summary>Set when the period is a tertial.</summary>
    public int? Year { get; private set; }

    public int? Tertial { get; private set; }

    public SentReportKind Kind { get; private set; }

    public string Subject { get; private set; }

    /// <summary>"Name &lt;address&gt;" per line.</summary>
    public string Recipients { get; private set; }

    public int RecipientCount { get; private set; }

    public string HtmlBody { get; private set; }

    public string AttachmentFileName { get; private set; }

    public byte[] Attachment { get; private set; }

    /// <summary>The complete MIME message (.eml) as sent, with its inline charts.</summary>
    public byte[] Message { get; private set; }

    public string MessageId { get; private set; }

    /// <summary>The managers' comments as sent, "Heading: text" per line (empty when none).</summary>
    public string Comments { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>Null when the scheduled job sent it.</summary>
    public string? SentByUserId { get; private set; }

    public string? SentByName { get; private set; }

    public static SentReport Archive(
        int officeId,
        DateOnly from,
        DateOnly to,
        string periodLabel,
        TertialKey? tertial,
        SentReportKind kind,
        string subject,
        IReadOnlyList<string> recipients,
        string htmlBody,
        string attachmentFileName,
        byte[] attachment,
        byte[] message,
        string messageId,
        string comments,
        DateTimeOffset sentAt,
        string? sentByUserId,
        string? sentByName)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        if (recipients.Count == 0)
        {
            throw new DomainException("Rapporten har inga mottagare.");
        }

        if (kind != SentReportKind.Scheduled && string.IsNullOrWhiteSpace(sentByName))
        {
            throw new DomainException("En rapport som skickas för hand måste ha en avsändare.");
        }

        return new SentReport
        {
            OfficeId = officeId,
            PeriodFrom = from,
            PeriodTo = to,
            PeriodLabel = Text.Required(periodLabel, "Perioden", LabelMaxLength),
            Year = tertial?.Year,
            Tertial = tertial?.Tertial,
            Kind = kind,
            Subject = Text.Required(subject, "Ämnet", SubjectMaxLength),
            Recipients = string.Join('\n', recipients),
            RecipientCount = recipients.Count,
            HtmlBody = htmlBody ?? throw new ArgumentNullException(nameof(htmlBody)),
            AttachmentFileName = Text.Required(attachmentFileName, "Filnamnet", FileNameMaxLength),
            Attachment = attachment ?? throw new ArgumentNullException(nameof(attachment)),
            Message = message ?? throw new ArgumentNullException(nameof(message)),
            MessageId = Text.Required(messageId, "Message-ID", MessageIdMaxLength),
            Comments = comments ?? string.Empty,
            SentAt = sentAt,
            SentByUserId = sentByUserId,
            SentByName = sentByName,
        };
    }
}
