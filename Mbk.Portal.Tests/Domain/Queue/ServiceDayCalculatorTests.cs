using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Queue;

public class ServiceDayCalculatorTests
{
    private static readonly TimeZoneInfo Stockholm = QueueTestData.Stockholm;

    private static DateTimeOffset Utc(int month, int day, int hour, int minute) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(3, 4, 22, 59, 3, 4)] // 23:59 CET
    [InlineData(3, 4, 23, 0, 3, 5)] // 00:00 CET next day
    [InlineData(6, 30, 21, 59, 6, 30)] // 23:59 CEST
    [InlineData(6, 30, 22, 0, 7, 1)] // 00:00 CEST next day
    public void ShouldUseOfficeLocalDayWhenInstantIsNearMidnight(int month, int day, int hour, int minute, int expectedMonth, int expectedDay)
    {
        ServiceDayCalculator.ServiceDay(Utc(month, day, hour, minute), Stockholm).ShouldBe(new DateOnly(2025, expectedMonth, expectedDay));
    }

    [Fact]
    public void ShouldIgnoreOffsetOfInstantWhenFindingDay()
    {
        var sameInstant = new DateTimeOffset(2025, 3, 4, 18, 30, 0, TimeSpan.FromHours(-5)); // 23:30Z = 00:30 CET on the 5th

        ServiceDayCalculator.ServiceDay(sameInstant, Stockholm).ShouldBe(new DateOnly(2025, 3, 5));
    }

    [Theory]
    [InlineData(3, 29, 23, 0, 30)] // 00:00 CET on the spring-forward Sunday
    [InlineData(3, 30, 0, 59, 30)] // 01:59 CET, just before the gap
    [InlineData(3, 30, 1, 0, 30)] // 03:00 CEST, just after the gap
    [InlineData(3, 30, 21, 59, 30)] // 23:59 CEST
    [InlineData(3, 30, 22, 0, 31)] // 00:00 CEST Monday
    public void ShouldKeepDayWhenClocksSpringForwardOnLastSundayOfMarch(int month, int day, int hour, int minute, int expectedDay)
    {
        ServiceDayCalculator.ServiceDay(Utc(month, day, hour, minute), Stockholm).ShouldBe(new DateOnly(2025, 3, expectedDay));
    }

    [Theory]
    [InlineData(10, 25, 21, 59, 25)] // 23:59 CEST Saturday
    [InlineData(10, 25, 22, 0, 26)] // 00:00 CEST Sunday
    [InlineData(10, 26, 0, 30, 26)] // 02:30 CEST, first time
    [InlineData(10, 26, 1, 30, 26)] // 02:30 CET, second time
    [InlineData(10, 26, 22, 59, 26)] // 23:59 CET
    [InlineData(10, 26, 23, 0, 27)] // 00:00 CET Monday
    public void ShouldKeepDayWhenClocksFallBackOnLastSundayOfOctober(int month, int day, int hour, int minute, int expectedDay)
    {
        ServiceDayCalculator.ServiceDay(Utc(month, day, hour, minute), Stockholm).ShouldBe(new DateOnly(2025, 10, expectedDay));
    }

    [Fact]
    public void ShouldSpanTwentyThreeHoursWhenDayHasSpringForward()
    {
        var (start, end) = ServiceDayCalculator.Bounds(new DateOnly(2025, 3, 30), Stockholm);

        start.ShouldBe(Utc(3, 29, 23, 0));
        end.ShouldBe(Utc(3, 30, 22, 0));
        (end - start).ShouldBe(TimeSpan.FromHours(23));
    }

    [Fact]
    public void ShouldSpanTwentyFiveHoursWhenDayHasFallBack()
    {
        var (start, end) = ServiceDayCalculator.Bounds(new DateOnly(2025, 10, 26), Stockholm);

        start.ShouldBe(Utc(10, 25, 22, 0));
        end.ShouldBe(Utc(10, 26, 23, 0));
        (end - start).ShouldBe(TimeSpan.FromHours(25));
    }

    [Fact]
    public void ShouldUseLocalOffsetWhenConvertingOrdinaryTime()
    {
        var winter = ServiceDayCalculator.ToInstant(new DateOnly(2025, 1, 15), new TimeOnly(9, 0), Stockholm);
        var summer = ServiceDayCalculator.ToInstant(new DateOnly(2025, 7, 15), new TimeOnly(9, 0), Stockholm);

        winter.ShouldBe(Utc(1, 15, 8, 0));
        winter.Offset.ShouldBe(TimeSpan.FromHours(1));
        summer.ShouldBe(Utc(7, 15, 7, 0));
        summer.Offset.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void ShouldMoveForwardWhenLocalTimeFallsInSpringGap()
    {
        var instant = ServiceDayCalculator.ToInstant(new DateOnly(2025, 3, 30), new TimeOnly(2, 30), Stockholm);

        instant.ShouldBe(Utc(3, 30, 1, 30));
        instant.Offset.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void ShouldTakeFirstOccurrenceWhenLocalTimeIsRepeatedInAutumn()
    {
        var instant = ServiceDayCalculator.ToInstant(new DateOnly(2025, 10, 26), new TimeOnly(2, 30), Stockholm);

        instant.ShouldBe(Utc(10, 26, 0, 30));
    }
}
