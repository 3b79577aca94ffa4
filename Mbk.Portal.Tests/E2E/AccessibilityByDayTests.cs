using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// axe-core on the staff pages whose markup depends on the day, on each chosen day other than mid-week (mid-week is
/// audited with every other page in <see cref="AccessibilityTests"/>): past days in the staffing week, a holiday, the
/// nights the clocks change, a tertial's last day, a Sunday, a Monday.
/// </summary>
public sealed class AccessibilityByDayTests : IClassFixture<AccessibilityAudit.Portals>
{
    /// <summary>Pages whose markup depends on the day (today's column, opening state, the day's agenda).</summary>
    private static readonly string[] DateSensitiveStaffPages =
    [
        "/", "/almanac", "/almanac?view=month", "/almanac/staffing", "/almanac/opening-hours", "/meeting", "/counter",
    ];

    private readonly AccessibilityAudit.Portals _portals;

    public AccessibilityByDayTests(AccessibilityAudit.Portals portals) => _portals = portals;

    public static TheoryData<string, string> DateSensitiveStaffPagesByDay()
    {
        var data = new TheoryData<string, string>();
        foreach (var day in TestDays.All.Where(d => d != TestDays.MidWeek))
        {
            foreach (var path in DateSensitiveStaffPages)
            {
                data.Add(day, path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DateSensitiveStaffPagesByDay))]
    public async Task ShouldHaveNoViolationsWhenAManagerOpensThePage(string day, string path)
    {
        var (_, page) = await _portals.OnAsync(day);
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);

        await AccessibilityAudit.AssertAccessibleAsync(page, day, path);
    }
}
