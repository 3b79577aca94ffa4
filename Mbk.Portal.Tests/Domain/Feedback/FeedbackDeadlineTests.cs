using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Feedback;
using static Mbk.Portal.Tests.Domain.Feedback.FeedbackTestData;

namespace Mbk.Portal.Tests.Domain.Feedback;

public class FeedbackDeadlineTests
{
    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void ShouldSkipOnlyTheWeekendWhenNoHolidayIsNear()
    {
        // Monday 23 November 2026 + 10 working days = Monday 7 December.
        FeedbackDeadline.Compute(D(2026, 11, 23), 10, Schedule()).DueOn.ShouldBe(D(2026, 12, 7));
    }

    [Fact]
    public void ShouldSkipLongFridayAndEasterMondayWhenTheDeadlineRunsOverEaster()
    {
        // Easter 2026: Långfredagen 3 April, Annandag påsk 6 April. Wednesday 1 April + 3 = 2, 7, 8 April.
        FeedbackDeadline.Compute(D(2026, 4, 1), 3, Schedule()).DueOn.ShouldBe(D(2026, 4, 8));
    }

    [Fact]
    public void ShouldSkipMidsummerEveWhenTheDeadlineRunsOverMidsummer()
    {
        // Midsommarafton is Friday 19 June 2026. Wednesday 17 June + 3 = 18, 22, 23 June.
        FeedbackDeadline.Compute(D(2026, 6, 17), 3, Schedule()).DueOn.ShouldBe(D(2026, 6, 23));
    }

    [Fact]
    public void ShouldSkipChristmasNewYearAndEpiphanyWhenTheDeadlineRunsOverTheHolidays()
    {
        // Monday 21 December 2026 + 10: 22, 23, 28, 29, 30 December, 4, 5, 7, 8, 11 January (24, 25, 31 Dec, 1 and 6 Jan skipped).
        FeedbackDeadline.Compute(D(2026, 12, 21), 10, Schedule()).DueOn.ShouldBe(D(2027, 1, 11));
    }

    [Fact]
    public void ShouldSkipTheOfficesOwnClosedDayWhenTheScheduleHasOne()
    {
        var planningDay = OpeningHoursException.Create(OfficeId, D(2026, 11, 25), null, "Planeringsdag", "Maria Chef", Now);

        FeedbackDeadline.Compute(D(2026, 11, 23), 3, Schedule()).DueOn.ShouldBe(D(2026, 11, 26));
        FeedbackDeadline.Compute(D(2026, 11, 23), 3, Schedule(planningDay)).DueOn.ShouldBe(D(2026, 11, 27));
    }

    [Fact]
    public void ShouldNotCountAHolidayEvenWhenTheManagerOpensTheOffice()
    {
        // Trettondedag jul (Wednesday 6 January 2027) confirmed open is still not a working day for the deadline.
        var open = HolidayDecision.Confirm(OfficeId, D(2027, 1, 6), new Mbk.Domain.Queue.DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0)), "Maria Chef", Now);
        var schedule = new OpeningSchedule(Mbk.Domain.Queue.OpeningHours.Default, [], [open]);

        FeedbackDeadline.Compute(D(2027, 1, 5), 1, schedule).DueOn.ShouldBe(D(2027, 1, 7));
    }

    [Fact]
    public void ShouldCountWorkingDaysLeftAndNegativeWhenOverdue()
    {
        var schedule = Schedule();

        FeedbackDeadline.WorkingDaysLeft(D(2026, 4, 1), D(2026, 4, 8), schedule).ShouldBe(3);
        FeedbackDeadline.WorkingDaysLeft(D(2026, 4, 8), D(2026, 4, 8), schedule).ShouldBe(0);
        FeedbackDeadline.WorkingDaysLeft(D(2026, 4, 10), D(2026, 4, 8), schedule).ShouldBe(-2);
        FeedbackDeadline.WorkingDaysLeft(D(2026, 11, 28), D(2026, 11, 27), schedule).ShouldBe(-1, "a Saturday after a Friday deadline is overdue");
    }

    [Fact]
    public void ShouldRefuseADeadlineOfNoWorkingDays()
    {
        Should.Throw<DomainException>(() => FeedbackDeadline.Compute(D(2026, 4, 1), 0, Schedule())).Message.ShouldContain("arbetsdagar");
    }

    [Fact]
    public void ShouldUseTheOfficesDeadlinePerKindWhenThePolicyIsChanged()
    {
        var policy = FeedbackPolicy.CreateDefault(OfficeId);
        policy.DeadlineFor(FeedbackKind.Klagomal).ShouldBe(10);
        policy.DeadlineFor(FeedbackKind.Medborgarforslag).ShouldBe(20);
        policy.RetentionMonths.ShouldBe(24);

        policy.Change(new Dictionary<FeedbackKind, int> { [FeedbackKind.Klagomal] = 5 }, 12);

        policy.DeadlineFor(FeedbackKind.Klagomal).ShouldBe(5);
        policy.DeadlineFor(FeedbackKind.Medborgarforslag).ShouldBe(20);
        policy.RetentionMonths.ShouldBe(12);
        Should.Throw<DomainException>(() => policy.Change(new Dictionary<FeedbackKind, int>(), 0)).Message.ShouldContain("Lagringstiden");
    }
}
