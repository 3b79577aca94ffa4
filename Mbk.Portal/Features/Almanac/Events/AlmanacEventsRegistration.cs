namespace Mbk.Portal.Features.Almanac.Events;

public static class AlmanacEventsRegistration
{
    public static IServiceCollection AddAlmanacEvents(this IServiceCollection services)
    {
        services.AddScoped<AlmanacEventCommands>();
        services.AddScoped<AlmanacEventQueries>();
        services.AddScoped<IAlmanacEntrySource, AlmanacEventEntrySource>();
        return services;
    }

    public static WebApplication MapAlmanacEvents(this WebApplication app) => app;
}
