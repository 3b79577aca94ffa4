using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue.Live;

namespace Mbk.Portal.Features.Queue;

public static class QueueFeature
{
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
        services.AddTransient<EndOfDayJob>();
        services.AddHostedService<EndOfDaySchedule>();

        // Shared per-office pictures of the live screens: computed once per change, read by every circuit.
        services.AddSingleton<DisplayReadModel>();
        services.AddSingleton<KioskReadModel>();
        services.AddSingleton<MonitorReadModel>();
        services.AddSingleton<OfficeSlugs>();
        return services;
    }
}
