using Mbk.Portal.Infrastructure.Jobs;
using Mbk.Portal.Infrastructure.Mail;

namespace Mbk.Portal.Features.Reports;

/// <summary>DI and endpoints of the tertial reports: content, charts, mail, ledger, archive, Hangfire.</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReportsFeature(this IServiceCollection services)
    {
        services.AddSingleton<PortalInstance>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<IReportFeedbackSource, FeedbackNotRecorded>();
        services.AddScoped<ReportContentQueries>();
        services.AddScoped<ReportDispatcher>();
        services.AddScoped<ReportCommands>();
        services.AddScoped<ReportQueries>();
        services.AddPortalJobs();
        return services;
    }

    public static IEndpointRouteBuilder MapReportsFeature(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapReportArchive();
        endpoints.MapPortalJobsDashboard();
        return endpoints;
    }
}
