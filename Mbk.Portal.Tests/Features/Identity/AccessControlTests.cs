using System.Net;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mbk.Portal.Tests.Features.Identity;

/// <summary>The portal over WebApplicationFactory: login required, roles enforced, the hub closed to anonymous users.</summary>
public sealed class AccessControlTests : IClassFixture<AccessControlTests.Host>
{
    private readonly PortalAppFactory _factory;

    public AccessControlTests(Host host)
    {
        ArgumentNullException.ThrowIfNull(host);
        _factory = host.Factory;
    }

    public sealed class Host : IDisposable
    {
        public PortalAppFactory Factory { get; } = new();

        public void Dispose() => Factory.Dispose();
    }

    private HttpClient NewClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Theory]
    [InlineData("/")]
    [InlineData("/admin")]
    [InlineData("/access-denied")]
    public async Task ShouldRedirectToLoginWhenAnonymousRequestsStaffPage(string path)
    {
        using var client = NewClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldStartWith("http://localhost/login?ReturnUrl=");
    }

    [Fact]
    public async Task ShouldRefuseLiveHubWhenAnonymous()
    {
        using var client = NewClient();

        using var response = await client.PostAsync(new Uri("/hubs/live/negotiate?negotiateVersion=1", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ShouldServeLoginPageInSwedishWhenAnonymous()
    {
        using var client = NewClient();

        var html = await client.GetStringAsync(new Uri("/login", UriKind.Relative));

        html.ShouldContain("<html lang=\"sv\"");
        html.ShouldContain("Logga in");
        html.ShouldContain("Lösenord");
    }

    [Fact]
    public async Task ShouldReportHealthyWhenDatabaseAnswers()
    {
        using var client = NewClient();

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task ShouldShowSwedishErrorWhenPasswordIsWrong()
    {
        using var client = NewClient();

        using var response = await HttpLogin.PostLoginAsync(client, DemoAccounts.Manager, "fel-lösenord-1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()).ShouldContain("Fel e-postadress eller lösenord.");
    }

    [Fact]
    public async Task ShouldShowStartPageWithOfficeWhenManagerSignsIn()
    {
        using var client = NewClient();

        using var login = await HttpLogin.PostLoginAsync(client, DemoAccounts.Manager, DemoAccounts.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        new Uri(new Uri("http://localhost"), login.Headers.Location!).AbsolutePath.ShouldBe("/");

        using var start = await client.GetAsync(new Uri("/", UriKind.Relative));
        start.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await start.Content.ReadAsStringAsync();
        html.ShouldContain("Medborgarkontoret Rinkeby");
        html.ShouldContain("Dagens meddelande");
    }

    [Fact]
    public async Task ShouldDenyAdminPageWhenAdvisorSignsIn()
    {
        using var client = NewClient();
        using var login = await HttpLogin.PostLoginAsync(client, DemoAccounts.Advisor, DemoAccounts.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.Headers.Location!.ToString().ShouldStartWith("http://localhost/access-denied");
    }

    [Fact]
    public async Task ShouldServeAdminPageWhenAdminSignsIn()
    {
        using var client = NewClient();
        using var login = await HttpLogin.PostLoginAsync(client, DemoAccounts.Admin, DemoAccounts.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        admin.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.Content.ReadAsStringAsync()).ShouldContain("Administration");
    }

    [Fact]
    public async Task ShouldNotRevealStackTraceWhenPageIsMissing()
    {
        using var client = NewClient();

        using var response = await client.GetAsync(new Uri("/finns-inte", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("Sidan finns inte");
        html.ShouldNotContain("Exception");
    }
}
