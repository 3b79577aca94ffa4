using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;
using Mbk.Domain.Statistics;
using Mbk.Portal.Tests.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Almanac;

/// <summary>The statistics' day / evening / weekend split read from the opening schedule.</summary>
public class OpeningScheduleDayPartTests
{
    private static readonly TimeZoneInfo Stockholm = QueueTestData.Stockholm;

    private static DateTimeOffset Local(int month, int day, int hour) => new(2026, month, day, hour, 30, 0, TimeSpan.FromHours(1));

    private static readonly OpeningSchedule Default = OpeningSchedule.FromWeekly(OpeningHours.Default);

    [Fact]
    public void ShouldCountEveningOnlyOnDaysOpenPastFive()
    {
        // Thursday 26 November 2026 is open to 19:00; Tuesday the 24th closes at 16:00.
        VisitorCalculator.Classify(Local(11, 26, 17), Stockholm, Default).ShouldBe(WeekPart.Evening);
        VisitorCalculator.Classify(Local(11, 26, 16), Stockholm, Default).ShouldBe(WeekPart.Day);
        VisitorCalculator.Classify(Local(11, 24, 17), Stockholm, Default).ShouldBe(WeekPart.Day);
    }

    [Fact]
    public void ShouldCountEveningWhenExceptionKeepsDayOpenLate()
    {
        var late = OpeningHoursException.Create(1, new DateOnly(2026, 11, 24), new DayHours(new TimeOnly(9, 0), new TimeOnly(20, 0)), "Advokatjour", "Maria Chef", DateTimeOffset.UnixEpoch);
        var schedule = new OpeningSchedule(OpeningHours.Default, [late], []);

        VisitorCalculator.Classify(Local(11, 24, 18), Stockholm, schedule).ShouldBe(WeekPart.Evening);
    }

    [Fact]
    public void ShouldCountPublicHolidayAsWeekend()
    {
        // Thursday 14 May 2026 is Kristi himmelsfärdsdag; Friday 19 June midsommarafton is an eve, not a public holiday.
        VisitorCalculator.Classify(Local(5, 14, 11), Stockholm, Default).ShouldBe(WeekPart.Weekend);
        VisitorCalculator.Classify(Local(6, 19, 11), Stockholm, Default).ShouldBe(WeekPart.Day);
        VisitorCalculator.Classify(Local(11, 28, 11), Stockholm, Default).ShouldBe(WeekPart.Weekend);
    }

    [Fact]
    public void ShouldCountReadingsOnClosedHolidayAsOutsideOpeningHours()
    {
        var zone = Stockholm;
        DoorCounterReading Reading(DateTimeOffset start) =>
            DoorCounterReading.Create(1, start, start.AddHours(1), 100, DoorCounterSource.Automatic, start.AddHours(2), 2m, 0m);
        var readings = new[] { Reading(Local(11, 26, 10)), Reading(Local(11, 26, 18)), Reading(Local(5, 14, 10)) };

        var split = VisitorCalculator.Split(readings, Default, zone);

        split.ShouldBe(new VisitorSplit(Day: 50, Evening: 50, Weekend: 50, OutsideOpeningHours: 50));
    }
}
