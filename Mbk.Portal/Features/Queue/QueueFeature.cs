using System.Threading.RateLimiting;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue.Display;
using Mbk.Portal.Features.Queue.Kiosk;
using Mbk.Portal.Features.Queue.Live;
using Mbk.Portal.Features.Queue.Mobile;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mbk.Portal.Features.Queue;

public static class QueueFeature
{
    /// <summary>Requests per minute and client address to the mobile ticket pages (<c>/t/*</c>).</summary>
    public const string MobileTicketLimitKey = "Queue:MobileTicketRequestsPerMinute";

    public const int DefaultMobileTicketLimit = 30;

    /// <summary>The mobile ticket pages: the only part of the portal meant to be reachable from the internet.</summary>
    public static bool IsMobileTicketPath(PathString path) => path.StartsWithSegments("/t");

    public static IServiceCollection AddQueueFeature(this IServiceCollection services)
    {
        services.AddScoped<QueueCommands>();
        services.AddScoped<QueueQueries>();
        services.AddScoped<QueueSettingsCommands>();
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            return new TicketRateLimiter(
                configuration.GetValue("Queue:KioskMaxTickets", 10),
                TimeSpan.FromSeconds(configuration.GetValue("Queue:KioskWindowSeconds", 60)),
                sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => new KioskDeviceLimit(
            sp.GetRequiredService<IConfiguration>().GetValue(KioskDeviceLimit.Key, KioskDeviceLimit.Default.MaxTickets)));
        services.AddTransient<EndOfDayJob>();
        services.AddHostedService<EndOfDaySchedule>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            // Read once at start-up (validated by SettingsValidator), not per request.
            var limit = configuration.GetValue(MobileTicketLimitKey, DefaultMobileTicketLimit);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !IsMobileTicketPath(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    // Per client address, kept only in the limiter's memory for the window: enough to stop someone
                    // walking through guessed codes, and nothing about the visitor is stored.
                    : RateLimitPartition.GetFixedWindowLimiter(
                        "t:" + context.Connection.RemoteIpAddress,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // Shared per-office pictures of the live screens: computed once per change, read by every circuit.
        services.AddSingleton<DisplayReadModel>();
        services.AddSingleton<KioskReadModel>();
        services.AddSingleton<MonitorReadModel>();
        services.AddSingleton<MobileTicketReadModel>();
        services.AddSingleton<OfficeSlugs>();
        services.AddSingleton<Mobile.MobileTicketLinks>();
        services.AddVisitorTexts();
        return services;
    }

    /// <summary>
    /// The kiosk's, mobile ticket's and display's texts, read once from their .resx files (needs
    /// <c>AddPortalLocalization</c>).
    /// </summary>
    public static IServiceCollection AddVisitorTexts(this IServiceCollection services)
    {
        services.TryAddSingleton<KioskTexts>();
        services.TryAddSingleton<MobileTicketTexts>();
        services.TryAddSingleton<DisplayTexts>();
        return services;
    }
}
