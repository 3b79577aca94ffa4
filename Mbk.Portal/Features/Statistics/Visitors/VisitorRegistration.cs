using Mbk.Portal.Features.Statistics.Import;

namespace Mbk.Portal.Features.Statistics.Visitors;

public static class VisitorRegistration
{
    /// <summary>Visitor counting (door counter, manual readings, factors, gender estimates) and the historical import.</summary>
    public static IServiceCollection AddVisitorAndImportServices(this IServiceCollection services)
    {
        services.AddScoped<VisitorCommands>();
        services.AddScoped<VisitorQueries>();
        services.AddScoped<DoorCounterIntake>();
        services.AddScoped<HistoricalImportService>();
        return services;
    }
}
