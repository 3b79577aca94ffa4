using System.Globalization;
using Mbk.Domain.Reports;
using MimeKit;
using MimeKit.Utils;

namespace Mbk.Portal.Features.Reports;

/// <summary>A composed report e-mail with the parts the archive keeps.</summary>
public sealed record ComposedReport(MimeMessage Message, string Html, byte[] Attachment, string AttachmentFileName, string MessageId, IReadOnlyList<string> Recipients)
{
    /// <summary>The whole message as it goes over the wire (.eml).</summary>
    public byte[] ToEml()
    {
        using var stream = new MemoryStream();
        Message.WriteTo(stream);
        return stream.ToArray();
    }
}

/// <summary>
/// Builds the MIME message: HTML body with the charts as linked resources (<c>cid:</c>, shown inline by Outlook),
/// a plain-text alternative, and the workbook attached.
/// </summary>
public static class ReportMessage
{
    public const string ExcelContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The scheduled report's Message-ID is derived from office and tertial, so should the narrow crash window ever
    /// let it go out twice, mail clients and servers that de-duplicate on Message-ID show it once.
    /// </summary>
    public static string ScheduledMessageId(int officeId, TertialKey tertial, string domain) =>
        string.Create(CultureInfo.InvariantCulture, $"tertialrapport-{officeId}-{tertial.Year}-t{tertial.Tertial}@{domain}");

    public static ComposedReport Compose(
        ReportContent content,
        IReadOnlyList<ReportChart> charts,
        string html,
        string from,
        IReadOnlyList<ReportRecipient> recipients,
        string messageId,
        DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(charts);
        ArgumentNullException.ThrowIfNull(recipients);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var recipient in recipients)
        {
            message.To.Add(new MailboxAddress(recipient.Name, recipient.Email));
        }

        message.Subject = content.Subject;
        message.MessageId = messageId;
        message.Date = date;

        var builder = new BodyBuilder
        {
            TextBody = $"{content.Title}, {content.OfficeName}.\n\nRapporten visas som HTML; alla siffror finns i den bifogade Excel-filen.",
        };
        foreach (var chart in charts)
        {
            var image = builder.LinkedResources.Add(chart.ContentId + ".png", chart.Png, new ContentType("image", "png"));
            image.ContentId = chart.ContentId;
        }

        builder.HtmlBody = html;
        var workbook = ReportWorkbook.ToExcel(content);
        var fileName = ReportWorkbook.FileName(content);
        builder.Attachments.Add(fileName, workbook, ContentType.Parse(ExcelContentType));
        message.Body = builder.ToMessageBody();
        var list = recipients.Select(r => $"{r.Name} <{r.Email}>").ToList();
        return new ComposedReport(message, html, workbook, fileName, messageId, list);
    }

    /// <summary>A unique Message-ID for a report a manager sends by hand.</summary>
    public static string ManualMessageId(string domain) => MimeUtils.GenerateMessageId(domain);
}
