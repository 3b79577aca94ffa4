namespace Mbk.Portal.Features.Almanac.Staffing;

public static class StaffingRegistration
{
    public static IServiceCollection AddStaffing(this IServiceCollection services) => services;
}
