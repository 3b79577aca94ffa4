using Mbk.Portal.Features.Admin;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Real Chromium against the portal on Kestrel: a manager edits the message of the day and another staff screen of the
/// same office shows it without reload, while a screen of another office does not.
/// </summary>
public sealed class MessageOfTheDayLiveTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public MessageOfTheDayLiveTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        var admin = await _portal.StaffAsync(DemoAccounts.Admin);
        using var scope = _portal.Services.CreateScope();
        var offices = scope.ServiceProvider.GetRequiredService<OfficeCommands>();
        var otherOfficeId = await offices.CreateOfficeAsync(admin, "Medborgarkontoret Skärholmen", "skarholmen");
        var staff = scope.ServiceProvider.GetRequiredService<StaffAdminService>();
        await staff.CreateAsync(admin, StaffInput.InOffices("annan@skarholmen.se", "Lina Skärholmen", StaffRoles.Advisor, otherOfficeId), "Annat-kontor-1");
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldShowEditedMessageOnOtherScreensOfSameOfficeOnlyWhenManagerSaves()
    {
        var manager = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        var colleague = await _browser.SignedInPageAsync(_address, DemoAccounts.Advisor);
        var otherOffice = await _browser.SignedInPageAsync(_address, "annan@skarholmen.se", "Annat-kontor-1");
        await Expect(manager.GetByTestId("office-name")).ToHaveTextAsync("Medborgarkontoret Rinkeby");
        await Expect(otherOffice.GetByTestId("office-name")).ToHaveTextAsync("Medborgarkontoret Skärholmen");
        await Expect(colleague.GetByTestId("motd-edit")).ToHaveCountAsync(0);
        var message = $"Skatteverket kommer kl. 13 i dag ({Guid.NewGuid():N})";

        await manager.GetByTestId("motd-edit").ClickAsync();
        await manager.Locator("[data-testid=motd-card] textarea").FillAsync(message);
        await manager.GetByTestId("motd-save").ClickAsync();

        await Expect(manager.GetByTestId("motd-text")).ToHaveTextAsync(message);
        await Expect(colleague.GetByTestId("motd-text")).ToHaveTextAsync(message);
        await Expect(colleague.GetByTestId("motd-changed")).ToContainTextAsync("Maria Enhetschef");
        await Expect(otherOffice.GetByTestId("motd-text")).ToHaveTextAsync("Inget meddelande i dag.");
        colleague.Url.ShouldBe(new Uri(_address, "/").ToString(), "the colleague's page was not reloaded");
    }

    [Fact]
    public async Task ShouldKeepDraftAndExplainWhenTextIsTooLong()
    {
        var manager = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await manager.GetByTestId("motd-edit").ClickAsync();
        var tooLong = new string('x', 1001);

        await manager.Locator("[data-testid=motd-card] textarea").EvaluateAsync("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true })); }", tooLong);
        await manager.GetByTestId("motd-save").ClickAsync();

        await Expect(manager.GetByTestId("motd-error")).ToContainTextAsync("högst 1000 tecken");
        await Expect(manager.Locator("[data-testid=motd-card] textarea")).ToHaveValueAsync(tooLong);
    }
}
