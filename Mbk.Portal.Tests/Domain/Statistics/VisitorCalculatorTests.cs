using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class VisitorCalculatorTests
{
    private static readonly DateTimeOffset Later = new(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeOnly Five = new(17, 0);

    /// <summary>2006's door passages as twelve monthly readings: 11 × 16 123 + 16 131 = 193 484.</summary>
    private static List<DoorCounterReading> Rinkeby2006Readings() =>
        Enumerable.Range(1, 12)
            .Select(m => DoorCounterReading.Create(
                OfficeId, Local(2006, m, 1, 0), m == 12 ? Local(2007, 1, 1, 0) : Local(2006, m + 1, 1, 0),
                m == 12 ? 16_131 : 16_123, DoorCounterSource.Manual, Later))
            .ToList();

    [Fact]
    public void ShouldGiveRinkebyVisitorsWhen2006PassagesAreSummed()
    {
        var readings = Rinkeby2006Readings();

        readings.Sum(r => r.Reading).ShouldBe(Rinkeby2006Passages);
        VisitorCalculator.VisitorsExact(readings).ShouldBe(87_067.8m);
        VisitorCalculator.Visitors(readings).ShouldBe(Rinkeby2006Visitors);
    }

    [Fact]
    public void ShouldRoundOnceWhenSummingRatherThanPerReading()
    {
        var readings = Rinkeby2006Readings();

        readings.Sum(r => (int)Math.Round(r.ExactVisitors, MidpointRounding.AwayFromZero)).ShouldBe(87_064);
        VisitorCalculator.Visitors(readings).ShouldBe(87_068);
    }

    [Fact]
    public void ShouldRoundHalfAwayFromZeroWhenExactlyHalf()
    {
        // 5 passages / 2 with no staff share = 2.5 → 3
        var reading = DoorCounterReading.Create(OfficeId, Local(2026, 11, 23, 9), Local(2026, 11, 23, 10), 5, DoorCounterSource.Manual, Now, 2m, 0m);

        VisitorCalculator.VisitorsExact([reading]).ShouldBe(2.5m);
        VisitorCalculator.Visitors([reading]).ShouldBe(3);
    }

    [Fact]
    public void ShouldUseEachReadingsOwnFactorsWhenSumming()
    {
        var old = DoorCounterReading.Create(OfficeId, Local(2026, 11, 2, 0), Local(2026, 11, 3, 0), 100, DoorCounterSource.Manual, Now);
        var changed = DoorCounterReading.Create(OfficeId, Local(2026, 11, 3, 0), Local(2026, 11, 4, 0), 100, DoorCounterSource.Manual, Now, 2m, 0.2m);

        VisitorCalculator.VisitorsExact([old, changed]).ShouldBe(85m);
    }

    [Fact]
    public void ShouldGiveZeroWhenThereAreNoReadings()
    {
        VisitorCalculator.Visitors([]).ShouldBe(0);
    }

    [Theory]
    [InlineData(2026, 11, 26, 9, 0, WeekPart.Day)] // Thursday morning
    [InlineData(2026, 11, 26, 16, 59, WeekPart.Day)]
    [InlineData(2026, 11, 26, 17, 0, WeekPart.Evening)]
    [InlineData(2026, 11, 26, 18, 30, WeekPart.Evening)]
    [InlineData(2026, 11, 28, 11, 0, WeekPart.Weekend)] // Saturday
    [InlineData(2026, 11, 29, 18, 0, WeekPart.Weekend)] // Sunday evening is weekend
    [InlineData(2026, 7, 3, 17, 0, WeekPart.Evening)] // Friday in summer time
    public void ShouldClassifyByOfficeLocalTimeWhenGivenInstant(int year, int month, int day, int hour, int minute, WeekPart expected)
    {
        VisitorCalculator.Classify(Local(year, month, day, hour, minute), Stockholm, Five).ShouldBe(expected);
    }

    [Fact]
    public void ShouldClassifyAsWeekendWhenUtcFridayIsLocalSaturday()
    {
        var utcFridayNight = new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero); // 00:30 Saturday in Stockholm

        VisitorCalculator.Classify(utcFridayNight, Stockholm).ShouldBe(WeekPart.Weekend);
    }

    [Fact]
    public void ShouldUseGivenEveningStartWhenClassifying()
    {
        VisitorCalculator.Classify(Local(2026, 11, 26, 16, 30), Stockholm, new TimeOnly(16, 0)).ShouldBe(WeekPart.Evening);
    }

    [Fact]
    public void ShouldSplitHourlyReadingsIntoDayEveningAndWeekendWhenSplit()
    {
        // Thursday 9–19: 10 hourly readings of 20 passages (9 visitors each); Saturday 10–12: 2 readings of 20.
        var readings = Enumerable.Range(9, 10).Select(h => Hourly(2026, 11, 26, h, 20))
            .Concat([Hourly(2026, 11, 28, 10, 20), Hourly(2026, 11, 28, 11, 20)])
            .ToList();

        var split = VisitorCalculator.Split(readings, OpeningHours.Default, Stockholm, Five);

        split.Day.ShouldBe(72); // 9:00–16:00, 8 readings
        split.Evening.ShouldBe(18); // 17:00 and 18:00
        split.Weekend.ShouldBe(18);
        split.Total.ShouldBe(108);
        split.OutsideOpeningHours.ShouldBe(18); // Saturday: closed by default
        VisitorCalculator.Visitors(readings).ShouldBe(108);
    }

    [Fact]
    public void ShouldAttributeReadingByItsStartWhenItSpansABoundary()
    {
        var halfPastFour = DoorCounterReading.Create(OfficeId, Local(2026, 11, 26, 16, 30), Local(2026, 11, 26, 17, 30), 20, DoorCounterSource.Automatic, Later);
        var fridayNight = DoorCounterReading.Create(OfficeId, Local(2026, 11, 27, 23), Local(2026, 11, 28, 1), 20, DoorCounterSource.Automatic, Later);

        var split = VisitorCalculator.Split([halfPastFour, fridayNight], OpeningHours.Default, Stockholm);

        split.Day.ShouldBe(9);
        split.Evening.ShouldBe(9);
        split.Weekend.ShouldBe(0);
        split.OutsideOpeningHours.ShouldBe(9);
    }

    [Fact]
    public void ShouldRoundEachPartOnceWhenSplit()
    {
        // Three day readings of 3 passages: 1.35 each, 4.05 together → 4 (not 1 + 1 + 1).
        var readings = new[] { Hourly(2026, 11, 24, 9, 3), Hourly(2026, 11, 24, 10, 3), Hourly(2026, 11, 24, 11, 3) };

        VisitorCalculator.Split(readings, OpeningHours.Default, Stockholm).Day.ShouldBe(4);
    }

    private static DoorCounterReading Hourly(int year, int month, int day, int hour, int passages) =>
        DoorCounterReading.Create(OfficeId, Local(year, month, day, hour), Local(year, month, day, hour).AddHours(1), passages, DoorCounterSource.Automatic, Later);
}

