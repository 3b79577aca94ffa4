using Mbk.Domain.Almanac;
using Mbk.Domain.Common;

namespace Mbk.Portal.Tests.Domain.Almanac;

/// <summary>The supported RFC 5545 subset: expansion in local dates, RRULE round trip and the Swedish description.</summary>
public sealed class RecurrenceTests
{
    [Fact]
    public void ShouldFallOnTheFirstTuesdayOfEveryMonthOverAYear()
    {
        var rule = Recurrence.MonthlyOnWeekday(1, DayOfWeek.Tuesday);

        var dates = rule.Dates(new DateOnly(2026, 1, 6), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).ToList();

        dates.ShouldBe(
        [
            new(2026, 1, 6), new(2026, 2, 3), new(2026, 3, 3), new(2026, 4, 7), new(2026, 5, 5), new(2026, 6, 2),
            new(2026, 7, 7), new(2026, 8, 4), new(2026, 9, 1), new(2026, 10, 6), new(2026, 11, 3), new(2026, 12, 1),
        ]);
        dates.ShouldAllBe(d => d.DayOfWeek == DayOfWeek.Tuesday && d.Day <= 7);
    }

    [Fact]
    public void ShouldFallOnTheLastFridayWhenTheOrdinalIsMinusOne()
    {
        var rule = Recurrence.MonthlyOnWeekday(-1, DayOfWeek.Friday);

        rule.Dates(new DateOnly(2026, 1, 30), new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30))
            .ShouldBe([new(2026, 1, 30), new(2026, 2, 27), new(2026, 3, 27), new(2026, 4, 24)]);
    }

    [Fact]
    public void ShouldSkipEveryOtherThreeWeeksWhenRepeatingEveryFourthWeek()
    {
        var rule = Recurrence.Weekly([DayOfWeek.Wednesday], interval: 4);

        rule.Dates(new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31))
            .ShouldBe([new(2026, 1, 14), new(2026, 2, 11), new(2026, 3, 11), new(2026, 4, 8), new(2026, 5, 6)]);
    }

    [Fact]
    public void ShouldStopAfterCountCountingTheFirstOccurrenceWhenWeeklyOnMondayAndWednesday()
    {
        var rule = Recurrence.Weekly([DayOfWeek.Wednesday, DayOfWeek.Monday], count: 5);

        rule.Dates(new DateOnly(2026, 11, 23), new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31))
            .ShouldBe([new(2026, 11, 23), new(2026, 11, 25), new(2026, 11, 30), new(2026, 12, 2), new(2026, 12, 7)]);
        rule.Weekdays.ShouldBe([DayOfWeek.Monday, DayOfWeek.Wednesday]);
    }

    [Fact]
    public void ShouldCountFromTheStartEvenWhenTheRangeBeginsLater()
    {
        var rule = Recurrence.Daily(count: 10);

        rule.Dates(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 31))
            .ShouldBe([new(2026, 3, 8), new(2026, 3, 9), new(2026, 3, 10)]);
    }

    [Fact]
    public void ShouldIncludeTheUntilDateAndNothingAfterIt()
    {
        var rule = Recurrence.Weekly([DayOfWeek.Thursday], until: new DateOnly(2026, 12, 17));

        rule.Dates(new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31))
            .ShouldBe([new(2026, 12, 3), new(2026, 12, 10), new(2026, 12, 17)]);
    }

    [Fact]
    public void ShouldSkipMonthsWithoutTheDayWhenMonthlyOnThe31st()
    {
        var rule = Recurrence.MonthlyOnDay();

        rule.Dates(new DateOnly(2026, 1, 31), new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31))
            .ShouldBe([new(2026, 1, 31), new(2026, 3, 31), new(2026, 5, 31)]);
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;INTERVAL=4;BYDAY=WE;UNTIL=20270630")]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR;COUNT=6")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10")]
    [InlineData("FREQ=DAILY;INTERVAL=2")]
    [InlineData("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15")]
    public void ShouldRoundTripTheStoredRRule(string rrule)
    {
        var parsed = Recurrence.Parse(rrule);

        parsed.ToRRule().ShouldBe(rrule);
        Recurrence.Parse(parsed.ToRRule()).ShouldBe(parsed);
    }

    [Fact]
    public void ShouldReadForeignSpellingsOfTheSameRule()
    {
        var parsed = Recurrence.Parse("RRULE:byday=we,mo;freq=weekly;wkst=MO;interval=1");

        parsed.ShouldBe(Recurrence.Weekly([DayOfWeek.Monday, DayOfWeek.Wednesday]));
        parsed.ToRRule().ShouldBe("FREQ=WEEKLY;BYDAY=MO,WE");
    }

    [Fact]
    public void ShouldWriteUntilAsUtcEndOfTheLocalDayForATimedICalendarEvent()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        var rule = Recurrence.Weekly([DayOfWeek.Wednesday], until: new DateOnly(2027, 6, 30));

        rule.ToRRule(zone, allDay: false).ShouldBe("FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630T215959Z");
        rule.ToRRule(zone, allDay: true).ShouldBe("FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630");
        Recurrence.Parse("FREQ=WEEKLY;BYDAY=WE;UNTIL=20270630T215959Z", zone: zone).Until.ShouldBe(new DateOnly(2027, 6, 30));
    }

    [Fact]
    public void ShouldTakeTheStartWeekdayWhenAWeeklyRuleHasNoByDay()
    {
        Recurrence.Parse("FREQ=WEEKLY;INTERVAL=2", new DateOnly(2026, 11, 26)).Weekdays.ShouldBe([DayOfWeek.Thursday]);
    }

    [Theory]
    [InlineData("FREQ=YEARLY", "Årlig upprepning stöds inte")]
    [InlineData("FREQ=HOURLY", "FREQ=HOURLY stöds inte")]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU;BYSETPOS=1", "BYSETPOS")]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU,3TU", "bara på en veckodag")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO;WKST=SU", "WKST=SU")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO;COUNT=3;UNTIL=20270101", "inte båda")]
    [InlineData("FREQ=DAILY;COUNT=501", "mellan 1 och 500")]
    [InlineData("FREQ=DAILY;COUNT=0", "mellan 1 och 500")]
    [InlineData("FREQ=WEEKLY;INTERVAL=53;BYDAY=MO", "mellan 1 och 52")]
    [InlineData("FREQ=WEEKLY", "minst en veckodag")]
    [InlineData("INTERVAL=2", "saknar FREQ")]
    public void ShouldRefuseWhatIsNotSupportedWithASwedishMessage(string rrule, string expected)
    {
        Should.Throw<DomainException>(() => Recurrence.Parse(rrule)).Message.ShouldContain(expected);
    }

    [Fact]
    public void ShouldRefuseAWeeklyRuleWithoutWeekdays()
    {
        Should.Throw<DomainException>(() => Recurrence.Weekly([])).Message.ShouldBe("Välj minst en veckodag för en veckovis upprepning.");
    }

    [Theory]
    [InlineData("FREQ=WEEKLY;INTERVAL=4;BYDAY=WE;UNTIL=20270630", "Var fjärde vecka på onsdag till 2027-06-30")]
    [InlineData("FREQ=MONTHLY;BYDAY=1TU", "Första tisdagen varje månad")]
    [InlineData("FREQ=MONTHLY;BYDAY=-1FR;INTERVAL=2", "Sista fredagen varannan månad")]
    [InlineData("FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=10", "Varje vecka på måndag, onsdag och fredag, 10 gånger")]
    [InlineData("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", "Varannan vecka på tisdag")]
    [InlineData("FREQ=DAILY", "Varje dag")]
    [InlineData("FREQ=MONTHLY;BYMONTHDAY=15", "Den 15:e varje månad")]
    public void ShouldDescribeTheRuleInSwedish(string rrule, string expected)
    {
        Recurrence.Parse(rrule).Describe(new DateOnly(2026, 1, 6)).ShouldBe(expected);
    }
}
