namespace Mbk.Portal.Features.Almanac.Staffing;

public static class StaffingRegistration
{
    public static IServiceCollection AddStaffing(this IServiceCollection services)
    {
        services.AddScoped<StaffingCommands>();
        services.AddScoped<StaffingQueries>();
        services.AddScoped<StaffingForecastQueries>();
        services.AddScoped<IAlmanacEntrySource, StaffingAlmanacSource>();
        return services;
    }
}
