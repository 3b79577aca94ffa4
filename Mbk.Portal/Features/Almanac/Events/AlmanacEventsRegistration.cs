using Mbk.Portal.Features.Almanac.Ical;

namespace Mbk.Portal.Features.Almanac.Events;

public static class AlmanacEventsRegistration
{
    public static IServiceCollection AddAlmanacEvents(this IServiceCollection services)
    {
        services.AddScoped<AlmanacEventCommands>();
        services.AddScoped<AlmanacEventQueries>();
        services.AddScoped<IAlmanacEntrySource, AlmanacEventEntrySource>();
        services.AddAlmanacIcal();
        services.AddScoped<PartnerVisits.PartnerVisitQueueGate>();
        return services;
    }

    public static WebApplication MapAlmanacEvents(this WebApplication app)
    {
        app.MapAlmanacIcal();
        return app;
    }
}
