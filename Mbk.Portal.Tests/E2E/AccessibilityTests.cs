using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// axe-core (WCAG 2.1 A/AA rules) on the pages staff and visitors use most: no serious or critical violation. The
/// portal under test is pinned to chosen days (<see cref="TestDays"/>), because some markup only exists on some days
/// (past days in the staffing week, a closed kiosk on a holiday); the message lists each rule with the elements it
/// found, so a failure says what to fix.
/// </summary>
public sealed class AccessibilityTests : IClassFixture<AccessibilityTests.Portals>
{
    private static readonly string[] StaffPages =
    [
        "/", "/almanac", "/almanac?view=month", "/almanac/staffing", "/almanac/opening-hours", "/reports", "/meeting",
        "/decisions", "/meeting/screen", "/actions", "/counter", "/tally", "/statistics", "/queue",
    ];

    /// <summary>Pages whose markup depends on the day (today's column, opening state, the day's agenda).</summary>
    private static readonly string[] DateSensitiveStaffPages =
    [
        "/", "/almanac", "/almanac?view=month", "/almanac/staffing", "/almanac/opening-hours", "/meeting", "/counter",
    ];

    private static readonly string[] VisitorScreens = ["/kiosk/rinkeby", "/display/rinkeby"];

    private readonly Portals _portals;

    public AccessibilityTests(Portals portals) => _portals = portals;

    /// <summary>One portal (and one signed-in manager) per chosen day, started when a test first needs that day.</summary>
    public sealed class Portals : IAsyncLifetime
    {
        private readonly Dictionary<string, (PortalAppFactory Factory, Uri Address, IPage Manager)> _byDay = [];
        private readonly SemaphoreSlim _gate = new(1, 1);

        public Browser Browser { get; } = new();

        public async Task<(Uri Address, IPage Manager)> OnAsync(string day)
        {
            await _gate.WaitAsync();
            try
            {
                if (!_byDay.TryGetValue(day, out var portal))
                {
                    var clock = new ShiftedTimeProvider(TestDays.At(day));
                    var factory = new PortalAppFactory(configureServices: services => services.AddSingleton<TimeProvider>(clock));
                    var address = factory.StartKestrel();
                    var manager = await Browser.SignedInPageAsync(address, DemoAccounts.Manager);
                    portal = (factory, address, manager);
                    _byDay[day] = portal;
                }

                return (portal.Address, portal.Manager);
            }
            finally
            {
                _gate.Release();
            }
        }

        public Task InitializeAsync() => Browser.InitializeAsync();

        public async Task DisposeAsync()
        {
            await Browser.DisposeAsync();
            foreach (var portal in _byDay.Values)
            {
                await portal.Factory.DisposeAsync();
            }

            _gate.Dispose();
        }
    }

    public static TheoryData<string, string> StaffPagesByDay()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in StaffPages)
        {
            data.Add(TestDays.MidWeek, path);
        }

        foreach (var day in TestDays.All.Where(d => d != TestDays.MidWeek))
        {
            foreach (var path in DateSensitiveStaffPages)
            {
                data.Add(day, path);
            }
        }

        return data;
    }

    public static TheoryData<string, string> VisitorScreensByDay()
    {
        var data = new TheoryData<string, string>();
        foreach (var day in TestDays.All)
        {
            foreach (var path in VisitorScreens)
            {
                data.Add(day, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StaffPagesByDay))]
    public async Task ShouldHaveNoSeriousViolationsWhenAManagerOpensThePage(string day, string path)
    {
        var (_, page) = await _portals.OnAsync(day);
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AssertAccessibleAsync(page, day, path);
    }

    [Theory]
    [MemberData(nameof(VisitorScreensByDay))]
    public async Task ShouldHaveNoSeriousViolationsWhenAVisitorSeesTheScreen(string day, string path)
    {
        var (address, _) = await _portals.OnAsync(day);
        await using var context = await _portals.Browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = address.ToString(), Locale = "sv-SE" });
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AssertAccessibleAsync(page, day, path);
    }

    private static async Task AssertAccessibleAsync(IPage page, string day, string path)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        var report = string.Join(Environment.NewLine, serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}"));
        serious.ShouldBeEmpty($"axe on {path} ({day}, {TestDays.At(day):yyyy-MM-dd}):{Environment.NewLine}{report}");
    }
}
