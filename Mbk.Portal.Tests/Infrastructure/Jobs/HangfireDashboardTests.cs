using System.Net;
using Mbk.Portal.Infrastructure.Jobs;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Infrastructure.Jobs;

/// <summary>/hangfire through Kestrel (Hangfire's dashboard needs a real remote address): administrators only.</summary>
public sealed class HangfireDashboardTests : IAsyncLifetime
{
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private HttpClient Client()
    {
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = _address };
    }

    [Fact]
    public async Task ShouldShowTheDashboardWhenAnAdminIsSignedIn()
    {
        using var client = Client();
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Admin, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.GetAsync(new Uri(JobsSetup.DashboardPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Mbk Portal – bakgrundsjobb");
    }

    [Fact]
    public async Task ShouldForbidTheDashboardWhenAManagerIsSignedIn()
    {
        using var client = Client();
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Manager, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.GetAsync(new Uri(JobsSetup.DashboardPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ShouldRefuseTheDashboardWhenNobodyIsSignedIn()
    {
        using var client = Client();

        using var response = await client.GetAsync(new Uri(JobsSetup.DashboardPath, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("bakgrundsjobb");
    }

    [Fact]
    public async Task ShouldAnswerMethodNotAllowedInsteadOfAServerErrorWhenTheStatsAreFetchedWithGet()
    {
        using var client = Client();
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Admin, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var response = await client.GetAsync(new Uri(JobsSetup.DashboardPath + "/stats", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldBe(["POST"]);
    }
}
