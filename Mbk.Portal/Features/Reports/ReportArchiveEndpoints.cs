using System.Globalization;
using System.Security.Claims;
using System.Text;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Reports;

/// <summary>
/// Downloads from the archive, for managers of the report's office: <c>/reports/archive/{id}/report.html</c> (the exact
/// HTML sent), <c>/reports/archive/{id}/attachment</c> (the Excel file) and <c>/reports/archive/{id}/message.eml</c>
/// (the whole message with its charts, opens in Outlook).
/// </summary>
public static class ReportArchiveEndpoints
{
    public static string HtmlLink(int id) => string.Create(CultureInfo.InvariantCulture, $"/reports/archive/{id}/report.html");

    public static string AttachmentLink(int id) => string.Create(CultureInfo.InvariantCulture, $"/reports/archive/{id}/attachment");

    public static string MessageLink(int id) => string.Create(CultureInfo.InvariantCulture, $"/reports/archive/{id}/message.eml");

    public static IEndpointRouteBuilder MapReportArchive(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/reports/archive/{id:int}").RequireAuthorization();
        group.MapGet("/report.html", async (int id, HttpContext http, CancellationToken ct) =>
            await WithReportAsync(http, id, r => Results.File(Encoding.UTF8.GetBytes(r.HtmlBody), "text/html; charset=utf-8"), ct));
        group.MapGet("/attachment", async (int id, HttpContext http, CancellationToken ct) =>
            await WithReportAsync(http, id, r => Results.File(r.Attachment, ReportMessage.ExcelContentType, r.AttachmentFileName), ct));
        group.MapGet("/message.eml", async (int id, HttpContext http, CancellationToken ct) =>
            await WithReportAsync(http, id, r => Results.File(r.Message, "message/rfc822", Path.ChangeExtension(r.AttachmentFileName, ".eml")), ct));
        return endpoints;
    }

    private static async Task<IResult> WithReportAsync(HttpContext http, int id, Func<Domain.Reports.SentReport, IResult> result, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var staff = userId is null ? null : await StaffSession.LoadAsync(dbFactory, userId, cancellationToken);
        if (staff is null)
        {
            return Results.Unauthorized();
        }

        var report = await http.RequestServices.GetRequiredService<ReportQueries>().SentReportAsync(staff, id, cancellationToken);
        return report is null ? Results.NotFound() : result(report);
    }
}
