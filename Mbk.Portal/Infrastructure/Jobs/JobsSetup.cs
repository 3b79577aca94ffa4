using Hangfire;
using Hangfire.Client;
using Hangfire.Common;
using Hangfire.PostgreSql;
using Hangfire.Server;
using Hangfire.States;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Reports;

namespace Mbk.Portal.Infrastructure.Jobs;

/// <summary>
/// Hangfire inside the portal: in-memory storage by default (the ledger in the portal's database is the truth, see
/// docs/decisions/0003-hangfire-storage.md), or with <c>Hangfire:Storage = PostgreSql</c> the portal's PostgreSQL
/// database in a schema of its own (<c>hangfire</c>), shared by every instance so a recurring job runs once per
/// cluster and the dashboard shows every server; a server switchable with <c>Hangfire:Server:Enabled</c> (read when the
/// host starts, so test hosts can turn it off), the recurring tertial-report check, and the dashboard at
/// <c>/hangfire</c> for administrators.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/hangfire";

    /// <summary><c>InMemory</c> (default) or <c>PostgreSql</c>.</summary>
    public const string StorageKey = "Hangfire:Storage";

    public const string PostgreSqlStorage = "PostgreSql";

    public static IServiceCollection AddPortalJobs(this IServiceCollection services)
    {
        // Attached before the job server starts and detached after it stops (hosted services stop in reverse order).
        services.AddHostedService<HangfireLoggingScope>();
        services.AddHangfire((sp, config) =>
        {
            config
                .UseLogProvider(HangfireLogging.Instance)
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            var configuration = sp.GetRequiredService<IConfiguration>();
            if (string.Equals(configuration[StorageKey], PostgreSqlStorage, StringComparison.OrdinalIgnoreCase))
            {
                var connectionString = configuration.GetConnectionString(Persistence.PersistenceExtensions.ConnectionStringName)
                    ?? throw new InvalidOperationException("Hangfire:Storage PostgreSql needs ConnectionStrings:Portal (the portal's PostgreSQL database).");
                config.UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else
            {
                config.UseInMemoryStorage();
            }
        });
        services.AddTransient<TertialReportJob>();
        services.AddHostedService<PortalJobServer>();
        return services;
    }

    public static IEndpointRouteBuilder MapPortalJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // The dashboard's statistics endpoint reads a posted form and throws on anything else ("Incorrect
        // Content-Type"): answer a plain GET with 405 instead of a 500.
        endpoints.MapGet(DashboardPath + "/stats", static (HttpContext context) =>
        {
            context.Response.Headers.Allow = "POST";
            return TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Metoden stöds inte",
                detail: "Statistiken hämtas med POST från instrumentpanelen.");
        }).RequireAuthorization(policy => policy.RequireRole(Features.Identity.StaffRoles.Admin));
        endpoints.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorizationFilter()],
            DashboardTitle = "Mbk Portal – bakgrundsjobb",
            DisplayStorageConnectionString = false,
            AppPath = "/",
        });
        return endpoints;
    }
}

/// <summary>
/// Runs this instance's Hangfire server when <c>Hangfire:Server:Enabled</c> (default true), registers the recurring
/// check (hourly at the send time's minute, in <c>Reports:TimeZone</c>) and queues one check right away, so a report
/// that fell due while the portal was down goes out after the start.
/// </summary>
internal sealed partial class PortalJobServer(
    IServiceProvider services,
    IConfiguration configuration,
    ILogger<PortalJobServer> logger) : IHostedService, IAsyncDisposable
{
    private BackgroundJobServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Hangfire:Server:Enabled", true))
        {
            LogDisabled(logger);
            return Task.CompletedTask;
        }

        var settings = ReportSettings.Read(configuration);
        // This host's own storage, activator and filters from DI (as AddHangfireServer does), never the process-wide
        // GlobalConfiguration: parallel hosts (tests) must not run each other's jobs in each other's containers.
#pragma warning disable CS0618 // Obsolete in favour of AddHangfireServer, which cannot be switched off at start-up.
        var filters = services.GetRequiredService<IJobFilterProvider>();
        var activator = services.GetRequiredService<JobActivator>();
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 2, ServerName = "mbk-portal-" + Environment.ProcessId },
            services.GetRequiredService<JobStorage>(),
            [],
            filters,
            activator,
            services.GetService<IBackgroundJobFactory>() ?? new BackgroundJobFactory(filters),
            services.GetService<IBackgroundJobPerformer>() ?? new BackgroundJobPerformer(filters, activator, TaskScheduler.Default),
            services.GetService<IBackgroundJobStateChanger>() ?? new BackgroundJobStateChanger(filters));
#pragma warning restore CS0618

        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<TertialReportJob>(
            TertialReportJob.RecurringJobId,
            job => job.RunAsync(CancellationToken.None),
            settings.HourlyCron,
            new RecurringJobOptions { TimeZone = settings.Zone });
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<TertialReportJob>(job => job.RunAsync(CancellationToken.None));
        LogStarted(logger, settings.HourlyCron, settings.Zone.Id);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            _server.SendStop();
            await _server.WaitForShutdownAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire server disabled (Hangfire:Server:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hangfire server started; tertial reports checked at '{Cron}' ({Zone}) and now")]
    private static partial void LogStarted(ILogger logger, string cron, string zone);
}
