using Mbk.Domain.Common;
using Mbk.Domain.Reports;
using Mbk.Portal.Features.Reports;
using Microsoft.Extensions.Configuration;

namespace Mbk.Portal.Tests.Domain.Reports;

public sealed class TertialScheduleTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
    private static readonly TimeOnly Seven = new(7, 0);

    private static TertialSchedule FirstWeekday(Func<DateOnly, bool>? holidays = null) => new(ReportSendDay.FirstWeekday, Seven, Stockholm, holidays);

    [Theory]
    [InlineData(2026, 1, "2026-01-01", "2026-04-30")]
    [InlineData(2026, 2, "2026-05-01", "2026-08-31")]
    [InlineData(2026, 3, "2026-09-01", "2026-12-31")]
    public void ShouldCoverJanuaryToAprilMayToAugustAndSeptemberToDecemberWhenAskedForATertial(int year, int tertial, string from, string to)
    {
        var period = new TertialKey(year, tertial).Period;

        period.From.ShouldBe(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture));
        period.To.ShouldBe(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ShouldRefuseWithASwedishMessageWhenTheTertialIsNotOneToThree()
    {
        Should.Throw<DomainException>(() => new TertialKey(2026, 4)).Message.ShouldContain("Tertialen måste vara 1–3");
    }

    [Theory]
    // 1 May 2027 is a Saturday: Monday 3 May.
    [InlineData(2027, 1, "2027-05-03")]
    // 1 September 2024 is a Sunday: Monday 2 September.
    [InlineData(2024, 2, "2024-09-02")]
    // 1 January 2028 is a Saturday: Monday 3 January.
    [InlineData(2027, 3, "2028-01-03")]
    // 1 May 2026 is a Friday: without a holiday calendar it is a weekday.
    [InlineData(2026, 1, "2026-05-01")]
    public void ShouldSkipWeekendsWhenTheSendDayIsTheFirstWeekday(int year, int tertial, string expected)
    {
        FirstWeekday().SendDate(new TertialKey(year, tertial)).ShouldBe(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ShouldSkipPublicHolidaysWhenAHolidayCalendarIsGiven()
    {
        // 1 May (Friday) and 1 January are Swedish public holidays.
        static bool Holiday(DateOnly d) => (d.Month == 5 && d.Day == 1) || (d.Month == 1 && d.Day == 1);

        FirstWeekday(Holiday).SendDate(new TertialKey(2026, 1)).ShouldBe(new DateOnly(2026, 5, 4));
        FirstWeekday(Holiday).SendDate(new TertialKey(2025, 3)).ShouldBe(new DateOnly(2026, 1, 2));
    }

    [Fact]
    public void ShouldSkipTheSwedishPublicHolidaysWhenThePortalsSettingsBuildTheSchedule()
    {
        var settings = ReportSettings.Read(new ConfigurationBuilder().Build());

        // 1 May 2026 is a Friday and a public holiday; 1 January 2026 is a Thursday and a holiday too.
        settings.Schedule().SendDate(new TertialKey(2026, 1)).ShouldBe(new DateOnly(2026, 5, 4));
        settings.Schedule().SendDate(new TertialKey(2025, 3)).ShouldBe(new DateOnly(2026, 1, 2));
        // 1 September is never a holiday: Tuesday 1 September 2026.
        settings.Schedule().SendDate(new TertialKey(2026, 2)).ShouldBe(new DateOnly(2026, 9, 1));
    }

    [Fact]
    public void ShouldSendOnTheFirstDayEvenOnAWeekendWhenTheSendDayIsTheFirstDay()
    {
        new TertialSchedule(ReportSendDay.FirstDay, Seven, Stockholm).SendDate(new TertialKey(2027, 1)).ShouldBe(new DateOnly(2027, 5, 1));
    }

    [Fact]
    public void ShouldBeDueAtSevenStockholmTimeWhenSummerTimeApplies()
    {
        FirstWeekday().DueAt(new TertialKey(2026, 1)).ShouldBe(new DateTimeOffset(2026, 5, 1, 5, 0, 0, TimeSpan.Zero));
        FirstWeekday().DueAt(new TertialKey(2025, 3)).ShouldBe(new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldMakeT1DueOnlyOnceItsSendTimeHasPassed()
    {
        var schedule = FirstWeekday();
        var due = schedule.DueAt(new TertialKey(2026, 1));

        schedule.LatestDue(new DateTimeOffset(2026, 4, 30, 23, 59, 0, TimeSpan.FromHours(2))).ShouldBe(new TertialKey(2025, 3));
        schedule.LatestDue(due.AddMinutes(-1)).ShouldBe(new TertialKey(2025, 3));
        schedule.LatestDue(due).ShouldBe(new TertialKey(2026, 1));
        schedule.LatestDue(new DateTimeOffset(2026, 8, 31, 23, 0, 0, TimeSpan.FromHours(2))).ShouldBe(new TertialKey(2026, 1));
    }

    [Fact]
    public void ShouldStillSendAMissedReportWithinTheCatchUpWindowButNotAfterIt()
    {
        var schedule = FirstWeekday();
        var due = schedule.DueAt(new TertialKey(2026, 1));

        schedule.DueForSending(due.AddDays(3), TimeSpan.FromDays(31)).ShouldBe(new TertialKey(2026, 1));
        schedule.DueForSending(due.AddDays(40), TimeSpan.FromDays(31)).ShouldBeNull();
    }
}
