namespace Mbk.Portal.Features.Almanac.OpeningHours;

public static class OpeningScheduleRegistration
{
    public static IServiceCollection AddOpeningSchedule(this IServiceCollection services)
    {
        services.AddScoped<OpeningScheduleQueries>();
        services.AddScoped<OpeningScheduleCommands>();
        services.AddScoped<IAlmanacEntrySource, OpeningHoursAlmanacSource>();
        return services;
    }
}
