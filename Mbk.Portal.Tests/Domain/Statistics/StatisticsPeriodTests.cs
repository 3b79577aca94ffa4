using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class StatisticsPeriodTests
{
    [Fact]
    public void ShouldRunMondayToSundayWhenIsoWeek()
    {
        var week = StatisticsPeriod.IsoWeek(2026, 48);

        week.Kind.ShouldBe(PeriodKind.Week);
        week.From.ShouldBe(new DateOnly(2026, 11, 23));
        week.To.ShouldBe(new DateOnly(2026, 11, 29));
        week.From.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        week.Label.ShouldBe("vecka 48 2026");
    }

    [Fact]
    public void ShouldReachIntoNextYearWhenWeek53Of2026()
    {
        var week = StatisticsPeriod.IsoWeek(2026, 53);

        week.From.ShouldBe(new DateOnly(2026, 12, 28));
        week.To.ShouldBe(new DateOnly(2027, 1, 3));
        week.Label.ShouldBe("vecka 53 2026");
        StatisticsPeriod.Containing(PeriodKind.Week, new DateOnly(2027, 1, 2)).ShouldBe(week);
    }

    [Fact]
    public void ShouldRefuseWeek53WhenYearHasOnly52Weeks()
    {
        Should.Throw<DomainException>(() => StatisticsPeriod.IsoWeek(2027, 53)).Message.ShouldBe("År 2027 har veckorna 1–52, inte vecka 53.");
        Should.Throw<DomainException>(() => StatisticsPeriod.IsoWeek(2026, 0));
    }

    [Fact]
    public void ShouldClampToWeek52WhenSameWeekInYearWithoutWeek53()
    {
        StatisticsPeriod.IsoWeek(2026, 53).SameInYear(2027).ShouldBe(StatisticsPeriod.IsoWeek(2027, 52));
        StatisticsPeriod.IsoWeek(2026, 48).SameInYear(2025).ShouldBe(StatisticsPeriod.IsoWeek(2025, 48));
    }

    [Fact]
    public void ShouldGiveWeek53WhenPreviousOfWeek1In2027()
    {
        StatisticsPeriod.IsoWeek(2027, 1).Previous().ShouldBe(StatisticsPeriod.IsoWeek(2026, 53));
    }

    [Theory]
    [InlineData(1, 1, 1, 4, 30, "T1 2026 (januari–april)")]
    [InlineData(2, 5, 1, 8, 31, "T2 2026 (maj–augusti)")]
    [InlineData(3, 9, 1, 12, 31, "T3 2026 (september–december)")]
    public void ShouldCoverFourMonthsWhenTertial(int tertial, int fromMonth, int fromDay, int toMonth, int toDay, string label)
    {
        var period = StatisticsPeriod.Tertial(2026, tertial);

        period.From.ShouldBe(new DateOnly(2026, fromMonth, fromDay));
        period.To.ShouldBe(new DateOnly(2026, toMonth, toDay));
        period.Label.ShouldBe(label);
        Tertial.Range(2026, tertial).ShouldBe((period.From, period.To));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(4, 30, 1)]
    [InlineData(5, 1, 2)]
    [InlineData(8, 31, 2)]
    [InlineData(9, 1, 3)]
    [InlineData(12, 31, 3)]
    public void ShouldFindTertialWhenGivenDate(int month, int day, int expected)
    {
        Tertial.TertialOf(new DateOnly(2026, month, day)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void ShouldRefuseTertialWhenOutsideOneToThree(int tertial)
    {
        Should.Throw<DomainException>(() => StatisticsPeriod.Tertial(2026, tertial)).Message.ShouldBe(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Tertialen måste vara 1–3 (var {tertial})."));
    }

    [Fact]
    public void ShouldGiveT3OfPreviousYearWhenPreviousOfT1()
    {
        StatisticsPeriod.Tertial(2026, 1).Previous().ShouldBe(StatisticsPeriod.Tertial(2025, 3));
        StatisticsPeriod.Tertial(2026, 3).Previous().ShouldBe(StatisticsPeriod.Tertial(2026, 2));
    }

    [Fact]
    public void ShouldLabelMonthInSwedishWhenMonth()
    {
        var month = StatisticsPeriod.Month(2026, 11);

        month.From.ShouldBe(new DateOnly(2026, 11, 1));
        month.To.ShouldBe(new DateOnly(2026, 11, 30));
        month.Label.ShouldBe("november 2026");
        StatisticsPeriod.Month(2028, 2).To.ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void ShouldRefuseMonthWhenOutsideOneToTwelve()
    {
        Should.Throw<DomainException>(() => StatisticsPeriod.Month(2026, 13)).Message.ShouldBe("Månaden måste vara 1–12 (var 13).");
    }

    [Fact]
    public void ShouldGiveDecemberWhenPreviousOfJanuary()
    {
        StatisticsPeriod.Month(2026, 1).Previous().ShouldBe(StatisticsPeriod.Month(2025, 12));
    }

    [Fact]
    public void ShouldCoverWholeYearWhenYear()
    {
        var year = StatisticsPeriod.Year(2026);

        (year.From, year.To).ShouldBe((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        year.Label.ShouldBe("2026");
        year.DayCount.ShouldBe(365);
        year.Previous().ShouldBe(StatisticsPeriod.Year(2025));
        year.SameInYear(2004).ShouldBe(StatisticsPeriod.Year(2004));
    }

    [Fact]
    public void ShouldLabelDayInSwedishWhenDay()
    {
        var day = StatisticsPeriod.Day(new DateOnly(2026, 11, 3));

        day.Label.ShouldBe("3 november 2026");
        day.Previous().ShouldBe(StatisticsPeriod.Day(new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void ShouldMoveLeapDayToTwentyEighthWhenSameDayInYearWithoutIt()
    {
        StatisticsPeriod.Day(new DateOnly(2028, 2, 29)).SameInYear(2027).ShouldBe(StatisticsPeriod.Day(new DateOnly(2027, 2, 28)));
    }

    [Theory]
    [InlineData(2026, 3, 1, 2026, 3, 15, "1–15 mars 2026")]
    [InlineData(2026, 2, 20, 2026, 3, 15, "20 februari–15 mars 2026")]
    [InlineData(2025, 12, 15, 2026, 1, 15, "15 december 2025–15 januari 2026")]
    [InlineData(2026, 3, 1, 2026, 3, 1, "1 mars 2026")]
    public void ShouldLabelCustomPeriodWhenCustom(int fromYear, int fromMonth, int fromDay, int toYear, int toMonth, int toDay, string label)
    {
        StatisticsPeriod.Custom(new DateOnly(fromYear, fromMonth, fromDay), new DateOnly(toYear, toMonth, toDay)).Label.ShouldBe(label);
    }

    [Fact]
    public void ShouldRefuseCustomWhenEndIsBeforeStart()
    {
        Should.Throw<DomainException>(() => StatisticsPeriod.Custom(new DateOnly(2026, 3, 15), new DateOnly(2026, 3, 1)))
            .Message.ShouldBe("Periodens slut (1 mars 2026) kan inte vara före dess början (15 mars 2026).");
    }

    [Fact]
    public void ShouldRefuseCustomWhenLongerThanTwentyYears()
    {
        var from = new DateOnly(2000, 1, 1);

        StatisticsPeriod.Custom(from, new DateOnly(2019, 12, 31)).DayCount.ShouldBeGreaterThan(7000);
        Should.Throw<DomainException>(() => StatisticsPeriod.Custom(from, new DateOnly(2020, 1, 1))).Message.ShouldBe("En period får vara högst 20 år.");
    }

    [Fact]
    public void ShouldGiveSameLengthJustBeforeWhenPreviousOfCustom()
    {
        var custom = StatisticsPeriod.Custom(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 15));

        custom.Previous().ShouldBe(StatisticsPeriod.Custom(new DateOnly(2026, 2, 14), new DateOnly(2026, 2, 28)));
        custom.SameInYear(2025).ShouldBe(StatisticsPeriod.Custom(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 15)));
    }

    [Theory]
    [InlineData(PeriodKind.Day, 2026, 11, 24, 2026, 11, 24)]
    [InlineData(PeriodKind.Week, 2026, 11, 23, 2026, 11, 29)]
    [InlineData(PeriodKind.Month, 2026, 11, 1, 2026, 11, 30)]
    [InlineData(PeriodKind.Tertial, 2026, 9, 1, 2026, 12, 31)]
    [InlineData(PeriodKind.Year, 2026, 1, 1, 2026, 12, 31)]
    public void ShouldContainDateWhenContaining(PeriodKind kind, int fy, int fm, int fd, int ty, int tm, int td)
    {
        var period = StatisticsPeriod.Containing(kind, new DateOnly(2026, 11, 24));

        period.Kind.ShouldBe(kind);
        (period.From, period.To).ShouldBe((new DateOnly(fy, fm, fd), new DateOnly(ty, tm, td)));
        period.Contains(new DateOnly(2026, 11, 24)).ShouldBeTrue();
    }

    [Fact]
    public void ShouldRefuseContainingWhenKindIsCustom()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StatisticsPeriod.Containing(PeriodKind.Custom, new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void ShouldGiveSameMonthAndTertialWhenSameInAnotherYear()
    {
        StatisticsPeriod.Month(2006, 11).SameInYear(2005).ShouldBe(StatisticsPeriod.Month(2005, 11));
        StatisticsPeriod.Tertial(2006, 2).SameInYear(2004).ShouldBe(StatisticsPeriod.Tertial(2004, 2));
    }

    [Fact]
    public void ShouldEndAtNextLocalMidnightWhenBoundsAreTaken()
    {
        var (start, end) = StatisticsPeriod.Year(2026).Bounds(Stockholm);

        start.ShouldBe(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero));
        end.ShouldBe(new DateTimeOffset(2026, 12, 31, 23, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldBeAnHourShortWhenMonthHasSpringDstChange()
    {
        var (start, end) = StatisticsPeriod.Month(2026, 3).Bounds(Stockholm);

        (end - start).ShouldBe(TimeSpan.FromDays(31) - TimeSpan.FromHours(1));
        end.Offset.ShouldBe(TimeSpan.FromHours(2));
    }
}

public class TrendTests
{
    [Theory]
    [InlineData(3519, 1719, 1800, "+105 %")] // migration questions 2005 → 2006
    [InlineData(3155, 4243, -1088, "−26 %")] // housing questions 2005 → 2006
    [InlineData(4243, 7200, -2957, "−41 %")]
    [InlineData(1719, 3515, -1796, "−51 %")]
    [InlineData(100, 100, 0, "0 %")]
    [InlineData(1300, 100, 1200, "+1 200 %")]
    public void ShouldGiveSwedishPercentWhenComparingYears(long current, long previous, long change, string text)
    {
        var trend = Trend.Compare(current, previous);

        trend.Change.ShouldBe(change);
        trend.PercentText.ShouldBe(text);
        Trend.FormatPercent(trend.ChangePercent).ShouldBe(text);
    }

    [Fact]
    public void ShouldUseRealMinusSignWhenChangeIsNegative()
    {
        Trend.FormatPercent(-12m).ShouldBe("\u221212 %");
        Trend.FormatChange(-1088).ShouldBe("\u22121 088");
        Trend.FormatChange(1800).ShouldBe("+1 800");
    }

    [Fact]
    public void ShouldKeepPercentUnroundedWhenCompared()
    {
        Trend.Compare(3519, 1719).ChangePercent!.Value.ShouldBe(104.71m, 0.01m);
    }

    [Theory]
    [InlineData(0.5, "+1 %")]
    [InlineData(-0.5, "−1 %")]
    [InlineData(0.49, "0 %")]
    public void ShouldRoundHalfAwayFromZeroWhenFormatting(double percent, string text)
    {
        Trend.FormatPercent((decimal)percent).ShouldBe(text);
    }

    [Fact]
    public void ShouldSayNewWhenPreviousWasZero()
    {
        var trend = Trend.Compare(33, 0);

        trend.ChangePercent.ShouldBeNull();
        trend.Change.ShouldBe(33);
        trend.PercentText.ShouldBe("nytt");
        Trend.FormatPercent(null).ShouldBe("nytt");
    }

    [Fact]
    public void ShouldSayDashWhenBothAreZero()
    {
        Trend.Compare(0, 0).PercentText.ShouldBe("–");
    }

    [Theory]
    [InlineData(null, 80_000L)]
    [InlineData(87_068L, null)]
    [InlineData(null, null)]
    public void ShouldSayDashAndNeverNewWhenEitherPeriodHasNoData(long? current, long? previous)
    {
        var trend = Trend.Compare(current, previous);

        trend.IsMissing.ShouldBeTrue();
        trend.PercentText.ShouldBe("–");
        trend.ChangeText.ShouldBe("–");
    }

    [Fact]
    public void ShouldCompareAsBeforeWhenBothPeriodsHaveData()
    {
        long? current = 3_519;
        long? previous = 1_719;

        var trend = Trend.Compare(current, previous);

        trend.IsMissing.ShouldBeFalse();
        trend.PercentText.ShouldBe("+105 %");
        trend.ChangeText.ShouldBe("+1 800");
    }
}
