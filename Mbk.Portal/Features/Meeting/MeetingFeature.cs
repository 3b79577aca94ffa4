namespace Mbk.Portal.Features.Meeting;

public static class MeetingFeature
{
    public static IServiceCollection AddMeetingFeature(this IServiceCollection services)
    {
        services.AddScoped<MeetingCommands>();
        services.AddScoped<MeetingQueries>();
        return services;
    }
}
