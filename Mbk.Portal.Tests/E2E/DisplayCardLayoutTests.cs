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
/// The waiting-room display at 1920×1080 with long Swedish service names and an estimate in every card: every name
/// and figure stays inside its card, English labels are at least 24 px, and "NUMMER" is centred over the number.
/// Pinned to <see cref="TestDays.MidWeek"/>.
/// </summary>
public sealed class DisplayCardLayoutTests : IClassFixture<Browser>, IAsyncLifetime
{
    /// <summary>Long names from the offices' own lists (Rinkeby's categories, Rågsved's plan) as service names.</summary>
    private static readonly string[] LongNames =
    [
        "Hushållsekonomisk rådgivning och budgetrådgivning",
        "Socialtjänsten/försörjningsstöd",
    ];

    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new(configureServices: services =>
        services.AddSingleton<TimeProvider>(new ShiftedTimeProvider(TestDays.At(TestDays.MidWeek))));

    private Uri _address = default!;

    public DisplayCardLayoutTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        var officeId = await _portal.DemoOfficeIdAsync();
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        var advisor = await _portal.StaffAsync(DemoAccounts.Advisor);
        using var scope = _portal.Services.CreateScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<OpeningScheduleCommands>().SetWeeklyHoursAsync(manager, OpeningHours.Parse(QueueTestOffice.AlwaysOpen));
        await QueueTestOffice.ConfirmHolidaysOpenAsync(_portal.DbFactory, officeId, services.GetRequiredService<TimeProvider>());
        var settings = services.GetRequiredService<QueueSettingsCommands>();
        foreach (var (name, prefix) in LongNames.Zip("HS"))
        {
            await settings.AddServiceAsync(manager, name, prefix, 20);
        }

        var queries = services.GetRequiredService<QueueQueries>();
        var commands = services.GetRequiredService<QueueCommands>();
        var active = (await queries.GetServicesAsync(officeId)).Where(s => s.IsActive).ToList();
        var table = (await queries.GetPlacesAsync(officeId)).First(p => p.IsActive);
        await commands.SitDownAsync(advisor, table.Id, active.Select(s => s.Id).ToList());
        int category;
        await using (var db = await _portal.DbFactory.CreateDbContextAsync())
        {
            category = await db.QuestionCategories.Where(c => c.OfficeId == officeId && c.IsActive).Select(c => c.Id).FirstAsync();
        }

        // One finished visit per service gives every card a service time, one waiting ticket an estimate.
        foreach (var service in active)
        {
            await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, service.Id, "layout-kiosk");
            (await commands.CallNextAsync(advisor)).ShouldNotBeNull();
            await commands.FinishAsync(advisor, [category], null);
        }

        foreach (var service in active)
        {
            await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, service.Id, "layout-kiosk");
            await commands.TakeTicketAsync(DatabaseInitializer.DemoOfficeSlug, service.Id, "layout-kiosk");
        }

        (await commands.CallNextAsync(advisor)).ShouldNotBeNull();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldKeepEveryNameAndFigureInsideItsCardWhenNamesAreLongAndEveryCardHasAnEstimate()
    {
        var display = await OpenDisplayAsync();
        var cards = display.Locator(".display-service");
        var count = await cards.CountAsync();
        count.ShouldBeGreaterThanOrEqualTo(4);

        for (var i = 0; i < count; i++)
        {
            var card = cards.Nth(i);
            var name = (await card.Locator(".display-service-name").TextContentAsync())!.Trim();
            await Expect(card.Locator("[data-testid^='display-estimate-']")).ToContainTextAsync("ca ");
            var box = (await card.BoundingBoxAsync()).ShouldNotBeNull();
            foreach (var part in await card.Locator(".display-service-name, .display-label, .display-value, .display-service-prefix").AllAsync())
            {
                var inner = (await part.BoundingBoxAsync()).ShouldNotBeNull();
                var text = (await part.TextContentAsync())?.Trim();
                inner.X.ShouldBeGreaterThanOrEqualTo(box.X - 0.5f, $"'{text}' sticks out left of the card '{name}'");
                inner.Y.ShouldBeGreaterThanOrEqualTo(box.Y - 0.5f, $"'{text}' sticks out above the card '{name}'");
                (inner.X + inner.Width).ShouldBeLessThanOrEqualTo(box.X + box.Width + 0.5f, $"'{text}' sticks out right of the card '{name}'");
                (inner.Y + inner.Height).ShouldBeLessThanOrEqualTo(box.Y + box.Height + 0.5f, $"'{text}' sticks out below the card '{name}'");
                (await part.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth + 1")).ShouldBeTrue($"'{text}' is cut off in the card '{name}'");
            }
        }
    }

    [Fact]
    public async Task ShouldDrawEveryEnglishLabelAtLeast24PixelsWhenShownAt1080p()
    {
        var display = await OpenDisplayAsync();

        var sizes = await display.Locator(".display [lang='en']").EvaluateAllAsync<double[]>(
            "elements => elements.filter(e => e.offsetParent !== null).map(e => parseFloat(getComputedStyle(e).fontSize))");

        sizes.ShouldNotBeEmpty();
        sizes.ShouldAllBe(size => size >= 24);
    }

    [Fact]
    public async Task ShouldCentreTheNumberHeadingOverTheNumberWhenATicketIsCalled()
    {
        var display = await OpenDisplayAsync();
        var heading = (await display.Locator(".display-current-part h1").BoundingBoxAsync()).ShouldNotBeNull();
        var headingText = await display.Locator(".display-current-part h1").EvaluateAsync<double[]>(
            """
            e => {
                const range = document.createRange();
                range.selectNodeContents(e.firstChild);
                const r = range.getBoundingClientRect();
                return [r.left, r.width];
            }
            """);
        var number = (await display.GetByTestId("display-current-number").BoundingBoxAsync()).ShouldNotBeNull();

        var numberCentre = number.X + (number.Width / 2);
        (heading.X + (heading.Width / 2)).ShouldBe(numberCentre, 2);
        (headingText[0] + (headingText[1] / 2)).ShouldBe(numberCentre, 2);
    }

    private async Task<IPage> OpenDisplayAsync()
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _address.ToString(), ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, Locale = "sv-SE",
        });
        var display = await context.NewPageAsync();
        await display.GotoAsync($"/display/{DatabaseInitializer.DemoOfficeSlug}?speech=0");
        await Browser.WaitUntilInteractiveAsync(display);
        await Expect(display.GetByTestId("display-current-number")).ToBeVisibleAsync();
        return display;
    }
}
