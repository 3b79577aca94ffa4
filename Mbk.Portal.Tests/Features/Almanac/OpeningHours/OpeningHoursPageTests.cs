using System.Net;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Almanac.OpeningHours;

/// <summary>The page and the almanac source in the real portal (prerendered HTML, DI as configured).</summary>
public sealed class OpeningHoursPageTests : IAsyncLifetime
{
    private PortalAppFactory _factory = default!;

    public Task InitializeAsync()
    {
        _factory = new PortalAppFactory(TestPaths.NewTempDirectory("opening-hours-page"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ShouldShowOpeningHoursToSignedInAdvisorAndSendAnonymousToLogin()
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var denied = await anonymous.GetAsync(new Uri("/almanac/opening-hours", UriKind.Relative));
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Advisor, DemoAccounts.Password)).Dispose();
        using var page = await client.GetAsync(new Uri("/almanac/opening-hours", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("Veckans öppettider");
        html.ShouldContain("Helgdagar det kommande året");
        html.ShouldContain("Bara enhetschefen kan ändra dem.");
    }

    [Fact]
    public async Task ShouldRegisterOpeningHoursAsAlmanacEntrySource()
    {
        using var scope = _factory.Services.CreateScope();

        var sources = scope.ServiceProvider.GetServices<IAlmanacEntrySource>();

        sources.OfType<OpeningHoursAlmanacSource>().ShouldHaveSingleItem();
    }
}
