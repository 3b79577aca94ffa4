using System.Globalization;
using Mbk.Portal.Components;
using Mbk.Portal.Features.Admin;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;

namespace Mbk.Portal;

/// <summary>Composition of the portal: <c>builder.AddPortal()</c> and <c>app.MapPortal()</c>, one call per feature.</summary>
public static class PortalSetup
{
    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

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
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(TimeProvider.System);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSignalR();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddDataProtection()
            .SetApplicationName("Mbk.Portal")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(PersistenceExtensions.DataDirectory(builder.Configuration, contentRoot), "keys")));

        services.AddPortalPersistence(builder.Configuration, contentRoot);
        services.AddSingleton<ILiveEventBus, InProcessLiveEventBus>();
        services.AddHostedService<LiveHubForwarder>();
        services.AddTransient<DatabaseInitializer>();

        services.AddIdentityFeature();
        services.AddOfficesFeature();
        services.AddAdminFeature();
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
        // No stack traces for users in any environment: the Swedish error page shows a reference to quote instead.
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
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
        app.MapHealthChecks("/healthz").AllowAnonymous();
        app.MapHub<LiveHub>(LiveHub.Path).RequireAuthorization();
        app.MapIdentityFeature();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

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
