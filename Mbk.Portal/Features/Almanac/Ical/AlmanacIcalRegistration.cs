using Microsoft.AspNetCore.Mvc;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>The iCalendar feed (anonymous, by secret token) and the .ics import.</summary>
public static class AlmanacIcalRegistration
{
    public const string FeedRoute = "/almanac/feed/{token}.ics";

    public static IServiceCollection AddAlmanacIcal(this IServiceCollection services)
    {
        services.AddScoped<AlmanacFeedService>();
        services.AddScoped<AlmanacImportCommands>();
        return services;
    }

    public static IEndpointRouteBuilder MapAlmanacIcal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(FeedRoute, GetFeedAsync).AllowAnonymous().WithName("AlmanacFeed");
        return endpoints;
    }

    private static async Task<IResult> GetFeedAsync([FromRoute] string token, AlmanacFeedService feeds, HttpResponse response, CancellationToken cancellationToken)
    {
        var feed = await feeds.GetFeedAsync(token, cancellationToken);
        response.Headers.CacheControl = "no-store";
        if (feed is null)
        {
            // The same answer for a token that never existed and one that was revoked.
            return Results.NotFound();
        }

        return Results.Text(feed, "text/calendar; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
