using Mbk.Portal.Features.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mbk.Portal.Features.Feedback;

/// <summary>DI and endpoints of the feedback register (synpunkter och klagomål).</summary>
public static class FeedbackFeature
{
    /// <summary>Call after <c>AddReportsFeature</c>: the report's feedback seam is replaced with the register's figures.</summary>
    public static IServiceCollection AddFeedbackFeature(this IServiceCollection services)
    {
        services.AddScoped<FeedbackCommands>();
        services.AddScoped<FeedbackQueries>();
        services.AddScoped<FeedbackStatistics>();
        services.AddScoped<FeedbackHistoryImport>();
        services.Replace(ServiceDescriptor.Scoped<IReportFeedbackSource, FeedbackReportSource>());
        services.AddTransient<FeedbackRetentionJob>();
        services.AddOptions<FeedbackRetentionOptions>()
            .BindConfiguration(FeedbackRetentionOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Cron), "Feedback:Retention:Cron måste anges.")
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Feedback:Retention:TimeZone är ingen känd tidszon.")
            .ValidateOnStart();
        services.AddHostedService<FeedbackRetentionSchedule>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeedbackFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapFeedbackExports();
        return endpoints;
    }
}
