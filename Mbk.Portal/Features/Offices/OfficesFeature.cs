namespace Mbk.Portal.Features.Offices;

public static class OfficesFeature
{
    public static IServiceCollection AddOfficesFeature(this IServiceCollection services)
    {
        services.AddScoped<OfficeCommands>();
        services.AddScoped<OfficeQueries>();
        return services;
    }
}