public class VisitorGenderEstimateTests
{
    [Fact]
    public void ShouldKeepFiguresWhenCreated()
    {
        var estimate = VisitorGenderEstimate.Create(OfficeId, new DateOnly(2026, 11, 24), 120, 95, 2, 10);

        estimate.Day.ShouldBe(new DateOnly(2026, 11, 24));
        (estimate.Women, estimate.Men, estimate.Other, estimate.Unknown).ShouldBe((120, 95, 2, 10));
        estimate.Total.ShouldBe(227);
    }

    [Fact]
    public void ShouldReplaceFiguresWhenSet()
    {
        var estimate = VisitorGenderEstimate.Create(OfficeId, new DateOnly(2026, 11, 24), 120, 95, 2, 10);

        estimate.Set(100, 100, 0, 0);

        (estimate.Women, estimate.Men, estimate.Other, estimate.Unknown).ShouldBe((100, 100, 0, 0));
    }

    [Fact]
    public void ShouldRefuseAndKeepFiguresWhenAFigureIsNegative()
    {
        var estimate = VisitorGenderEstimate.Create(OfficeId, new DateOnly(2026, 11, 24), 1, 2, 3, 4);

        Should.Throw<Mbk.Domain.Common.DomainException>(() => estimate.Set(5, -1, 0, 0)).Message.ShouldBe("Antalet för män kan inte vara negativt (var -1).");
        estimate.Total.ShouldBe(10);
    }
}
