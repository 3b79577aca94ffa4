using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// The real portal on a real SQLite file of its own (a temp folder per host), with the demo office seeded.
/// <see cref="StartKestrel"/> serves it on a loopback port for browser tests.
/// </summary>
public sealed class PortalAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    /// <param name="dataDirectory">The host's data folder (a fresh temp folder when null).</param>
    /// <param name="settings">Extra configuration, e.g. an SMTP port or <c>Hangfire:Server:Enabled</c>.</param>
    /// <param name="configureServices">Replaces services after the portal's own (e.g. a fake <see cref="TimeProvider"/>).</param>
    public PortalAppFactory(string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        DataDirectory = dataDirectory ?? TestPaths.NewTempDirectory("portal");
        _settings = new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = DataDirectory,
            ["Seed:DemoData"] = "true",
            // AddHangfire is process-wide in places; test hosts run no job server unless a test turns it on.
            ["Hangfire:Server:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>Base address of the Kestrel server, after <see cref="StartKestrel"/>.</summary>
    public Uri? ServerAddress { get; private set; }

    public Uri StartKestrel(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        ServerAddress = new Uri(addresses.Addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return ServerAddress;
    }

    /// <summary>A loopback port that is free right now (for a server that must come back on the same address).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Open browser circuits keep connections alive; don't wait the default 30 s for them when a test host stops.
        builder.ConfigureServices(services => services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2)));
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    public IDbContextFactory<PortalDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public async Task<int> DemoOfficeIdAsync()
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        return await db.Offices.Where(o => o.Slug == DatabaseInitializer.DemoOfficeSlug).Select(o => o.Id).SingleAsync();
    }

    /// <summary>Loads a staff context the way a signed-in screen would see it.</summary>
    public async Task<StaffContext> StaffAsync(string email)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await StaffSession.LoadAsync(DbFactory, id, CancellationToken.None)
            ?? throw new InvalidOperationException($"{email} is not an active staff member");
    }

    /// <summary>
    /// Opens the demo office around the clock (and on the Swedish holidays near today), as the manager would in the
    /// almanac, so queue tests can take tickets whatever the day and hour.
    /// </summary>
    public async Task OpenAroundTheClockAsync()
    {
        var manager = await StaffAsync(DemoAccounts.Manager);
        using var scope = Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Mbk.Portal.Features.Almanac.OpeningHours.OpeningScheduleCommands>()
            .SetWeeklyHoursAsync(manager, Mbk.Domain.Queue.OpeningHours.Parse(QueueTestOffice.AlwaysOpen));
        await QueueTestOffice.ConfirmHolidaysOpenAsync(DbFactory, manager.CurrentOffice!.Id, TimeProvider.System);
    }
}
