using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Screens that say when they are out of order: the portal is stopped under an open kiosk and display. The kiosk shows
/// "Tillfälligt ur funktion" within Playwright's default timeout (5 s) and covers its buttons; the display shows its
/// banner and greys its figures once it has been disconnected for more than 10 seconds; started again on the same
/// address and database, both come back without anyone reloading them.
/// </summary>
public sealed class OutOfOrderScreensTests : IClassFixture<Browser>
{
    /// <summary>Long enough for the display's 10-second grace plus a loaded machine; a wait, not a sleep.</summary>
    private static readonly LocatorAssertionsToBeVisibleOptions AfterTheDisplayGrace = new() { Timeout = 30_000 };

    /// <summary>Recovery polls /healthz each second and reloads once the portal answers twice.</summary>
    private const float RecoveryTimeout = 30_000;

    private static readonly List<string> AuditedTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private readonly Browser _browser;

    public OutOfOrderScreensTests(Browser browser) => _browser = browser;

    [Fact]
    public async Task ShouldShowOutOfOrderOnKioskAndGreyTheDisplayWhenThePortalStopsAndRecoverWhenItReturns()
    {
        var dataDirectory = TestPaths.NewTempDirectory("out-of-order");
        var port = PortalAppFactory.FreePort();
        var first = new PortalAppFactory(dataDirectory);
        var address = first.StartKestrel(port);
        await first.OpenAroundTheClockAsync();
        var kiosk = await OpenAsync(address, $"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        var display = await OpenAsync(address, $"/display/{DatabaseInitializer.DemoOfficeSlug}?speech=0");
        await Expect(kiosk.GetByTestId("kiosk-offline")).ToBeHiddenAsync();
        await Expect(display.GetByTestId("display-offline")).ToBeHiddenAsync();

        await first.DisposeAsync();

        var offline = kiosk.GetByTestId("kiosk-offline");
        await Expect(offline).ToBeVisibleAsync();
        await Expect(offline.Locator("h1")).ToHaveTextAsync("Tillfälligt ur funktion");
        await Expect(offline).ToContainTextAsync("Vänd dig till personalen");
        foreach (var language in new[] { "en", "ar", "so", "ti", "fa" })
        {
            await Expect(offline.Locator($"li[lang='{language}']")).ToBeVisibleAsync();
        }

        (await TapReachesOverlayAsync(kiosk.GetByTestId("kiosk-service-A"))).ShouldBeTrue("a tap on a service must land on the out-of-order screen");
        await AssertAccessibleAsync(kiosk, "the kiosk's out-of-order screen");

        await Expect(display.GetByTestId("display-offline")).ToBeVisibleAsync(AfterTheDisplayGrace);
        await Expect(display.GetByTestId("display-offline")).ToContainTextAsync("The screen has lost its connection");
        (await OpacityAsync(display, ".display-services")).ShouldBeLessThan(0.5);

        await using var second = new PortalAppFactory(dataDirectory);
        second.StartKestrel(port);

        await Expect(kiosk.GetByTestId("kiosk-offline")).ToBeHiddenAsync(new() { Timeout = RecoveryTimeout });
        await Expect(kiosk.GetByTestId("kiosk-service-A")).ToBeVisibleAsync(new() { Timeout = RecoveryTimeout });
        await Expect(display.GetByTestId("display-offline")).ToBeHiddenAsync(new() { Timeout = RecoveryTimeout });
        await Browser.WaitUntilInteractiveAsync(kiosk);
        await Browser.WaitUntilInteractiveAsync(display);
        (await OpacityAsync(display, ".display-services")).ShouldBe(1);

        // Live again: a tap on the kiosk gives a ticket and the display counts it.
        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A001");
        await Expect(display.GetByTestId("display-waiting-A")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task ShouldShowOutOfOrderOnKioskWithinFiveSecondsWhenTheNetworkDropsSilentlyAndRecoverWhenItReturns()
    {
        // No process stops and no socket closes: the kiosk can only tell from the silence on its connection.
        await using var portal = new PortalAppFactory(TestPaths.NewTempDirectory("silent-drop"));
        var address = portal.StartKestrel(PortalAppFactory.FreePort());
        await portal.OpenAroundTheClockAsync();
        await using var network = new SilentNetworkProxy(address);
        var kiosk = await OpenAsync(network.Address, $"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        var display = await OpenAsync(network.Address, $"/display/{DatabaseInitializer.DemoOfficeSlug}?speech=0");
        await Expect(kiosk.GetByTestId("kiosk-offline")).ToBeHiddenAsync();

        network.Drop();

        // Playwright's default timeout is 5 seconds: the issue's limit.
        await Expect(kiosk.GetByTestId("kiosk-offline")).ToBeVisibleAsync();
        await Expect(kiosk.GetByTestId("kiosk-offline").Locator("h1")).ToHaveTextAsync("Tillfälligt ur funktion");
        (await TapReachesOverlayAsync(kiosk.GetByTestId("kiosk-service-A"))).ShouldBeTrue("a tap on a service must land on the out-of-order screen");
        await Expect(display.GetByTestId("display-offline")).ToBeVisibleAsync(AfterTheDisplayGrace);

        network.Restore();

        await Expect(kiosk.GetByTestId("kiosk-offline")).ToBeHiddenAsync(new() { Timeout = RecoveryTimeout });
        await Expect(display.GetByTestId("display-offline")).ToBeHiddenAsync(new() { Timeout = RecoveryTimeout });
        await Browser.WaitUntilInteractiveAsync(kiosk);
        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A001");
        await Expect(display.GetByTestId("display-waiting-A")).ToHaveTextAsync("1");
    }

    [Fact]
    public async Task ShouldKeepTheKioskInServiceWhenItIsIdleForLongerThanItsConnectionTimeout()
    {
        // The server's keep-alive pings keep an idle kiosk's connection alive: no false "out of order".
        await using var portal = new PortalAppFactory(TestPaths.NewTempDirectory("idle-kiosk"));
        var address = portal.StartKestrel(PortalAppFactory.FreePort());
        await portal.OpenAroundTheClockAsync();
        var kiosk = await OpenAsync(address, $"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        await kiosk.EvaluateAsync(
            """
            () => {
                window.wentOffline = false;
                new MutationObserver(() => window.wentOffline ||= document.documentElement.classList.contains("portal-offline"))
                    .observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
            }
            """);

        await kiosk.WaitForTimeoutAsync(10_000);

        (await kiosk.EvaluateAsync<bool>("() => window.wentOffline")).ShouldBeFalse("an idle kiosk must not flash 'out of order'");
        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A001");
    }

    private async Task<IPage> OpenAsync(Uri address, string path)
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(), Locale = "sv-SE", TimezoneId = "Europe/Stockholm", ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Whether the element a finger would hit at the centre of <paramref name="target"/> is the out-of-order screen.</summary>
    private static Task<bool> TapReachesOverlayAsync(ILocator target) =>
        target.EvaluateAsync<bool>(
            """
            e => {
                const r = e.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return hit !== null && hit.closest("[data-testid=kiosk-offline]") !== null;
            }
            """);

    private static Task<double> OpacityAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).opacity)");

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = AuditedTags } });
        var report = string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}"));
        result.Violations.ShouldBeEmpty($"axe on {what}:{Environment.NewLine}{report}");
    }

}
