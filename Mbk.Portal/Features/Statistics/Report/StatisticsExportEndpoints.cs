using System.Globalization;
using System.Security.Claims;
using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Report;

/// <summary>
/// Downloads of the report: <c>GET /statistics/export.xlsx|.csv|.zip?kind=month&amp;from=2026-11-01[&amp;to=…][&amp;office=3]</c>.
/// Signed-in staff only, and only for an office they belong to (their current office when none is given).
/// </summary>
public static class StatisticsExportEndpoints
{
    public const string ExcelPath = "/statistics/export.xlsx";
    public const string CsvPath = "/statistics/export.csv";
    public const string ZipPath = "/statistics/export.zip";

    public static IEndpointRouteBuilder MapStatisticsExports(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ExcelPath, (HttpContext http, CancellationToken ct) =>
                ExportAsync(http, r => (StatisticsExport.ToExcel(r), StatisticsExport.ExcelContentType, ".xlsx"), ct))
            .RequireAuthorization();
        endpoints.MapGet(CsvPath, (HttpContext http, CancellationToken ct) =>
                ExportAsync(http, r => (StatisticsExport.QuestionsCsv(r), StatisticsExport.CsvContentType, "-fragor.csv"), ct))
            .RequireAuthorization();
        endpoints.MapGet(ZipPath, (HttpContext http, CancellationToken ct) =>
                ExportAsync(http, r => (StatisticsExport.ToCsvZip(r), StatisticsExport.ZipContentType, "-csv.zip"), ct))
            .RequireAuthorization();
        return endpoints;
    }

    /// <summary>The export link of a period, e.g. for the page's buttons.</summary>
    public static string Link(string path, int officeId, StatisticsPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        var kind = KindText(period.Kind);
        var link = string.Create(CultureInfo.InvariantCulture, $"{path}?office={officeId}&kind={kind}&from={StatisticsFormat.Date(period.From)}");
        return period.Kind == PeriodKind.Custom ? link + "&to=" + StatisticsFormat.Date(period.To) : link;
    }

    /// <summary>The kind as it is written in links: day, week, month, tertial, year, custom.</summary>
    public static string KindText(PeriodKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Reads kind, from and to; null when they do not make a period.</summary>
    public static StatisticsPeriod? ParsePeriod(string? kind, string? from, string? to)
    {
        if (!Enum.TryParse<PeriodKind>(kind, ignoreCase: true, out var parsedKind) || !Enum.IsDefined(parsedKind)
            || !DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate))
        {
            return null;
        }

        try
        {
            if (parsedKind != PeriodKind.Custom)
            {
                return StatisticsPeriod.Containing(parsedKind, fromDate);
            }

            return DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDate)
                ? StatisticsPeriod.Custom(fromDate, toDate)
                : null;
        }
        catch (DomainException)
        {
            return null;
        }
    }

    private static async Task<IResult> ExportAsync(HttpContext http, Func<StatisticsReport, (byte[] Bytes, string ContentType, string Suffix)> build, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var period = ParsePeriod(query["kind"], query["from"], query["to"]);
        if (period is null)
        {
            return Results.BadRequest("Ange en giltig period: kind (day, week, month, tertial, year, custom), from (ÅÅÅÅ-MM-DD) och för eget intervall to.");
        }

        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var staff = userId is null ? null : await StaffSession.LoadAsync(dbFactory, userId, cancellationToken);
        if (staff is null)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        int officeId;
        if (string.IsNullOrEmpty(query["office"]))
        {
            if (staff.CurrentOffice is null)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            officeId = staff.CurrentOffice.Id;
        }
        else if (!int.TryParse(query["office"], NumberStyles.None, CultureInfo.InvariantCulture, out officeId))
        {
            return Results.BadRequest("Kontoret är ogiltigt.");
        }

        if (!staff.BelongsTo(officeId))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var report = await http.RequestServices.GetRequiredService<StatisticsQueries>().GetReportAsync(officeId, period, cancellationToken);
        var (bytes, contentType, suffix) = build(report);
        return Results.File(bytes, contentType, StatisticsExport.FileName(report) + suffix);
    }
}
