using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>Tigrinya renders with the portal's own Ethiopic webfont, whatever fonts the kiosk PC has.</summary>
public sealed class TigrinyaFontTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public TigrinyaFontTests(Browser browser) => _browser = browser;

    public Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldDrawTheTigrinyaButtonWithTheShippedEthiopicFontWhenTheKioskOpens()
    {
        await using var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString() });
        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        await Browser.WaitUntilInteractiveAsync(kiosk);
        var button = kiosk.GetByTestId("kiosk-lang-ti");
        await Expect(button).ToBeVisibleAsync();

        var fontFamily = await button.EvaluateAsync<string>("e => getComputedStyle(e).fontFamily");
        fontFamily.ShouldStartWith("\"Mbk Ethiopic\"");
        var loaded = await button.EvaluateAsync<string[]>(
            """
            async e => {
                const faces = await document.fonts.load(`${getComputedStyle(e).fontWeight} 20px "Mbk Ethiopic"`, e.textContent);
                return faces.filter(f => f.status === "loaded").map(f => f.family);
            }
            """);
        loaded.ShouldContain("Mbk Ethiopic");
        var licence = await context.APIRequest.GetAsync("/fonts/OFL.txt");
        licence.Status.ShouldBe(200);
        (await licence.TextAsync()).ShouldContain("SIL Open Font License");
    }
}
