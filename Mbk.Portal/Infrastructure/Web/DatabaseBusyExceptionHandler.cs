using System.Globalization;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Mbk.Portal.Infrastructure.Web;

/// <summary>
/// A write that could not get the database lock within <c>Database:BusyTimeoutMilliseconds</c> answers 503 with
/// <c>Retry-After</c> and a Swedish problem detail instead of a 500 (the transaction was rolled back: nothing is stored).
/// </summary>
internal sealed partial class DatabaseBusyExceptionHandler(ILogger<DatabaseBusyExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseErrors.IsBusy(exception))
        {
            return false;
        }

        LogBusy(logger, httpContext.Request.Path, exception);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = DatabaseErrors.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await httpContext.Response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Tillfälligt upptaget",
                Detail = DatabaseErrors.BusyMessage,
            },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: cancellationToken);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was busy for longer than the busy timeout on {Path}; answered 503")]
    private static partial void LogBusy(ILogger logger, PathString path, Exception exception);
}
