using System.Net;
using System.Text.RegularExpressions;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Identity;

/// <summary>
/// The login page answers a wrong password, an unknown address, a locked-out and a deactivated account with the same
/// message, so nobody can find out which addresses exist; the lockout itself still holds.
/// </summary>
public sealed partial class LoginEnumerationTests : IAsyncLifetime
{
    private readonly PortalAppFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<(HttpStatusCode Status, string? Error)> LoginAsync(string email, string password)
    {
        using var client = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await HttpLogin.PostLoginAsync(client, email, password);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var match = ErrorAlert().Match(html);
        return (response.StatusCode, match.Success ? match.Groups["text"].Value.Trim() : null);
    }

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>(?:<[^>]+>)*(?<text>[^<]+)")]
    private static partial Regex ErrorAlert();

    [Fact]
    public async Task ShouldGiveTheSameMessageForALockedOutAccountAsForAWrongPassword()
    {
        var (_, wrongPassword) = await LoginAsync(DemoAccounts.Advisor, "fel-lösenord-1");
        var (_, unknown) = await LoginAsync("finns-inte@demo.mbk.se", "fel-lösenord-1");
        for (var i = 0; i < 8; i++)
        {
            await LoginAsync(DemoAccounts.Advisor2, "fel-lösenord-1");
        }

        var (lockedStatus, locked) = await LoginAsync(DemoAccounts.Advisor2, DemoAccounts.Password);

        wrongPassword.ShouldNotBeNull();
        wrongPassword.ShouldStartWith("Fel e-postadress eller lösenord.");
        unknown.ShouldBe(wrongPassword);
        lockedStatus.ShouldBe(HttpStatusCode.OK, "the right password does not get in while the account is locked");
        locked.ShouldBe(wrongPassword);
        using var scope = _portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        (await users.IsLockedOutAsync((await users.FindByEmailAsync(DemoAccounts.Advisor2))!)).ShouldBeTrue();
    }
}
