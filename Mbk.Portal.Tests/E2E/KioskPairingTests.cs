using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// A manager registers the kiosk's browser on /queue/settings; that browser's kiosk then gives a morning rush of 30
/// visitors their tickets within a minute, where an unregistered browser is stopped at the per-address limit (10).
/// </summary>
public sealed class KioskPairingTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public KioskPairingTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        await _portal.OpenAroundTheClockAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldGiveARushOfThirtyTicketsAtARegisteredKioskAndStopAnUnregisteredOneAtTen()
    {
        var kiosk = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await kiosk.GotoAsync("/queue/settings");
        await Browser.WaitUntilInteractiveAsync(kiosk);
        await Expect(kiosk.GetByTestId("settings-kiosks-none")).ToBeVisibleAsync();
        await kiosk.GetByTestId("settings-kiosk-name").FillAsync("Kiosk entré");
        await kiosk.GetByTestId("settings-kiosk-register").ClickAsync();
        await Expect(kiosk.GetByTestId("settings-kiosk-this-browser")).ToContainTextAsync("Kiosk entré");
        await Expect(kiosk.GetByTestId("settings-kiosks")).ToContainTextAsync("Maria Enhetschef");

        await kiosk.GotoAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        await Browser.WaitUntilInteractiveAsync(kiosk);
        for (var i = 1; i <= 30; i++)
        {
            await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
            await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync($"A{i:000}");
            await kiosk.GetByTestId("kiosk-done").ClickAsync();
        }

        var unregistered = await (await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString() })).NewPageAsync();
        await unregistered.GotoAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        await Browser.WaitUntilInteractiveAsync(unregistered);
        for (var i = 31; i <= 40; i++)
        {
            await unregistered.GetByTestId("kiosk-service-A").ClickAsync();
            await Expect(unregistered.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync($"A{i:000}");
            await unregistered.GetByTestId("kiosk-done").ClickAsync();
        }

        await unregistered.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(unregistered.GetByTestId("kiosk-rate-limited")).ToBeVisibleAsync();
    }
}
