using Bunit;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>
/// The 2006 view with only the year totals imported (issue 16): what was never recorded reads "uppgift saknas", not 0,
/// and trends against 2004/2005 (no data) read "–".
/// </summary>
[Trait("Providers", "Both")]
public sealed class StatisticsMissingDataTests : MudBunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database, _clock);
        await Rinkeby2006Figures.ImportAsync(_database, _office.Office.Id);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new StatisticsQueries(_database));
        Services.AddSingleton(new Mbk.Portal.Features.Feedback.FeedbackStatistics(_database, _clock));
        RenderMudProviders();
    }

    private IRenderedComponent<StatisticsPanel> RenderYear2006() => Render<StatisticsPanel>(p => p
        .Add(c => c.Staff, TestDatabase.Staff(_office.Office, StaffRoles.Manager))
        .Add(c => c.InitialPeriod, StatisticsPeriod.Year(2006)));

    private static string Text(IRenderedComponent<StatisticsPanel> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public void ShouldShowUppgiftSaknasNotZeroForGenderDayPartsAndHeatmapWhenOnlyYearTotalsAreImported()
    {
        var cut = RenderYear2006();

        cut.WaitForAssertion(() => Text(cut, "stats-questions-total").ShouldBe("33 893"));
        Text(cut, "stats-visitors-total").ShouldBe("87 068");
        foreach (var id in new[] { "stats-visitors-women", "stats-visitors-men", "stats-visitors-day", "stats-visitors-evening", "stats-visitors-weekend" })
        {
            Text(cut, id).ShouldBe("– (uppgift saknas)", id);
        }

        Text(cut, "stats-visitors-source").ShouldContain("Kön: uppgift saknas");
        Text(cut, "stats-visitors-source").ShouldContain("Dag/kväll/helg: uppgift saknas");
        cut.FindAll("[data-testid=stats-heatmap]").ShouldBeEmpty();
        var noData = cut.FindAll("[data-testid=stats-no-data]");
        noData.Select(n => n.GetAttribute("data-section")).ShouldContain("heatmap");
        noData.Single(n => n.GetAttribute("data-section") == "heatmap").TextContent.ShouldContain("uppgift saknas");
        noData.Select(n => n.GetAttribute("data-section")).ShouldContain("queue");
        cut.Markup.ShouldNotContain("Kön uppskattat");
    }

    [Fact]
    public void ShouldShowDashInTrendCellsAgainst2004And2005WhenThoseYearsHaveNoData()
    {
        var cut = RenderYear2006();
        cut.WaitForAssertion(() => Text(cut, "stats-questions-total").ShouldBe("33 893"));

        var headers = cut.FindAll("[data-testid=stats-trends] thead th").Select(h => h.TextContent.Trim()).ToList();
        headers.Take(4).ShouldBe(["Ärendeslag", "2004", "2005", "2006"]);
        foreach (var row in cut.FindAll("[data-testid=stats-trend-row]"))
        {
            var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
            cells[1].ShouldBe("– (uppgift saknas)", cells[0]);
            cells[2].ShouldBe("– (uppgift saknas)", cells[0]);
            cells.Skip(4).ShouldAllBe(c => c == "–", cells[0]);
        }

        cut.FindAll("[data-testid=stats-trends] td").Select(c => c.TextContent).ShouldNotContain(t => t.Contains("nytt") || t.Contains('%'));
        cut.Find("[data-testid=stats-trends] tbody").TextContent.ShouldContain("87 068");
    }

    [Fact]
    public void ShouldDrawTwelveBarsAndAnOthersBarThatExpandsWhenThereAre23Categories()
    {
        var cut = RenderYear2006();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=stats-category-chart]").Count.ShouldBe(1));

        var labels = cut.FindAll("[data-testid=stats-category-label]").Select(l => l.TextContent.Trim()).ToList();
        labels.Count.ShouldBe(13);
        labels.Take(12).ShouldBe(Rinkeby2006Figures.Categories.Take(12).Select(c => c.Category));
        labels[12].ShouldBe("Övriga (11 ärendeslag)");
        var counts = cut.FindAll("[data-testid=stats-category-count]").Select(l => l.TextContent.Trim()).ToList();
        counts[0].ShouldBe("5 654");
        counts[12].ShouldBe(StatisticsFormat.Number(Rinkeby2006Figures.Categories.Skip(12).Sum(c => c.Count)));

        cut.Find("[data-testid=stats-category-others]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=stats-category-label]").Count.ShouldBe(23));
        cut.FindAll("[data-testid=stats-category-label]")[^1].TextContent.Trim().ShouldBe("Miljöfrågor");
    }

    [Fact]
    public void ShouldSayInOneLineThatThereAreNoQuestionsWhenThePeriodHasNone()
    {
        var cut = Render<StatisticsPanel>(p => p
            .Add(c => c.Staff, TestDatabase.Staff(_office.Office, StaffRoles.Manager))
            .Add(c => c.InitialPeriod, StatisticsPeriod.Year(2003)));

        cut.WaitForAssertion(() => Text(cut, "stats-questions-total").ShouldBe("– (uppgift saknas)"));
        cut.FindAll("[data-testid=stats-category-chart]").ShouldBeEmpty();
        cut.FindAll("[data-testid=stats-no-data]").Select(n => n.GetAttribute("data-section")).ShouldContain("questions");
        Text(cut, "stats-visitors-total").ShouldBe("– (uppgift saknas)");
    }
}
