using Mbk.Portal.Features.Statistics.Surveys;

namespace Mbk.Portal.Features.Statistics.Report;

public static class ReportRegistration
{
    /// <summary>The statistics report, its exports and the surveys.</summary>
    public static IServiceCollection AddStatisticsReportServices(this IServiceCollection services)
    {
        services.AddScoped<StatisticsQueries>();
        services.AddScoped<SurveyCommands>();
        services.AddScoped<SurveyQueries>();
        return services;
    }
}
