using System.Text;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Import;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Features.Statistics.Visitors;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>
/// The office's own 2006 figures (shared/domain.md) through the portal as a manager would feed them: a historical
/// import of the category totals and door-counter readings, then the year view.
/// </summary>
public sealed class Rinkeby2006AcceptanceTests : IAsyncLifetime
{
    private static readonly (string Category, int Count)[] Figures2006 =
    [
        ("Socialtjänsten/försörjningsstöd", 5654), ("Fax/kopiering", 5165), ("Migrationsfrågor", 3519),
        ("Bostadsfrågor", 3155), ("Barnomsorg", 2668), ("Konsumentfrågor", 2502), ("Försäkringskassan", 2091),
        ("Skatteverket", 1608), ("Arbetsmarknad/näringsliv", 1292), ("Internet och datafrågor", 1200),
        ("Hushållsekonomisk rådgivning", 1137), ("Utbildningsfrågor", 863), ("Boutredning", 579), ("Landstinget", 563),
        ("Länsstyrelsen", 563), ("Förvaltningen och nämnden", 378), ("Äldre- och handikappfrågor", 330),
        ("Fritid/kultur/föreningsliv", 283), ("Polisen", 143), ("Kommunikationsfrågor", 125), ("Stadsbyggnadsfrågor", 33),
        ("Gatu- och fastighetsfrågor", 21), ("Miljöfrågor", 21),
    ];

    private readonly PortalAppFactory _portal = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task ShouldListThe23CategoriesDescendingWithTotal33893AndGive87068VisitorsWhen2006IsImported()
    {
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        using var scope = _portal.Services.CreateScope();
        var csv = new StringBuilder("År;Månad;Ärendeslag;Antal\n");
        // Shuffled on purpose: the year view must order them, not the file.
        foreach (var (category, count) in Figures2006.Reverse())
        {
            csv.Append("2006;;").Append(category).Append(';').Append(count).Append('\n');
        }

        await using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var import = await scope.ServiceProvider.GetRequiredService<HistoricalImportService>().ImportAsync(manager, file, "rinkeby-2006.csv");
        import.Errors.ShouldBeEmpty();
        import.TallyRows.ShouldBe(23);

        // Door-counter readings read by hand, one per month, summing to 193 484 passages.
        var visitors = scope.ServiceProvider.GetRequiredService<VisitorCommands>();
        int[] monthly = [16_000, 16_500, 17_200, 16_100, 16_900, 15_000, 12_000, 14_300, 17_100, 17_800, 17_600, 16_984];
        monthly.Sum().ShouldBe(193_484);
        for (var month = 1; month <= 12; month++)
        {
            await visitors.AddManualReadingAsync(manager, new DateOnly(2006, month, 15), monthly[month - 1]);
        }

        var report = await scope.ServiceProvider.GetRequiredService<StatisticsQueries>()
            .GetReportAsync(manager.CurrentOffice!.Id, StatisticsPeriod.Year(2006), CancellationToken.None);

        report.Categories.Where(c => c.Count > 0).Select(c => (c.Name, (int)c.Count)).ShouldBe(Figures2006);
        report.Categories.Count(c => c.Count > 0).ShouldBe(23);
        report.QuestionsTotal.ShouldBe(33_893);
        report.Visitors.Total.ShouldBe(87_068);
    }
}
