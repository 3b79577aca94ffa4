using Microsoft.Playwright;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// One headless Chromium (Debian's, installed by test.sh) shared by the browser tests of a class.
/// Playwright's bundled driver is used; it never downloads a browser.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = default!;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("MBK_CHROMIUM") ?? "/usr/bin/chromium";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath}. Run ./test.sh, which installs it.");
        }

        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null)
        {
            await Instance.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A fresh browser context (its own cookies: one person's screen) signed in to the portal.</summary>
    public async Task<IPage> SignedInPageAsync(Uri portal, string email, string password = DemoAccounts.Password)
    {
        ArgumentNullException.ThrowIfNull(portal);
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = portal.ToString(), Locale = "sv-SE", TimezoneId = "Europe/Stockholm" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Uri(portal, "/").ToString());
        await WaitUntilInteractiveAsync(page);
        return page;
    }

    /// <summary>Clicks on prerendered HTML before the circuit attaches are lost, so wait for the layout's marker.</summary>
    public static Task WaitUntilInteractiveAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.GetByTestId("interactive").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }
}
