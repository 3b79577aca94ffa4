using Mbk.Portal.Features.Statistics.Categories;

namespace Mbk.Portal.Features.Statistics.Tally;

public static class TallyRegistration
{
    /// <summary>The tally screen's and the category page's services.</summary>
    public static IServiceCollection AddTallyServices(this IServiceCollection services)
    {
        services.AddScoped<TallyCommands>();
        services.AddScoped<TallyQueries>();
        services.AddScoped<CategoryCommands>();
        services.AddScoped<CategoryQueries>();
        return services;
    }
}
