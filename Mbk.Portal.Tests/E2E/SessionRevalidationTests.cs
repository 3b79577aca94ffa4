using Mbk.Portal.Features.Admin;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// An administrator deactivates an advisor while the advisor's page is open in Chromium: within the revalidation
/// interval (shortened to a second here) the advisor's screen loses access and the login page says why.
/// </summary>
public sealed class SessionRevalidationTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new(settings: new Dictionary<string, string?> { ["Identity:RevalidationInterval"] = "00:00:01" });
    private Uri _address = default!;

    public SessionRevalidationTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldEndTheOpenScreensSignInWhenTheAccountIsDeactivated()
    {
        var advisor = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor2);
        await advisor.GotoAsync("/tally");
        await Browser.WaitUntilInteractiveAsync(advisor);
        var admin = await _portal.StaffAsync(DemoAccounts.Admin);
        var advisorId = (await _portal.StaffAsync(DemoAccounts.Advisor2)).UserId;

        using (var scope = _portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAdminService>().SetActiveAsync(admin, advisorId, active: false);
        }

        await Expect(advisor.GetByTestId("login-session-ended")).ToBeVisibleAsync();
        await advisor.GotoAsync("/tally");
        await Expect(advisor.GetByTestId("login-email")).ToBeVisibleAsync();
    }
}
