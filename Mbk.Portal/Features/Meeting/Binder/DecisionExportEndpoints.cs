using System.Security.Claims;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Meeting.Binder;

/// <summary>
/// Downloads of the binder: <c>GET /decisions/export.xlsx|.csv?q=…&amp;category=…&amp;from=…&amp;to=…&amp;person=…</c>.
/// Signed-in staff only; always the decisions of the user's current office.
/// </summary>
public static class DecisionExportEndpoints
{
    public const string ExcelPath = "/decisions/export.xlsx";
    public const string CsvPath = "/decisions/export.csv";

    public static IEndpointRouteBuilder MapDecisionExports(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ExcelPath, (HttpContext http, CancellationToken ct) =>
                ExportAsync(http, (d, office) => (DecisionExport.ToExcel(d, "Beslutspärmen – " + office), DecisionExport.ExcelContentType, ".xlsx"), ct))
            .RequireAuthorization();
        endpoints.MapGet(CsvPath, (HttpContext http, CancellationToken ct) =>
                ExportAsync(http, (d, _) => (DecisionExport.ToCsv(d), DecisionExport.CsvContentType, ".csv"), ct))
            .RequireAuthorization();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(
        HttpContext http, Func<IReadOnlyList<DecisionView>, string, (byte[] Bytes, string ContentType, string Suffix)> build, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var staff = userId is null ? null : await StaffSession.LoadAsync(dbFactory, userId, cancellationToken);
        if (staff?.CurrentOffice is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var query = http.Request.Query;
        var filter = DecisionFilterQuery.Parse(name => query[name].FirstOrDefault());
        var decisions = await http.RequestServices.GetRequiredService<MeetingQueries>().DecisionsAsync(staff, filter, cancellationToken);
        var (bytes, contentType, suffix) = build(decisions, staff.CurrentOffice.Name);
        var slug = new string(staff.CurrentOffice.Slug.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        return Results.File(bytes, contentType, "beslut-" + slug + suffix);
    }
}
