using Mbk.Portal.Tests.Features.Statistics;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>The 2006 year view in Chromium (issue 16): readable category labels, no-data lines, a chart saved as PNG.</summary>
public sealed class StatisticsChartTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;

    public StatisticsChartTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        await Rinkeby2006Figures.ImportAsync(_portal.DbFactory, await _portal.DemoOfficeIdAsync());
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<IPage> Year2006Async()
    {
        var page = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await page.GotoAsync("/statistics?kind=year&from=2006-01-01");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("stats-questions-total")).ToHaveTextAsync("33 893");
        return page;
    }

    [Fact]
    public async Task ShouldDrawCategoryLabelsThatDoNotOverlapEachOtherOrTheBarsWhenTheYearHas23Categories()
    {
        var page = await Year2006Async();
        var chart = page.GetByTestId("stats-category-chart");
        await Expect(chart).ToBeVisibleAsync();

        var labels = page.GetByTestId("stats-category-label");
        await Expect(labels).ToHaveCountAsync(13);
        await Expect(labels.Nth(12)).ToHaveTextAsync("Övriga (11 ärendeslag)");
        var chartBox = (await chart.BoundingBoxAsync())!;
        var boxes = new List<(string Text, LocatorBoundingBoxResult Box)>();
        for (var i = 0; i < 13; i++)
        {
            boxes.Add(((await labels.Nth(i).TextContentAsync())!, (await labels.Nth(i).BoundingBoxAsync())!));
        }

        var bars = page.Locator("[data-testid=stats-category-bar] rect");
        for (var i = 0; i < boxes.Count; i++)
        {
            var (text, box) = boxes[i];
            box.X.ShouldBeGreaterThanOrEqualTo(chartBox.X, $"'{text}' is cut off at the left");
            var bar = (await bars.Nth(i).BoundingBoxAsync())!;
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(bar.X, $"'{text}' runs into its bar");
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var other = boxes[j].Box;
                var overlap = box.X < other.X + other.Width && other.X < box.X + box.Width
                    && box.Y < other.Y + other.Height && other.Y < box.Y + box.Height;
                overlap.ShouldBeFalse($"'{text}' overlaps '{boxes[j].Text}'");
            }
        }

        await page.GetByTestId("stats-category-others").ClickAsync();
        await Expect(labels).ToHaveCountAsync(23);
        await Expect(labels.Nth(22)).ToHaveTextAsync("Miljöfrågor");
    }

    [Fact]
    public async Task ShouldSayUppgiftSaknasForTheHeatmapAndSaveTheCategoryChartAsPngWhenOnlyYearTotalsExist()
    {
        var page = await Year2006Async();

        await Expect(page.Locator("[data-testid=stats-no-data][data-section=heatmap]")).ToContainTextAsync("uppgift saknas");
        await Expect(page.GetByTestId("stats-heatmap")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("stats-visitors-women")).ToHaveTextAsync("– (uppgift saknas)");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("stats-category-svg-png").ClickAsync());
        download.SuggestedFilename.ShouldBe("fragor-per-arendeslag-2006-01-01.png");
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        bytes.Length.ShouldBeGreaterThan(5_000);
    }
}
