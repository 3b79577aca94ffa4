using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Almanac;

public sealed class StaffingForecastTests
{
    private static readonly DateOnly Target = new(2026, 4, 13); // a Monday

    private static ArrivalDay Day(DateOnly date, double perHour, bool comparable = true)
    {
        var hours = new double[ArrivalDay.HoursPerDay];
        for (var h = 9; h < 16; h++)
        {
            hours[h] = perHour;
        }

        return new ArrivalDay(date, comparable, hours);
    }

    [Fact]
    public void ShouldLeaveOutHolidaysAndClosedDaysWhenForecasting()
    {
        // Ten Mondays with 6 arrivals an hour, and Easter Monday (6 April 2026: closed, 0 arrivals) among them.
        var history = Enumerable.Range(1, 10).Select(w => Day(Target.AddDays(-7 * w), 6)).ToList();
        history[0] = Day(new DateOnly(2026, 4, 6), 0, comparable: false);

        var forecast = ArrivalForecast.Forecast(Target, history);

        forecast.DaysUsed.ShouldBe(9);
        forecast.ArrivalsPerHour[10].ShouldBe(6, 1e-9);
        forecast.ArrivalsPerHour[20].ShouldBe(0);
    }

    [Fact]
    public void ShouldTreatAHolidayAsNotComparableWhenTheScheduleSaysSo()
    {
        var weekly = OpeningHours.Default;
        var schedule = OpeningSchedule.FromWeekly(weekly);

        ArrivalForecast.IsComparable(schedule.Day(new DateOnly(2026, 4, 6))).ShouldBeFalse(); // annandag påsk
        ArrivalForecast.IsComparable(schedule.Day(new DateOnly(2026, 4, 13))).ShouldBe(weekly.For(DayOfWeek.Monday) is not null);
    }

    [Fact]
    public void ShouldUseOnlyTheSameWeekdayWithinTwelveWeeks()
    {
        var history = new List<ArrivalDay>
        {
            Day(Target.AddDays(-7), 4), Day(Target.AddDays(-14), 8), Day(Target.AddDays(-21), 6),
            Day(Target.AddDays(-1), 100), // a Sunday
            Day(Target.AddDays(-7 * 13), 100), // too old
        };

        var forecast = ArrivalForecast.Forecast(Target, history);

        forecast.DaysUsed.ShouldBe(3);
        forecast.ArrivalsPerHour[9].ShouldBe(6, 1e-9);
    }

    [Fact]
    public void ShouldHaveNoForecastRatherThanZeroWhenThereIsTooLittleHistory()
    {
        var forecast = ArrivalForecast.Forecast(Target, [Day(Target.AddDays(-7), 6), Day(Target.AddDays(-14), 6)]);

        forecast.HasHistory.ShouldBeFalse();
        StaffingNeedCalculator.ForDayPart(forecast, DayPart.Forenoon, new DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0)), 10, 20).Needed.ShouldBeNull();
    }

    [Fact]
    public void ShouldNeedWhatTheBusiestHourNeedsAndNothingWhenThePartIsClosed()
    {
        var hours = new double[ArrivalDay.HoursPerDay];
        hours[9] = 6;
        hours[10] = 24; // 24 an hour × 10 min = 4 erlangs
        hours[11] = 6;
        var forecast = new DayForecast(Target, hours, 10);
        var open = new DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0));

        var forenoon = StaffingNeedCalculator.ForDayPart(forecast, DayPart.Forenoon, open, 10, 10);
        var evening = StaffingNeedCalculator.ForDayPart(forecast, DayPart.Evening, open, 10, 10);

        forenoon.Needed.ShouldBe(ErlangC.AdvisorsNeeded(24, 10, 10));
        forenoon.Needed.ShouldBe(6);
        forenoon.ExpectedArrivals.ShouldBe(36, 1e-9);
        forenoon.IsShort(5).ShouldBeTrue();
        forenoon.IsShort(6).ShouldBeFalse();
        evening.IsOpen.ShouldBeFalse();
        evening.Needed.ShouldBeNull();
    }

    [Fact]
    public void ShouldNeedAtLeastOneAdvisorWhenOpenAndQuiet()
    {
        var forecast = new DayForecast(Target, new double[ArrivalDay.HoursPerDay], 10);

        StaffingNeedCalculator.ForDayPart(forecast, DayPart.Afternoon, new DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0)), 10, 20).Needed.ShouldBe(1);
    }
}
