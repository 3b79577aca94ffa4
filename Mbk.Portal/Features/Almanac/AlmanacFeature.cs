using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Almanac.Staffing;

namespace Mbk.Portal.Features.Almanac;

/// <summary>The shared almanac: events (with recurrence and the iCal feed), opening hours as data, and staffing.</summary>
public static class AlmanacFeature
{
    public static IServiceCollection AddAlmanacFeature(this IServiceCollection services)
    {
        services.AddAlmanacEvents();
        services.AddOpeningSchedule();
        services.AddStaffing();
        return services;
    }

    public static WebApplication MapAlmanacFeature(this WebApplication app)
    {
        app.MapAlmanacEvents();
        return app;
    }
}
