using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// What the accessibility classes share: the portals pinned to chosen days (<see cref="TestDays"/>) and the axe-core
/// audit (WCAG 2.1 A/AA and axe's best practices; the message lists each rule with the elements it found).
/// </summary>
public static class AccessibilityAudit
{
    /// <summary>The rule sets the audit runs: WCAG 2.0/2.1 A and AA, and axe's best practices.</summary>
    private static readonly List<string> AuditedTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

    /// <summary>One portal (and one signed-in manager) per chosen day, started when a test first needs that day.</summary>
    public sealed class Portals : IAsyncLifetime
    {
        private readonly Dictionary<string, (PortalAppFactory Factory, Uri Address, IPage Manager)> _byDay = [];
        private readonly SemaphoreSlim _gate = new(1, 1);
        private IPage? _admin;

        public Browser Browser { get; } = new();

        /// <summary>The mid-week portal's factory (for setting up the states the audit needs).</summary>
        public PortalAppFactory Factory(string day) => _byDay[day].Factory;

        /// <summary>An admin signed in on the portal of <paramref name="day"/>.</summary>
        public async Task<IPage> AdminAsync(string day)
        {
            var (address, _) = await OnAsync(day);
            return _admin ??= await Browser.SignedInPageAsync(address, DemoAccounts.Admin);
        }

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

    public static async Task AssertAccessibleAsync(IPage page, string day, string path)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = AuditedTags },
        });
        var report = string.Join(Environment.NewLine, result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(5).Select(n => n.Target.ToString()))}"));
        result.Violations.ShouldBeEmpty($"axe on {path} ({day}, {TestDays.At(day):yyyy-MM-dd}):{Environment.NewLine}{report}");
    }
}
