using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Feedback;

/// <summary>
/// Downloads: <c>GET /feedback/export.csv</c> (staff of the office: the register without any contact details) and
/// <c>GET /feedback/data-request.csv?q=e-mail-or-phone</c> (the office's managers only: one visitor's own items with
/// their contact, to hand to the visitor who asked).
/// </summary>
public static class FeedbackExport
{
    public const string ExportPath = "/feedback/export.csv";
    public const string DataRequestPath = "/feedback/data-request.csv";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static readonly IReadOnlyList<string> Headers =
        ["Nr", "Inkom", "Slag", "Kanal", "Område", "Sammanfattning", "Status", "Svar senast", "Besvarad"];

    public static readonly IReadOnlyList<string> DataRequestHeaders =
        ["Nr", "Inkom", "Slag", "Sammanfattning", "Status", "Svar", "Namn", "E-post", "Telefon", "Postadress"];

    private static readonly CsvWriterOptions CsvOptions = new() { Separator = ';', WriteByteOrderMark = true };

    public static IEndpointRouteBuilder MapFeedbackExports(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ExportPath, async (HttpContext http, CancellationToken ct) =>
        {
            if (await StaffAsync(http, ct) is not { CurrentOffice: { } office } staff)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var rows = await http.RequestServices.GetRequiredService<FeedbackQueries>().ListAsync(staff, new FeedbackFilter(), ct);
            return Results.File(ToCsv(rows), CsvContentType, $"synpunkter-{office.Slug}.csv");
        }).RequireAuthorization();
        endpoints.MapGet(DataRequestPath, async (HttpContext http, string? q, CancellationToken ct) =>
        {
            if (await StaffAsync(http, ct) is not { } staff || !FeedbackAccess.MaySeeContacts(staff))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            try
            {
                var rows = await http.RequestServices.GetRequiredService<FeedbackQueries>().DataRequestAsync(staff, q ?? string.Empty, ct);
                return Results.File(ToDataRequestCsv(rows), CsvContentType, "registerutdrag-synpunkter.csv");
            }
            catch (Mbk.Domain.Common.DomainException refusal)
            {
                return Results.Problem(refusal.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        }).RequireAuthorization();
        return endpoints;
    }

    /// <summary>The register as CSV: anonymous columns only.</summary>
    public static byte[] ToCsv(IReadOnlyList<FeedbackRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Write(Headers, rows.Select(r => new[]
        {
            r.Id.ToString(CultureInfo.InvariantCulture), Date(r.ReceivedOn), r.KindName, r.ChannelName, r.Area ?? string.Empty, r.Summary,
            r.StatusName, Date(r.DueOn), r.AnsweredOn is { } answered ? Date(answered) : string.Empty,
        }));
    }

    /// <summary>One visitor's items with their contact (a data request).</summary>
    public static byte[] ToDataRequestCsv(IReadOnlyList<FeedbackDataRequestRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Write(DataRequestHeaders, rows.Select(r => new[]
        {
            r.Row.Id.ToString(CultureInfo.InvariantCulture), Date(r.Row.ReceivedOn), r.Row.KindName, r.Row.Summary, r.Row.StatusName, r.Answer ?? string.Empty,
            r.Contact.Name ?? string.Empty, r.Contact.Email ?? string.Empty, r.Contact.Phone ?? string.Empty, r.Contact.PostalAddress ?? string.Empty,
        }));
    }

    private static byte[] Write(IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, CsvOptions, leaveOpen: true))
        {
            csv.WriteRecord(headers.ToArray());
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static async Task<StaffContext?> StaffAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var dbFactory = http.RequestServices.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        return userId is null ? null : await StaffSession.LoadAsync(dbFactory, userId, cancellationToken);
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
