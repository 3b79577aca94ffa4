using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Mbk.Portal.Features.Statistics.Visitors;

/// <summary>
/// <c>POST /api/offices/{office}/door-counter</c>: an automatic door counter sends a reading, authenticated by the
/// office's key in <c>X-Api-Key</c> (not by a staff sign-in).
/// </summary>
public static class DoorCounterApi
{
    public const string RouteTemplate = "/api/offices/{office}/door-counter";

    /// <summary>The endpoint path for an office, e.g. <c>/api/offices/rinkeby/door-counter</c>.</summary>
    public static string PathFor(string officeSlug) => $"/api/offices/{Uri.EscapeDataString(officeSlug)}/door-counter";

    public static IEndpointRouteBuilder MapDoorCounterApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(RouteTemplate, PostAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("DoorCounterReading");
        return endpoints;
    }

    /// <summary>The body of a created answer.</summary>
    public sealed record CreatedReading(int Id, int Visitors);

    private static async Task<Results<Created<CreatedReading>, ProblemHttpResult>> PostAsync(
        string office, HttpRequest request, DoorCounterIntake intake, CancellationToken cancellationToken)
    {
        var key = request.Headers[DoorCounterKeys.HeaderName].ToString();
        var result = await intake.PostAsync(office, key, request.Body, cancellationToken);
        return result.Outcome switch
        {
            DoorCounterOutcome.Created => TypedResults.Created((string?)null, new CreatedReading(result.Id!.Value, result.Visitors!.Value)),
            DoorCounterOutcome.UnknownOffice => Problem(StatusCodes.Status404NotFound, "Kontoret finns inte", result.Message),
            DoorCounterOutcome.Unauthorized => Problem(StatusCodes.Status401Unauthorized, "Ej behörig", result.Message),
            DoorCounterOutcome.Overlap => Problem(StatusCodes.Status409Conflict, "Mätningen finns redan", result.Message),
            _ => Problem(StatusCodes.Status400BadRequest, "Ogiltig mätning", result.Message),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string? detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
