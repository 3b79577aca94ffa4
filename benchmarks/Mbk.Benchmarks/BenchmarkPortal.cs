using System.Net;
using System.Text.RegularExpressions;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mbk.Benchmarks;

/// <summary>The real portal on Kestrel (loopback) with its own SQLite file and the demo office.</summary>
internal sealed partial class BenchmarkPortal(string? postgreSql = null) : WebApplicationFactory<Mbk.Portal.Features.Queue.QueueCommands>
{
    public string DataDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "mbk-bench", Guid.NewGuid().ToString("N"));

    /// <summary>A second host on the same SQLite file as <paramref name="first"/> (before <see cref="Start"/>).</summary>
    public void ShareDataWith(BenchmarkPortal first)
    {
        ArgumentNullException.ThrowIfNull(first);
        DataDirectory = first.DataDirectory;
    }

    public Uri Address { get; private set; } = default!;

    public IDbContextFactory<PortalDbContext> DbFactory => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return Address;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");
        builder.UseSetting("Portal:DataDirectory", DataDirectory);
        builder.UseSetting("Seed:DemoData", "true");
        if (postgreSql is not null)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:Portal", postgreSql);
        }
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    public async Task<StaffContext> StaffAsync(string email)
    {
        await using var db = await DbFactory.CreateDbContextAsync();
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await StaffSession.LoadAsync(DbFactory, id, CancellationToken.None) ?? throw new InvalidOperationException(email);
    }

    /// <summary>Signs in through the login form and returns the cookies for hub connections.</summary>
    public Task<CookieContainer> SignInAsync(string email) => SignInAsync(Address, email);

    /// <summary>Signs in through the login form of a portal at <paramref name="address"/> (demo password).</summary>
    public static async Task<CookieContainer> SignInAsync(Uri address, string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = address };
        var page = await client.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups["value"].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = DatabaseInitializer.DemoPassword,
        });
        using var response = await client.PostAsync(new Uri("/login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return cookies;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<value>[^\"]+)\"")]
    private static partial Regex Token();
}
