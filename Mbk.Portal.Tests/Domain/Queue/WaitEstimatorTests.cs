using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Queue;

public class WaitEstimatorTests
{
    private static TimeSpan[] Minutes(params double[] minutes) => [.. minutes.Select(TimeSpan.FromMinutes)];

    [Fact]
    public void ShouldMultiplyAheadByMeanAndDivideByPlacesWhenHistoryExists()
    {
        // 6 ahead × mean 10 min (8, 12) ÷ 2 places = 30 min
        WaitEstimator.Estimate(6, Minutes(8, 12), 2).ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void ShouldUseWholeMeanWhenOnePlaceServes()
    {
        WaitEstimator.Estimate(3, Minutes(4, 5, 6), 1).ShouldBe(TimeSpan.FromMinutes(15));
    }

    [Fact]
    public void ShouldKeepFractionsWhenPlacesDoNotDivideEvenly()
    {
        // 1 ahead × 10 min ÷ 3 places = 3 min 20 s
        WaitEstimator.Estimate(1, Minutes(10), 3).ShouldBe(TimeSpan.FromSeconds(200));
    }

    [Fact]
    public void ShouldBeZeroWhenNobodyIsAhead()
    {
        WaitEstimator.Estimate(0, Minutes(10), 1).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void ShouldBeNullWhenThereIsNoHistory()
    {
        WaitEstimator.Estimate(5, [], 2).ShouldBeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void ShouldBeNullWhenNoPlaceServesTheService(int places)
    {
        WaitEstimator.Estimate(5, Minutes(10), places).ShouldBeNull();
    }

    [Fact]
    public void ShouldThrowWhenTicketsAheadIsNegative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WaitEstimator.Estimate(-1, Minutes(10), 1));
    }

    [Fact]
    public void ShouldThrowWhenServiceTimeIsNegative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => WaitEstimator.Estimate(1, [TimeSpan.FromMinutes(-1)], 1));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(29, 1)]
    [InlineData(60, 1)]
    [InlineData(89, 1)]
    [InlineData(90, 2)]
    [InlineData(150, 3)]
    [InlineData(1800, 30)]
    public void ShouldRoundToWholeMinutesWithAtLeastOneWhenShown(int seconds, int expectedMinutes)
    {
        WaitEstimator.ToDisplayMinutes(TimeSpan.FromSeconds(seconds)).ShouldBe(expectedMinutes);
    }

    [Fact]
    public void ShouldShowZeroWhenEstimateIsNegative()
    {
        WaitEstimator.ToDisplayMinutes(TimeSpan.FromMinutes(-3)).ShouldBe(0);
    }
}
