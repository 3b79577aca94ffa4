using System.Globalization;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// The kiosk in Chromium while another connection holds the database's write lock for longer than
/// <c>Database:BusyTimeoutMilliseconds</c>: the tap shows "Ett ögonblick…", then "Försök igen" with a Swedish
/// message and nothing stored; once the lock is released, "Försök igen" gives a ticket.
/// </summary>
public sealed class KioskBusyTests : IClassFixture<Browser>, IAsyncLifetime
{
    private const int BusyTimeoutMilliseconds = 1500;
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new(settings: new Dictionary<string, string?>
    {
        ["Database:BusyTimeoutMilliseconds"] = BusyTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture),
    });

    private Uri _address = default!;
    private int _officeId;

    public KioskBusyTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        _officeId = await _portal.DemoOfficeIdAsync();
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        using var scope = _portal.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OpeningScheduleCommands>().SetWeeklyHoursAsync(manager, OpeningHours.Parse(QueueTestOffice.AlwaysOpen));
        await QueueTestOffice.ConfirmHolidaysOpenAsync(_portal.DbFactory, _officeId, TimeProvider.System);
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<int> TicketCountAsync()
    {
        await using var db = await _portal.DbFactory.CreateDbContextAsync();
        return await db.Tickets.CountAsync(t => t.OfficeId == _officeId);
    }

    [Fact]
    public async Task ShouldAskToTryAgainAndStoreNothingWhenTheDatabaseStaysLockedThenGiveATicketOnceItIsFree()
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString(), Locale = "sv-SE", TimezoneId = "Europe/Stockholm" });
        var kiosk = await context.NewPageAsync();
        await kiosk.GotoAsync($"/kiosk/{DatabaseInitializer.DemoOfficeSlug}");
        await Browser.WaitUntilInteractiveAsync(kiosk);
        await Expect(kiosk.GetByTestId("kiosk-service-A")).ToBeEnabledAsync();

        var settings = _portal.Services.GetRequiredService<PersistenceExtensions.DatabaseSettings>();
        // Another process takes the write lock and keeps it past the busy timeout.
        await using var other = await SqliteWriteLock.TakeAsync(settings.ConnectionString);

        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();

        await Expect(kiosk.GetByTestId("kiosk-pending")).ToHaveTextAsync("Ett ögonblick…");
        await Expect(kiosk.GetByTestId("kiosk-service-A")).ToBeDisabledAsync();
        await Expect(kiosk.GetByTestId("kiosk-retry")).ToBeVisibleAsync(new() { Timeout = BusyTimeoutMilliseconds + 10_000 });
        await Expect(kiosk.GetByTestId("kiosk-retry-message")).ToHaveTextAsync(
            "Det gick inte att ta en nummerlapp just nu, och ingen nummerlapp skapades. Tryck på Försök igen.");
        await Expect(kiosk.GetByTestId("kiosk-retry-button")).ToHaveTextAsync("Försök igen");
        await Expect(kiosk.GetByTestId("kiosk-pending")).ToHaveCountAsync(0);

        await other.ReleaseAsync();

        (await TicketCountAsync()).ShouldBe(0);

        await kiosk.GetByTestId("kiosk-retry-button").ClickAsync();

        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A001");
        (await TicketCountAsync()).ShouldBe(1);
        await context.DisposeAsync();
    }
}
