using Mbk.Portal.Features.Meeting.Binder;

namespace Mbk.Portal.Features.Meeting;

public static class MeetingFeature
{
    public static IServiceCollection AddMeetingFeature(this IServiceCollection services)
    {
        services.AddScoped<MeetingCommands>();
        services.AddScoped<MeetingQueries>();
        services.AddScoped<YesterdaysFigures>();
        services.AddScoped<DecisionReadNotifier>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDecisionExports();
        return endpoints;
    }
}
