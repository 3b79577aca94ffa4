using Mbk.Domain.Almanac;
using Mbk.Domain.Common;

namespace Mbk.Portal.Tests.Domain.Almanac;

/// <summary>Events and series: rules, exceptions for one occurrence, "this and following", and local time across DST.</summary>
public sealed class CalendarEventTests
{
    private const int OfficeId = 7;
    private const string Stockholm = "Europe/Stockholm";
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);

    private static CalendarEvent Create(CalendarEventDetails details) =>
        CalendarEvent.Create(OfficeId, Stockholm, details, "user-1", "Test Vägledare", Now);

    /// <summary>Handledning every fourth Wednesday 13:00–15:00 from 14 January 2026.</summary>
    private static CalendarEvent Supervision(int? count = null) => Create(new CalendarEventDetails(
        CalendarEventKind.Supervision, "Extern handledning", new DateOnly(2026, 1, 14), new TimeOnly(13, 0), new TimeOnly(15, 0),
        Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday], interval: 4, count: count)));

    [Fact]
    public void ShouldListEveryFourthWednesdayWithItsLocalTimes()
    {
        var series = Supervision();

        var occurrences = series.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30));

        occurrences.Select(o => o.Date).ShouldBe([new(2026, 1, 14), new(2026, 2, 11), new(2026, 3, 11), new(2026, 4, 8)]);
        occurrences.ShouldAllBe(o => o.StartTime == new TimeOnly(13, 0) && o.EndTime == new TimeOnly(15, 0) && o.IsRecurring && !o.IsOverridden);
        series.PendingEvents.ShouldContain(new AlmanacChanged(OfficeId, AlmanacArea.Events));
    }

    [Fact]
    public void ShouldKeepEighteenOClockLocalAcrossBothDstChanges()
    {
        var evening = Create(new CalendarEventDetails(
            CalendarEventKind.EveningOpening, "Kvällsöppet", new DateOnly(2026, 3, 24), new TimeOnly(18, 0), new TimeOnly(19, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Tuesday])));

        var spring = evening.Occurrences(new DateOnly(2026, 3, 24), new DateOnly(2026, 3, 31));
        var autumn = evening.Occurrences(new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 27));

        // Summer time starts 29 March 2026 and ends 25 October 2026 in Stockholm.
        spring.Select(o => o.StartTime).ShouldBe([new TimeOnly(18, 0), new TimeOnly(18, 0)]);
        spring[0].Start.ShouldBe(new DateTimeOffset(2026, 3, 24, 17, 0, 0, TimeSpan.Zero));
        spring[1].Start.ShouldBe(new DateTimeOffset(2026, 3, 31, 16, 0, 0, TimeSpan.Zero));
        autumn[0].Start.ShouldBe(new DateTimeOffset(2026, 10, 20, 16, 0, 0, TimeSpan.Zero));
        autumn[1].Start.ShouldBe(new DateTimeOffset(2026, 10, 27, 17, 0, 0, TimeSpan.Zero));
        autumn[1].End.ShouldBe(new DateTimeOffset(2026, 10, 27, 18, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldMoveAnOccurrenceInTheSpringGapForwardByAnHour()
    {
        var night = Create(new CalendarEventDetails(
            CalendarEventKind.PlanningDay, "Nattarbete", new DateOnly(2026, 3, 22), new TimeOnly(2, 30), new TimeOnly(4, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Sunday], count: 2)));

        var gap = night.Occurrences(new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 29)).Single();

        gap.StartTime.ShouldBe(new TimeOnly(2, 30));
        gap.Start.ShouldBe(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero)); // 03:30 summer time
        gap.End.ShouldBe(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void ShouldMoveTheStartToTheRulesFirstDay()
    {
        var series = Create(new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", new DateOnly(2026, 11, 23), new TimeOnly(13, 0), new TimeOnly(16, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday])));

        series.StartDate.ShouldBe(new DateOnly(2026, 11, 25));
        series.RecurrenceRule.ShouldBe("FREQ=WEEKLY;BYDAY=WE");
    }

    [Fact]
    public void ShouldChangeOnlyOneOccurrenceWhenBaraDenna()
    {
        var series = Supervision();

        series.ChangeOccurrence(new DateOnly(2026, 2, 11), new OccurrenceDetails("Handledning (flyttad)", new DateOnly(2026, 2, 12), new TimeOnly(9, 0), new TimeOnly(11, 0), "Rum 2"), 0, Now);

        var occurrences = series.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));
        occurrences.Select(o => (o.OriginalDate, o.Date, o.Title)).ShouldBe(
        [
            (new DateOnly(2026, 1, 14), new DateOnly(2026, 1, 14), "Extern handledning"),
            (new DateOnly(2026, 2, 11), new DateOnly(2026, 2, 12), "Handledning (flyttad)"),
            (new DateOnly(2026, 3, 11), new DateOnly(2026, 3, 11), "Extern handledning"),
        ]);
        occurrences[1].IsOverridden.ShouldBeTrue();
        occurrences[1].StartTime.ShouldBe(new TimeOnly(9, 0));
        occurrences[1].Location.ShouldBe("Rum 2");
        series.Sequence.ShouldBe(1);
    }

    [Fact]
    public void ShouldShowAMovedOccurrenceInARangeThatOnlyHoldsItsNewDate()
    {
        var series = Supervision();
        series.ChangeOccurrence(new DateOnly(2026, 2, 11), new OccurrenceDetails("Flyttad", new DateOnly(2026, 2, 20), new TimeOnly(9, 0), new TimeOnly(10, 0)), 0, Now);

        series.Occurrences(new DateOnly(2026, 2, 16), new DateOnly(2026, 2, 22)).Single().Title.ShouldBe("Flyttad");
        series.Occurrences(new DateOnly(2026, 2, 9), new DateOnly(2026, 2, 15)).ShouldBeEmpty();
    }

    [Fact]
    public void ShouldLeaveOutACancelledOccurrence()
    {
        var series = Supervision();

        series.CancelOccurrence(new DateOnly(2026, 3, 11), 0, Now);

        series.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 30)).Select(o => o.Date)
            .ShouldBe([new(2026, 1, 14), new(2026, 2, 11), new(2026, 4, 8)]);
        series.Overrides.Single().IsCancelled.ShouldBeTrue();
    }

    [Fact]
    public void ShouldRefuseToChangeAnOccurrenceTheSeriesDoesNotHave()
    {
        var series = Supervision();

        Should.Throw<DomainException>(() => series.CancelOccurrence(new DateOnly(2026, 1, 21), 0, Now))
            .Message.ShouldBe("Serien har inget tillfälle 2026-01-21.");
    }

    [Fact]
    public void ShouldRefuseAStaleEdit()
    {
        var series = Supervision();
        series.CancelOccurrence(new DateOnly(2026, 3, 11), 0, Now);

        Should.Throw<DomainException>(() => series.CancelOccurrence(new DateOnly(2026, 4, 8), 0, Now))
            .Message.ShouldBe("Händelsen har ändrats av någon annan – ladda om.");
    }

    [Fact]
    public void ShouldSplitTheSeriesWhenDennaOchFoljande()
    {
        var series = Supervision();
        series.CancelOccurrence(new DateOnly(2026, 1, 14), 0, Now);
        series.CancelOccurrence(new DateOnly(2026, 4, 8), 1, Now);
        var details = new CalendarEventDetails(
            CalendarEventKind.Supervision, "Handledning, ny tid", new DateOnly(2026, 3, 11), new TimeOnly(14, 0), new TimeOnly(16, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday], interval: 4));

        var following = series.ChangeFromOccurrence(new DateOnly(2026, 3, 11), details, 2, "user-2", "Annan", Now);

        following.ShouldNotBeSameAs(series);
        following.Uid.ShouldNotBe(series.Uid);
        series.RecurrenceRule.ShouldBe("FREQ=WEEKLY;INTERVAL=4;BYDAY=WE;UNTIL=20260310");
        series.Overrides.Select(o => o.OriginalDate).ShouldBe([new DateOnly(2026, 1, 14)]);
        following.Overrides.Select(o => o.OriginalDate).ShouldBe([new DateOnly(2026, 4, 8)]);
        series.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Select(o => o.Date).ShouldBe([new DateOnly(2026, 2, 11)]);
        following.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2026, 5, 31)).Select(o => (o.Date, o.StartTime, o.Title))
            .ShouldBe([(new DateOnly(2026, 3, 11), (TimeOnly?)new TimeOnly(14, 0), "Handledning, ny tid"), (new DateOnly(2026, 5, 6), new TimeOnly(14, 0), "Handledning, ny tid")]);
    }

    [Fact]
    public void ShouldCarryTheRemainingCountOverToTheFollowingSeries()
    {
        var series = Supervision(count: 6);

        series.RecurrenceFrom(new DateOnly(2026, 3, 11)).ShouldBe(Recurrence.Weekly([DayOfWeek.Wednesday], interval: 4, count: 4));
    }

    [Fact]
    public void ShouldChangeTheWholeSeriesWhenDennaOchFoljandeStartsAtTheFirstOccurrence()
    {
        var series = Supervision();
        var details = new CalendarEventDetails(CalendarEventKind.Supervision, "Ny rubrik", series.StartDate, new TimeOnly(13, 0), new TimeOnly(15, 0),
            Recurrence: series.Recurrence);

        series.ChangeFromOccurrence(series.StartDate, details, 0, "user-2", "Annan", Now).ShouldBeSameAs(series);
        series.Title.ShouldBe("Ny rubrik");
        series.Sequence.ShouldBe(1);
    }

    [Fact]
    public void ShouldEndTheSeriesBeforeTheOccurrenceWhenCancellingThisAndFollowing()
    {
        var series = Supervision();

        series.CancelFromOccurrence(new DateOnly(2026, 3, 11), 0, Now).ShouldBeFalse();

        series.Occurrences(new DateOnly(2026, 1, 1), new DateOnly(2027, 12, 31)).Select(o => o.Date).ShouldBe([new DateOnly(2026, 1, 14), new DateOnly(2026, 2, 11)]);
        series.CancelFromOccurrence(series.StartDate, 1, Now).ShouldBeTrue();
    }

    [Fact]
    public void ShouldDropExceptionsTheChangedRuleNoLongerHas()
    {
        var series = Supervision();
        series.CancelOccurrence(new DateOnly(2026, 2, 11), 0, Now);

        series.Change(new CalendarEventDetails(CalendarEventKind.Supervision, "Handledning", new DateOnly(2026, 1, 15), new TimeOnly(13, 0), new TimeOnly(15, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Thursday], interval: 4)), 1, Now);

        series.Overrides.ShouldBeEmpty();
        series.Sequence.ShouldBe(2);
    }

    [Fact]
    public void ShouldSpanEveryDayOfAMultiDayAllDayEvent()
    {
        var exhibition = Create(new CalendarEventDetails(CalendarEventKind.Exhibition, "Konstutställning", new DateOnly(2026, 11, 20), EndDate: new DateOnly(2026, 11, 27)));

        var occurrence = exhibition.Occurrences(new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)).Single();

        occurrence.AllDay.ShouldBeTrue();
        occurrence.Date.ShouldBe(new DateOnly(2026, 11, 20));
        occurrence.EndDate.ShouldBe(new DateOnly(2026, 11, 27));
        occurrence.End.ShouldBe(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("", 13, 15, null, "Rubriken måste fyllas i.")]
    [InlineData("Kurs", 15, 13, null, "Sluttiden måste vara efter starttiden.")]
    [InlineData("Kurs", 13, null, null, "Ange både start- och sluttid")]
    [InlineData("Kurs", 13, 15, "2026-11-25", "ligger inom en dag")]
    public void ShouldRefuseAnInvalidEvent(string title, int? startHour, int? endHour, string? endDate, string expected)
    {
        var details = new CalendarEventDetails(
            CalendarEventKind.Course, title, new DateOnly(2026, 11, 24),
            startHour is { } s ? new TimeOnly(s, 0) : null, endHour is { } e ? new TimeOnly(e, 0) : null,
            endDate is null ? null : DateOnly.Parse(endDate, System.Globalization.CultureInfo.InvariantCulture));

        Should.Throw<DomainException>(() => Create(details)).Message.ShouldContain(expected);
    }

    [Fact]
    public void ShouldRefuseARuleEndingBeforeTheStart()
    {
        Should.Throw<DomainException>(() => Create(new CalendarEventDetails(CalendarEventKind.Course, "Datakurs", new DateOnly(2026, 11, 24),
                Recurrence: Recurrence.Weekly([DayOfWeek.Tuesday], until: new DateOnly(2026, 11, 1)))))
            .Message.ShouldBe("Upprepningens slutdatum får inte vara före startdatumet.");
    }

    [Fact]
    public void ShouldRefuseDerivedKindsAndQueueFieldsOutsidePartnerVisits()
    {
        Should.Throw<DomainException>(() => Create(new CalendarEventDetails(CalendarEventKind.OpeningHours, "Öppet", new DateOnly(2026, 11, 24))))
            .Message.ShouldContain("Öppettider kan inte läggas in som händelse");
        Should.Throw<DomainException>(() => Create(new CalendarEventDetails(CalendarEventKind.Course, "Datakurs", new DateOnly(2026, 11, 24), new TimeOnly(9, 0), new TimeOnly(10, 0), ServiceLineId: 3)))
            .Message.ShouldBe("Kötjänst och plats kan bara anges för partnerbesök.");
        Should.Throw<DomainException>(() => Create(new CalendarEventDetails(CalendarEventKind.PartnerVisit, "Skatteverket", new DateOnly(2026, 11, 24), ServiceLineId: 3)))
            .Message.ShouldBe("Ett partnerbesök som öppnar en kötjänst behöver start- och sluttid.");
    }

    [Fact]
    public void ShouldKeepThePartnerVisitsQueueServiceAndPlaceOnEveryOccurrence()
    {
        var visit = Create(new CalendarEventDetails(
            CalendarEventKind.PartnerVisit, "Skatteverket", new DateOnly(2026, 11, 25), new TimeOnly(13, 0), new TimeOnly(16, 0),
            Recurrence: Recurrence.Weekly([DayOfWeek.Wednesday]), ServiceLineId: 3, PlaceId: 4));

        visit.Occurrences(new DateOnly(2026, 11, 23), new DateOnly(2026, 12, 6))
            .ShouldAllBe(o => o.ServiceLineId == 3 && o.PlaceId == 4 && o.StartTime == new TimeOnly(13, 0));
    }
}
