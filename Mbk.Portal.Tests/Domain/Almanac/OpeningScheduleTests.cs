using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Tests.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Almanac;

public class OpeningScheduleTests
{
    private const int OfficeId = 1;
    private static readonly TimeZoneInfo Stockholm = QueueTestData.Stockholm;
    private static readonly DateTimeOffset DecidedAt = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static DayHours Hours(int opens, int closes) => new(new TimeOnly(opens, 0), new TimeOnly(closes, 0));

    private static OpeningHoursException Closed(DateOnly date, string reason) =>
        OpeningHoursException.Create(OfficeId, date, null, reason, "Maria Chef", DecidedAt);

    private static OpeningHoursException Changed(DateOnly date, DayHours hours, string reason = "") =>
        OpeningHoursException.Create(OfficeId, date, hours, reason, "Maria Chef", DecidedAt);

    private static HolidayDecision Decision(DateOnly date, DayHours? openHours) =>
        HolidayDecision.Confirm(OfficeId, date, openHours, "Maria Chef", DecidedAt);

    private static OpeningSchedule Schedule(IEnumerable<OpeningHoursException>? exceptions = null, IEnumerable<HolidayDecision>? decisions = null, OpeningHours? weekly = null) =>
        new(weekly ?? OpeningHours.Default, exceptions ?? [], decisions ?? []);

    [Fact]
    public void ShouldUseWeeklyHoursWhenDayIsOrdinary()
    {
        var schedule = Schedule();

        // 2026-11-26 is a Thursday: the evening opening to 19:00.
        schedule.HoursOn(D(2026, 11, 26)).ShouldBe(Hours(9, 19));
        schedule.Day(D(2026, 11, 26)).Source.ShouldBe(ScheduleSource.Weekly);
        schedule.HasEveningOpening(D(2026, 11, 26)).ShouldBeTrue();
        schedule.HasEveningOpening(D(2026, 11, 24)).ShouldBeFalse();
        schedule.ClosedReason(D(2026, 11, 26)).ShouldBeNull();
        schedule.ClosedReason(D(2026, 11, 28)).ShouldBe("Stängt på lördagar");
    }

    [Fact]
    public void ShouldGiveVisitorsTheHolidayOrTheManagersReasonButNeverTheInternalStatusWhenClosed()
    {
        var schedule = Schedule(exceptions: [Closed(D(2026, 12, 4), "Planeringsdag")]);

        schedule.Day(D(2026, 12, 4)).VisitorClosedReason.ShouldBe("Planeringsdag");
        // Julafton 2026 is a Thursday and unconfirmed: closed, named, without "(ej bekräftad)".
        schedule.Day(D(2026, 12, 24)).VisitorClosedReason.ShouldBe("Julafton");
        schedule.Day(D(2026, 12, 25)).VisitorClosedReason.ShouldBe("Juldagen");
        schedule.Day(D(2026, 11, 28)).VisitorClosedReason.ShouldBeNull("an ordinary Saturday needs no explanation");
        schedule.Day(D(2026, 11, 26)).VisitorClosedReason.ShouldBeNull("open days have no reason");
    }

    [Fact]
    public void ShouldBeClosedWithReasonWhenExceptionClosesDay()
    {
        var schedule = Schedule([Closed(D(2026, 11, 27), "Planeringsdag")]);

        schedule.HoursOn(D(2026, 11, 27)).ShouldBeNull();
        schedule.ClosedReason(D(2026, 11, 27)).ShouldBe("Planeringsdag");
        schedule.ClosingTime(D(2026, 11, 27)).ShouldBeNull();
        schedule.IsOpen(new DateTimeOffset(2026, 11, 27, 11, 0, 0, TimeSpan.FromHours(1)), Stockholm).ShouldBeFalse();
    }

    [Fact]
    public void ShouldUseChangedHoursWhenExceptionChangesThem()
    {
        var schedule = Schedule([Changed(D(2026, 11, 26), Hours(10, 14), "Personalmöte")]);

        schedule.HoursOn(D(2026, 11, 26)).ShouldBe(Hours(10, 14));
        schedule.ClosingTime(D(2026, 11, 26)).ShouldBe(new TimeOnly(14, 0));
        schedule.HasEveningOpening(D(2026, 11, 26)).ShouldBeFalse();
        schedule.IsOpen(new DateTimeOffset(2026, 11, 26, 14, 0, 0, TimeSpan.FromHours(1)), Stockholm).ShouldBeFalse();
        schedule.IsOpen(new DateTimeOffset(2026, 11, 26, 13, 59, 0, TimeSpan.FromHours(1)), Stockholm).ShouldBeTrue();
    }

    [Fact]
    public void ShouldBeClosedAndAskForConfirmationWhenHolidayOnOpenDayIsUnconfirmed()
    {
        var schedule = Schedule();
        var midsummerEve = D(2026, 6, 19);

        var day = schedule.Day(midsummerEve);

        day.Hours.ShouldBeNull();
        day.NeedsConfirmation.ShouldBeTrue();
        day.IsHolidayConfirmed.ShouldBeFalse();
        day.WeeklyHours.ShouldBe(Hours(9, 16));
        schedule.ClosedReason(midsummerEve).ShouldBe("Midsommarafton (ej bekräftad)");
    }

    [Fact]
    public void ShouldNotAskForConfirmationWhenHolidayFallsOnClosedDay()
    {
        var schedule = Schedule();

        var easterSunday = schedule.Day(D(2026, 4, 5));

        easterSunday.Hours.ShouldBeNull();
        easterSunday.NeedsConfirmation.ShouldBeFalse();
        easterSunday.ClosedReason.ShouldBe("Påskdagen");
    }

