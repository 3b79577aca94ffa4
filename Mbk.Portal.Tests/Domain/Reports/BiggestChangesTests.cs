using Mbk.Domain.Reports;

namespace Mbk.Portal.Tests.Domain.Reports;

public sealed class BiggestChangesTests
{
    [Fact]
    public void ShouldRankByRelativeChangeAndIgnoreSmallBasesWhenComparingWithLastYear()
    {
        var changes = BiggestChanges.Rank(
        [
            new ChangeCandidate("Migrationsfrågor", 3519, 1719),
            new ChangeCandidate("Bostadsfrågor", 3155, 4243),
            new ChangeCandidate("Miljöfrågor", 21, 2),
            new ChangeCandidate("Polisen", 143, 143),
            new ChangeCandidate("Barnomsorg", 2668, 2600),
        ]);

        changes.Select(c => c.Text).ShouldBe(["Migrationsfrågor +105 %", "Bostadsfrågor −26 %", "Barnomsorg +3 %"]);
    }

    [Fact]
    public void ShouldKeepOnlyTheRequestedNumberWhenThereAreMany()
    {
        var candidates = Enumerable.Range(1, 10).Select(i => new ChangeCandidate($"K{i}", 100 + (i * 10), 100));

        BiggestChanges.Rank(candidates, 3).Select(c => c.Name).ShouldBe(["K10", "K9", "K8"]);
    }
}
