namespace Mbk.Portal.Features.Admin;

public static class AdminFeature
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<StaffAdminService>();
        return services;
    }
}
