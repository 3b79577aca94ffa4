using System.Globalization;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Admin;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Feedback;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Features.Statistics;
using Mbk.Portal.Infrastructure.Configuration;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Infrastructure.Localization;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Infrastructure.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace Mbk.Portal;

/// <summary>Composition of the portal: <c>builder.AddPortal()</c> and <c>app.MapPortal()</c>, one call per feature.</summary>
public static class PortalSetup
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// The circuits' keep-alive interval (SignalR's default is 15 s). The kiosk, display and mobile ticket close their
    /// connection after 4 s without a message (js/blazor-start.js): the ping must come well within that.
    /// </summary>
    public static readonly TimeSpan UnattendedKeepAlive = TimeSpan.FromSeconds(1.5);

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AddRepositoryDevelopmentSettings(builder);

        // Serves MudBlazor's and the framework's static files also when run unpublished outside Development.
        builder.WebHost.UseStaticWebAssets();

        CultureInfo.DefaultThreadCurrentCulture = Swedish;
        CultureInfo.DefaultThreadCurrentUICulture = Swedish;

        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddRazorComponents().AddInteractiveServerComponents()
            // A ping at least every 1.5 s on every circuit, so the unattended pages (js/blazor-start.js) can treat 4 s
            // of silence as a lost connection and show "out of order" within 5 s, also on a silent network drop.
            .AddHubOptions(options => options.KeepAliveInterval = UnattendedKeepAlive);
        services.AddMudServices();
        // The visitor screens' texts (kiosk, display, mobile ticket) in .resx files under Resources/.
        services.AddPortalLocalization();
        services.AddSignalR();
        services.AddSettingsValidation();
        services.AddProblemDetails();
        services.AddExceptionHandler<DatabaseBusyExceptionHandler>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        // Keys in the data folder (SQLite) or in the database (PostgreSQL, so a login made on one instance is valid on
        // every other): sign-ins survive a restart. Resolved late so test hosts can move the folder or the database.
        services.AddDataProtection().SetApplicationName("Mbk.Portal");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            var database = sp.GetRequiredService<PersistenceExtensions.DatabaseSettings>();
            var environment = sp.GetRequiredService<IHostEnvironment>();
            options.XmlRepository = database.IsPostgreSql
                ? new EntityFrameworkCoreXmlRepository<PortalDbContext>(sp, NullLoggerFactory.Instance)
                : new FileSystemXmlRepository(
                    new DirectoryInfo(Path.Combine(PersistenceExtensions.DataDirectory(sp.GetRequiredService<IConfiguration>(), environment.ContentRootPath), "keys")),
                    NullLoggerFactory.Instance);
        });

        services.AddPortalPersistence();
        // One instance: the in-process bus. Several (Redis:Configuration set): Redis pub/sub in front of it.
        services.AddSingleton<InProcessLiveEventBus>();
        services.AddSingleton<ILiveEventBus>(sp => sp.GetRequiredService<IConfiguration>()[RedisSettings.ConfigurationKey] is { Length: > 0 } redis
            ? new RedisLiveEventBus(
                sp.GetRequiredService<InProcessLiveEventBus>(),
                RedisSettings.Connect(redis),
                sp.GetRequiredService<ILogger<RedisLiveEventBus>>())
            : sp.GetRequiredService<InProcessLiveEventBus>());
        services.AddHostedService<LiveHubForwarder>();
        services.AddTransient<DatabaseInitializer>();

        services.AddIdentityFeature();
        services.AddOfficesFeature();
        services.AddAdminFeature();
        services.AddQueueFeature();
        services.AddStatisticsFeature();
        services.AddMeetingFeature();
        services.AddAlmanacFeature();
        services.AddReportsFeature();
        services.AddFeedbackFeature();
        return builder;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        UseTrustedProxies(app);
        app.UseSecurityHeaders();
        // No stack traces for users in any environment: the Swedish error page shows a reference to quote instead.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // Friendly Swedish status pages for people browsing; hub and API clients get the bare status code.
        app.UseWhen(
            context => HttpMethods.IsGet(context.Request.Method) && !IsMachineEndpoint(context.Request.Path),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseRouting();
        app.UseRateLimiter();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(Swedish),
            SupportedCultures = [Swedish],
            SupportedUICultures = [Swedish],
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
        {
            // "Healthy", or "Unhealthy" with the reason on the next lines, so monitoring shows what is wrong.
            ResponseWriter = static (context, report) =>
            {
                context.Response.ContentType = "text/plain; charset=utf-8";
                var reasons = report.Entries.Values
                    .Where(e => e.Status != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy && e.Description is not null)
                    .Select(e => e.Description);
                return context.Response.WriteAsync(string.Join("\n", new[] { report.Status.ToString() }.Concat(reasons!)));
            },
        }).AllowAnonymous();
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization();
        app.MapIdentityFeature();
        app.MapStatisticsFeature();
        app.MapMeetingFeature();
        app.MapAlmanacFeature();
        app.MapReportsFeature();
        app.MapFeedbackFeature();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>
    /// Behind the city's reverse proxy (<c>Portal:KnownProxies</c>, comma-separated addresses): take the client's address
    /// and scheme from X-Forwarded-For/-Proto sent by those proxies only, so the rate limits count each client and not the
    /// proxy. Without the setting no forwarded header is believed.
    /// </summary>
    private static void UseTrustedProxies(WebApplication app)
    {
        var proxies = app.Configuration["Portal:KnownProxies"];
        if (string.IsNullOrWhiteSpace(proxies))
        {
            return;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
        }

        app.UseForwardedHeaders(options);
    }

    internal static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/hubs") || path.StartsWithSegments("/api") || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/_blazor");

    /// <summary>
    /// In Development the portal reads <c>appsettings.Development.json</c> from the repository's top level (beside
    /// Mbk.sln), where the user keeps it, in the place of the usual per-environment file.
    /// </summary>
    private static void AddRepositoryDevelopmentSettings(WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
        {
            return;
        }

        var root = FindRepositoryRoot(builder.Environment.ContentRootPath) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        if (root is null || !File.Exists(Path.Combine(root, "appsettings.Development.json")))
        {
            return;
        }

        var sources = builder.Configuration.Sources;
        var appSettings = sources.OfType<JsonConfigurationSource>()
            .LastOrDefault(s => s.Path is "appsettings.json");
        var source = new JsonConfigurationSource
        {
            Path = "appsettings.Development.json",
            Optional = false,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(root),
        };
        // Right after appsettings.json, so environment variables and the command line still override it.
        var index = appSettings is null ? sources.Count : sources.IndexOf(appSettings) + 1;
        sources.Insert(index, source);
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mbk.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
