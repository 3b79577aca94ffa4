using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Playwright;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// axe-core (WCAG 2.1 A/AA rules) on the pages staff and visitors use most: no serious or critical violation. The
/// message lists each rule with the elements it found, so a failure says what to fix.
/// </summary>
public sealed class AccessibilityTests : IClassFixture<AccessibilityTests.Portal>
{
    private readonly Portal _portal;

    public AccessibilityTests(Portal portal) => _portal = portal;

    /// <summary>One portal and one signed-in manager for all pages: starting a portal per page would only measure start-up.</summary>
    public sealed class Portal : IAsyncLifetime
    {
        private readonly PortalAppFactory _factory = new();

        public Browser Browser { get; } = new();

        public Uri Address { get; private set; } = default!;

        public IPage Manager { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            Address = _factory.StartKestrel();
            await Browser.InitializeAsync();
            Manager = await Browser.SignedInPageAsync(Address, DemoAccounts.Manager);
        }

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            await _factory.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/almanac")]
    [InlineData("/almanac?view=month")]
    [InlineData("/almanac/staffing")]
    [InlineData("/almanac/opening-hours")]
    [InlineData("/reports")]
    [InlineData("/meeting")]
    [InlineData("/decisions")]
    [InlineData("/meeting/screen")]
    [InlineData("/actions")]
    [InlineData("/counter")]
    [InlineData("/tally")]
    [InlineData("/statistics")]
    [InlineData("/queue")]
    public async Task ShouldHaveNoSeriousViolationsWhenAManagerOpensThePage(string path)
    {
        var page = _portal.Manager;
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AssertAccessibleAsync(page, path);
    }

    [Theory]
    [InlineData("/kiosk/rinkeby")]
    [InlineData("/display/rinkeby")]
    public async Task ShouldHaveNoSeriousViolationsWhenAVisitorSeesTheScreen(string path)
    {
        await using var context = await _portal.Browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _portal.Address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AssertAccessibleAsync(page, path);
    }

    private static async Task AssertAccessibleAsync(IPage page, string path)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}"));
        serious.ShouldBeEmpty($"axe on {path}:{Environment.NewLine}{report}");
    }
}
