using Mbk.Domain.Almanac;

namespace Mbk.Portal.Tests.Domain.Almanac;

/// <summary>Erlang C against published values.</summary>
public sealed class ErlangCTests
{
    [Fact]
    public void ShouldGiveTheTextbookProbabilityOfWaitingWhenTenErlangsMeetElevenAgents()
    {
        // The classic call-centre example: 100 calls per half hour, 3 minutes each (A = 10 erlangs), 11 agents:
        // Pw = 68.21 %, and 39 % answered within 20 seconds.
        ErlangC.OfferedLoad(200, 3).ShouldBe(10, 1e-12);
        ErlangC.ProbabilityOfWaiting(200, 3, 11).ShouldBe(0.6821, 0.0001);
        ErlangC.ServiceLevel(200, 3, 11, 20 / 60.0).ShouldBe(0.3896, 0.0001);
    }

    [Fact]
    public void ShouldNeedFourteenAgentsForEightyPercentInTwentySecondsWhenTheLoadIsTenErlangs()
    {
        // Same example: 13 agents reach 79.6 %, 14 reach 88.8 %.
        ErlangC.ServiceLevel(200, 3, 13, 20 / 60.0).ShouldBe(0.7956, 0.0001);
        ErlangC.ServiceLevel(200, 3, 14, 20 / 60.0).ShouldBe(0.8884, 0.0001);
        ErlangC.AdvisorsNeeded(200, 3, 20 / 60.0).ShouldBe(14);
    }

    [Fact]
    public void ShouldGiveFourNinthsWhenTwoErlangsMeetThreeServers()
    {
        // Exact: (8/6 · 3/1) / (1 + 2 + 2 + 4) = 4/9.
        ErlangC.ProbabilityOfWaiting(12, 10, 3).ShouldBe(4.0 / 9.0, 1e-12);
    }

    [Fact]
    public void ShouldReduceToMM1WhenThereIsOneServer()
    {
        // M/M/1 with λ = 6/h and 5 min service: ρ = 0.5 waits, mean wait ρ/(μ − λ) = 0.5 / 6 h = 5 min.
        ErlangC.ProbabilityOfWaiting(6, 5, 1).ShouldBe(0.5, 1e-12);
        ErlangC.AverageWaitMinutes(6, 5, 1).ShouldBe(5, 1e-9);
    }

    [Fact]
    public void ShouldMakeEveryoneWaitWhenTheAdvisorsCannotKeepUp()
    {
        ErlangC.ProbabilityOfWaiting(30, 10, 5).ShouldBe(1);
        ErlangC.ServiceLevel(30, 10, 5, 20).ShouldBe(0);
        ErlangC.AverageWaitMinutes(30, 10, 5).ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void ShouldNeedNobodyWhenNobodyIsExpected()
    {
        ErlangC.AdvisorsNeeded(0, 10, 20).ShouldBe(0);
        ErlangC.ProbabilityOfWaiting(0, 10, 1).ShouldBe(0);
    }

    [Fact]
    public void ShouldRefuseAServiceTimeOfZero()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ErlangC.ProbabilityOfWaiting(10, 0, 2));
    }
}
