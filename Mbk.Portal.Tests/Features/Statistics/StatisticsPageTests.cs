using Bunit;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Statistics;

public sealed class StatisticsPageTests : MudBunitContext
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 15, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database, _clock);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton<TimeProvider>(_clock);
        Services.AddSingleton(new StatisticsQueries(_database));
        Services.AddSingleton(new Mbk.Portal.Features.Feedback.FeedbackStatistics(_database, _clock));
        RenderMudProviders();
    }

    private IRenderedComponent<StatisticsPanel> RenderPanel(StaffContext staff) => Render<StatisticsPanel>(p => p.Add(c => c.Staff, staff));

    private static string Text(IRenderedComponent<StatisticsPanel> cut, string testId) => cut.Find($"[data-testid={testId}]").TextContent.Trim();

    [Fact]
    public async Task ShouldShowQuestionsTableAndTotalForCurrentMonth()
    {
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Tap(_office.Categories[1], StatisticsSeed.Local(2026, 3, 10, 10)),
            QuestionTally.RecordBatch(_office.Categories[0], new DateOnly(2026, 3, 11), 1_200, "staff-1", _clock.GetUtcNow(), StatisticsSeed.Zone),
            StatisticsSeed.Tap(_office.Categories[1], StatisticsSeed.Local(2026, 2, 10, 10)));

        var cut = RenderPanel(TestDatabase.Staff(_office.Office, StaffRoles.Advisor));

        cut.WaitForAssertion(() => Text(cut, "stats-questions-total").ShouldBe("1 201"));
        Text(cut, "stats-period-label").ShouldEndWith("mars 2026");
        var rows = cut.FindAll("[data-testid=stats-category-row]");
        rows.Count.ShouldBe(2);
        rows[0].TextContent.ShouldContain("Migrationsfrågor");
        rows[0].TextContent.ShouldContain("1 200");
        rows[0].TextContent.ShouldContain("99,9 %");
        rows[1].TextContent.ShouldContain("Bostadsfrågor");
        Text(cut, "stats-visitors-total").ShouldBe("– (uppgift saknas)"); // no reading in March: missing, not 0
        cut.FindAll("[data-testid=stats-compare]").ShouldBeEmpty();
        cut.Find("[data-testid=stats-export-excel]").GetAttribute("href")
            .ShouldBe($"/statistics/export.xlsx?office={_office.Office.Id}&kind=month&from=2026-03-01");
    }

    [Fact]
    public async Task ShouldReloadAfterDebounceWhenTallyIsAdded()
    {
        await StatisticsSeed.AddAsync(_database, StatisticsSeed.Tap(_office.Categories[0], StatisticsSeed.Local(2026, 3, 10, 10)));
        var cut = RenderPanel(TestDatabase.Staff(_office.Office, StaffRoles.Advisor));
        cut.WaitForAssertion(() => Text(cut, "stats-questions-total").ShouldBe("1"));

        // Saved through the portal's interceptor, which publishes QuestionTallied on the bus.
        await StatisticsSeed.AddAsync(_database, StatisticsSeed.Tap(_office.Categories[0], _clock.GetUtcNow()));
        await Task.Delay(100);
        Text(cut, "stats-questions-total").ShouldBe("1");

        _clock.Advance(StatisticsPanel.MinReloadInterval);

        cut.WaitForAssertion(() => Text(cut, "stats-questions-total").ShouldBe("2"));
    }

    [Fact]
    public async Task ShouldCompareOfficesForManagerWithSeveralOffices()
    {
        var other = await QueueTestOffice.CreateAsync(_database, _clock);
        await StatisticsSeed.AddAsync(_database,
            StatisticsSeed.Tap(_office.Categories[0], StatisticsSeed.Local(2026, 3, 10, 10)),
            StatisticsSeed.Tap(other.Categories[0], StatisticsSeed.Local(2026, 3, 10, 10)),
            StatisticsSeed.Tap(other.Categories[0], StatisticsSeed.Local(2026, 3, 10, 11)));
        var manager = TestDatabase.Staff(_office.Office, StaffRoles.Manager) with
        {
            Offices = [new OfficeSummary(_office.Office.Id, _office.Office.Name, _office.Office.Slug, StaffRoles.Manager), new OfficeSummary(other.Office.Id, other.Office.Name, other.Office.Slug)],
        };

        var cut = RenderPanel(manager);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=stats-compare-row]").Count.ShouldBe(2));
        var rows = cut.FindAll("[data-testid=stats-compare-row]");
        rows[0].TextContent.ShouldContain("1");
        rows[1].TextContent.ShouldContain("2");
        // Neither office has a door reading or a ticket in the period: "uppgift saknas", not 0.
        rows[0].QuerySelectorAll("td")[2].TextContent.ShouldBe(StatisticsFormat.MissingCell);
        rows[1].QuerySelectorAll("td")[3].TextContent.ShouldBe(StatisticsFormat.MissingCell);
    }
}
