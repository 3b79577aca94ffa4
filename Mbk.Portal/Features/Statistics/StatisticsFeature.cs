using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Features.Statistics.Tally;
using Mbk.Portal.Features.Statistics.Visitors;

namespace Mbk.Portal.Features.Statistics;

/// <summary>DI and endpoints of the statistics feature: tallies, visitors and import, the report and surveys.</summary>
public static class StatisticsFeature
{
    public static IServiceCollection AddStatisticsFeature(this IServiceCollection services)
    {
        services.AddTallyServices();
        services.AddVisitorAndImportServices();
        services.AddStatisticsReportServices();
        return services;
    }

    public static IEndpointRouteBuilder MapStatisticsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDoorCounterApi();
        endpoints.MapStatisticsExports();
        return endpoints;
    }
}