    [Fact]
    public void ShouldFollowManagerWhenHolidayIsConfirmed()
    {
        var schedule = Schedule(decisions: [Decision(D(2026, 12, 24), Hours(9, 12)), Decision(D(2026, 12, 25), null)]);

        schedule.HoursOn(D(2026, 12, 24)).ShouldBe(Hours(9, 12));
        schedule.IsHolidayConfirmed(D(2026, 12, 24)).ShouldBeTrue();
        schedule.HoursOn(D(2026, 12, 25)).ShouldBeNull();
        schedule.ClosedReason(D(2026, 12, 25)).ShouldBe("Juldagen");
        schedule.IsHolidayConfirmed(D(2026, 12, 25)).ShouldBeTrue();
        schedule.IsHolidayConfirmed(D(2026, 12, 31)).ShouldBeFalse();
    }

    [Fact]
    public void ShouldLetExceptionWinWhenHolidayIsAlsoDecided()
    {
        var eve = D(2026, 12, 31);
        var schedule = Schedule([Changed(eve, Hours(9, 13), "Halvdag")], [Decision(eve, null)]);

        schedule.HoursOn(eve).ShouldBe(Hours(9, 13));
        schedule.Day(eve).Source.ShouldBe(ScheduleSource.Exception);
    }

    [Fact]
    public void ShouldSkipClosedChristmasWhenFindingNextOpening()
    {
        // Wednesday 23 December 2026 after closing: 24th (Thursday) and 25th (Friday) are unconfirmed holidays,
        // 26–27 a weekend, so the office next opens Monday 28 December at 09:00.
        var now = new DateTimeOffset(2026, 12, 23, 17, 0, 0, TimeSpan.FromHours(1));

        Schedule().NextOpening(now, Stockholm).ShouldBe(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ShouldSkipEasterWhenFindingNextOpening()
    {
        // Maundy Thursday 2 April 2026 after closing: Good Friday and Easter Monday are closed, Tuesday opens at 09:00 CEST.
        var now = new DateTimeOffset(2026, 4, 2, 19, 30, 0, TimeSpan.FromHours(2));

        Schedule().NextOpening(now, Stockholm).ShouldBe(new DateTimeOffset(2026, 4, 7, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldOpenOnConfirmedHolidayWhenFindingNextOpening()
    {
        var now = new DateTimeOffset(2026, 12, 23, 17, 0, 0, TimeSpan.FromHours(1));
        var schedule = Schedule(decisions: [Decision(D(2026, 12, 24), Hours(10, 12))]);

        schedule.NextOpening(now, Stockholm).ShouldBe(new DateTimeOffset(2026, 12, 24, 10, 0, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void ShouldUseLocalTimeWhenDaylightSavingStarts()
    {
        // Sunday 29 March 2026: clocks go from 02:00 to 03:00. Open on Sundays 09:00–16:00 for this test.
        var weekly = OpeningHours.Default.With(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(16, 0));
        var schedule = Schedule(weekly: weekly);

        schedule.IsOpen(new DateTimeOffset(2026, 3, 29, 6, 59, 0, TimeSpan.Zero), Stockholm).ShouldBeFalse();
        schedule.IsOpen(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero), Stockholm).ShouldBeTrue();
        schedule.NextOpening(new DateTimeOffset(2026, 3, 28, 20, 0, 0, TimeSpan.Zero), Stockholm)
            .ShouldBe(new DateTimeOffset(2026, 3, 29, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldUseLocalTimeWhenDaylightSavingEnds()
    {
        // Sunday 25 October 2026: clocks go from 03:00 back to 02:00; 16:00 local is 15:00Z.
        var weekly = OpeningHours.Default.With(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(16, 0));
        var schedule = Schedule(weekly: weekly);

        schedule.IsOpen(new DateTimeOffset(2026, 10, 25, 14, 59, 0, TimeSpan.Zero), Stockholm).ShouldBeTrue();
        schedule.IsOpen(new DateTimeOffset(2026, 10, 25, 15, 0, 0, TimeSpan.Zero), Stockholm).ShouldBeFalse();
        schedule.NextOpening(new DateTimeOffset(2026, 10, 24, 20, 0, 0, TimeSpan.Zero), Stockholm)
            .ShouldBe(new DateTimeOffset(2026, 10, 25, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldRefuseClosedExceptionWhenReasonIsMissing()
    {
        Should.Throw<DomainException>(() => Closed(D(2026, 11, 27), "  "))
            .Message.ShouldBe("Orsaken till att kontoret är stängt måste fyllas i.");
    }

    [Fact]
    public void ShouldRefuseDecisionWhenDateIsNoHoliday()
    {
        Should.Throw<DomainException>(() => Decision(D(2026, 11, 27), null))
            .Message.ShouldContain("ingen helgdag");
    }

    [Fact]
    public void ShouldRaiseAlmanacAndQueueEventsWhenExceptionChanges()
    {
        var exception = Closed(D(2026, 11, 27), "Planeringsdag");
        exception.TakeEvents();

        exception.Change(Hours(10, 14), null, "Maria Chef", DecidedAt);

        exception.PendingEvents.ShouldContain(new AlmanacChanged(OfficeId, AlmanacArea.OpeningHours));
        exception.PendingEvents.ShouldContain(new QueueSetupChanged(OfficeId));
        exception.Reason.ShouldBe(string.Empty);
    }
}
