using System.Net;
using System.Text.RegularExpressions;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mbk.Portal.Tests.Infrastructure.Web;

/// <summary>
/// Walks every route the portal maps (pages, APIs, exports, the feed, /hangfire, /healthz) plus a static file and a
/// missing page, signed in as an administrator over a real socket, and checks the security headers on each answer;
/// then opens pages in Chromium and checks that the Content-Security-Policy blocks nothing they need.
/// </summary>
public sealed partial class SecurityHeadersTests : IClassFixture<SecurityHeadersTests.Portal>
{
    private readonly Portal _portal;

    public SecurityHeadersTests(Portal portal) => _portal = portal;

    public sealed class Portal : IAsyncLifetime
    {
        private readonly PortalAppFactory _factory = new();

        public Uri Address { get; private set; } = default!;

        public IServiceProvider Services => _factory.Services;

        public Task InitializeAsync()
        {
            Address = _factory.StartKestrel();
            return Task.CompletedTask;
        }

        public async Task DisposeAsync() => await _factory.DisposeAsync();
    }

    private async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _portal.Address };
        using var login = await HttpLogin.PostLoginAsync(client, email, DemoAccounts.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Every GET route the portal maps, with sample values for its parameters.</summary>
    private IReadOnlyList<string> Routes()
    {
        var sources = _portal.Services.GetServices<EndpointDataSource>();
        var paths = new SortedSet<string>(StringComparer.Ordinal) { "/healthz", "/favicon.svg", "/app.css", "/finns-inte-alls", "/hangfire" };
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
            var template = endpoint.RoutePattern.RawText ?? string.Empty;
            if ((methods is not null && !methods.Contains("GET")) || template.StartsWith("/_", StringComparison.Ordinal) || template.Contains('.', StringComparison.Ordinal) && !template.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }

            paths.Add("/" + Parameter().Replace(template.TrimStart('/'), m => Sample(m.Groups["name"].Value)));
        }

        return [.. paths];
    }

    private static string Sample(string name) => name.ToLowerInvariant() switch
    {
        "office" or "slug" => "rinkeby",
        "token" => "okand-token",
        _ => "1",
    };

    [GeneratedRegex(@"\{\**(?<name>[A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();

    [Fact]
    public async Task ShouldSendTheSecurityHeadersOnEveryRoute()
    {
        using var admin = await SignedInClientAsync(DemoAccounts.Admin);
        using var manager = await SignedInClientAsync(DemoAccounts.Manager);
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _portal.Address };
        var routes = Routes();
        routes.Count.ShouldBeGreaterThan(25, "the walk found the portal's routes");
        var failures = new List<string>();

        foreach (var path in routes)
        {
            foreach (var (who, client) in new[] { ("admin", admin), ("manager", manager), ("anonymous", anonymous) })
            {
                using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                var problems = Check(response);
                if (problems.Count > 0)
                {
                    failures.Add($"{path} as {who} ({(int)response.StatusCode}): {string.Join("; ", problems)}");
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private static List<string> Check(HttpResponseMessage response)
    {
        var problems = new List<string>();
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(",", values)
                : null;

        if (Header("X-Content-Type-Options") != "nosniff")
        {
            problems.Add("X-Content-Type-Options");
        }

        if (Header("Referrer-Policy") != "same-origin")
        {
            problems.Add("Referrer-Policy");
        }

        if (Header("Permissions-Policy") is not { } permissions || !permissions.Contains("camera=()", StringComparison.Ordinal) || !permissions.Contains("microphone=()", StringComparison.Ordinal))
        {
            problems.Add("Permissions-Policy");
        }

        var csp = Header("Content-Security-Policy");
        if (csp is null || !csp.Contains("frame-ancestors 'self'", StringComparison.Ordinal))
        {
            problems.Add("frame-ancestors");
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html"
            && (csp is null || !csp.Contains("script-src 'self';", StringComparison.Ordinal) || csp.Contains("unsafe-eval", StringComparison.Ordinal) || !csp.Contains("default-src 'self'", StringComparison.Ordinal)))
        {
            problems.Add("HTML without the strict Content-Security-Policy");
        }

        return problems;
    }

    [Theory]
    [InlineData("https://localhost", true)]
    [InlineData("http://localhost", false)]
    public async Task ShouldMarkTheAuthCookieSecureWhenServedOverHttps(string baseAddress, bool secure)
    {
        await using var factory = new PortalAppFactory();
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false, HandleCookies = true });

        using var login = await HttpLogin.PostLoginAsync(client, DemoAccounts.Manager, DemoAccounts.Password);

        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mbk.auth=", StringComparison.Ordinal));
        cookie.Contains("httponly", StringComparison.OrdinalIgnoreCase).ShouldBeTrue();
        cookie.Contains("secure", StringComparison.OrdinalIgnoreCase).ShouldBe(secure);
    }

    [Theory]
    [InlineData("/", DemoAccounts.Manager)]
    [InlineData("/counter", DemoAccounts.Manager)]
    [InlineData("/statistics", DemoAccounts.Manager)]
    [InlineData("/hangfire", DemoAccounts.Admin)]
    public async Task ShouldBlockNothingThePageNeedsUnderTheContentSecurityPolicy(string path, string email)
    {
        var browser = new Browser();
        await browser.InitializeAsync();
        try
        {
            await OpenWithoutViolationsAsync(browser, path, email);
        }
        finally
        {
            await browser.DisposeAsync();
        }
    }

    private async Task OpenWithoutViolationsAsync(Browser browser, string path, string email)
    {
        var page = await browser.SignedInPageAsync(_portal.Address, email);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        await page.GotoAsync(path);
        if (!path.StartsWith("/hangfire", StringComparison.Ordinal))
        {
            await Browser.WaitUntilInteractiveAsync(page);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        violations.ShouldBeEmpty(string.Join(Environment.NewLine, violations));
    }
}
