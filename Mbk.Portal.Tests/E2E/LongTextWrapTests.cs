using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// An unbroken word as long as the fields allow (message of the day, an almanac event's title and description) wraps
/// on every page that shows it: the page never becomes wider than the window, on a desktop or a phone.
/// </summary>
public sealed class LongTextWrapTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly ShiftedTimeProvider _clock = new(TestDays.At(TestDays.MidWeek));
    private readonly PortalAppFactory _portal;
    private Uri _address = default!;

    public LongTextWrapTests(Browser browser)
    {
        _browser = browser;
        _portal = new PortalAppFactory(configureServices: services => services.AddSingleton<TimeProvider>(_clock));
    }

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        var today = DateOnly.FromDateTime(TestDays.At(TestDays.MidWeek).DateTime);
        using var scope = _portal.Services.CreateScope();
        DateTimeOffset? basedOn;
        await using (var db = await _portal.DbFactory.CreateDbContextAsync())
        {
            basedOn = await db.Offices.Where(o => o.Id == manager.CurrentOffice!.Id).Select(o => o.MessageChangedAt).SingleAsync();
        }

        await scope.ServiceProvider.GetRequiredService<OfficeCommands>().SetMessageOfTheDayAsync(manager, manager.CurrentOffice!.Id, new string('m', 1000), basedOn);
        await scope.ServiceProvider.GetRequiredService<AlmanacEventCommands>().AddAsync(manager, new CalendarEventDetails(
            CalendarEventKind.Course, new string('t', CalendarEvent.TitleMaxLength), today, new TimeOnly(13, 0), new TimeOnly(14, 0),
            Location: new string('l', CalendarEvent.LocationMaxLength), Description: new string('d', CalendarEvent.DescriptionMaxLength)));
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Theory]
    [InlineData("/", 1280)]
    [InlineData("/", 375)]
    [InlineData("/", 320)]
    [InlineData("/tally", 320)]
    [InlineData("/almanac", 1280)]
    [InlineData("/almanac?view=day", 1280)]
    [InlineData("/almanac?view=month", 1280)]
    [InlineData("/meeting", 1280)]
    public async Task ShouldWrapAnUnbrokenWordInsteadOfWideningThePage(string path, int width)
    {
        var page = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await page.SetViewportSizeAsync(width, 900);
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");

        scrollWidth.ShouldBeLessThanOrEqualTo(width, $"{path} at {width} px is {scrollWidth} px wide");
    }
}
