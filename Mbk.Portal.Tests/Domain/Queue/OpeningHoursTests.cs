using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Tests.Domain.Queue;

public class OpeningHoursTests
{
    private const string DefaultText =
        "mon=09:00-16:00;tue=09:00-16:00;wed=09:00-16:00;thu=09:00-19:00;fri=09:00-16:00;sat=closed;sun=closed";

    private static readonly TimeZoneInfo Stockholm = QueueTestData.Stockholm;

    private static DateTimeOffset Local(int month, int day, int hour, int minute, int offsetHours = 1) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.FromHours(offsetHours));

    // 2025-03-04 is a Tuesday, 2025-03-06 a Thursday, 2025-03-08 a Saturday.
    [Theory]
    [InlineData(4, 8, 59, false)]
    [InlineData(4, 9, 0, true)]
    [InlineData(4, 15, 59, true)]
    [InlineData(4, 16, 0, false)]
    [InlineData(6, 18, 59, true)]
    [InlineData(6, 19, 0, false)]
    [InlineData(8, 12, 0, false)]
    [InlineData(9, 12, 0, false)]
    public void ShouldFollowDefaultWeekWhenAskedIfOpen(int day, int hour, int minute, bool expected)
    {
        OpeningHours.Default.IsOpen(Local(3, day, hour, minute), Stockholm).ShouldBe(expected);
    }

    [Fact]
    public void ShouldUseOfficeLocalTimeWhenInstantIsGivenInUtc()
    {
        // 2025-06-03 (Tuesday) 07:00Z is 09:00 CEST.
        OpeningHours.Default.IsOpen(new DateTimeOffset(2025, 6, 3, 7, 0, 0, TimeSpan.Zero), Stockholm).ShouldBeTrue();
        OpeningHours.Default.IsOpen(new DateTimeOffset(2025, 6, 3, 6, 59, 0, TimeSpan.Zero), Stockholm).ShouldBeFalse();
    }

    [Fact]
    public void ShouldOpenOnMondayWhenAskedOnFridayEvening()
    {
        OpeningHours.Default.NextOpening(Local(3, 7, 17, 0), Stockholm).ShouldBe(Local(3, 10, 9, 0));
    }

    [Fact]
    public void ShouldOpenOnMondayWhenAskedOnSunday()
    {
        OpeningHours.Default.NextOpening(Local(3, 9, 8, 0), Stockholm).ShouldBe(Local(3, 10, 9, 0));
    }

    [Fact]
    public void ShouldUseSummerTimeWhenWeekendHasSpringForward()
    {
        // Friday 28 March in CET; clocks go forward on Sunday 30 March; Monday opens at 09:00 CEST = 07:00Z.
        var next = OpeningHours.Default.NextOpening(Local(3, 28, 17, 0), Stockholm);

        next.ShouldBe(new DateTimeOffset(2025, 3, 31, 7, 0, 0, TimeSpan.Zero));
        next!.Value.Offset.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void ShouldOpenLaterTodayWhenAskedBeforeOpening()
    {
        OpeningHours.Default.NextOpening(Local(3, 4, 7, 30), Stockholm).ShouldBe(Local(3, 4, 9, 0));
    }

    [Fact]
    public void ShouldGiveNextDaysOpeningWhenAlreadyOpen()
    {
        OpeningHours.Default.NextOpening(Local(3, 4, 9, 0), Stockholm).ShouldBe(Local(3, 5, 9, 0));
    }

    [Fact]
    public void ShouldBeNullWhenNeverOpen()
    {
        var closed = OpeningHours.Create(new Dictionary<DayOfWeek, DayHours>());

        closed.NextOpening(Local(3, 4, 12, 0), Stockholm).ShouldBeNull();
        closed.IsOpen(Local(3, 4, 12, 0), Stockholm).ShouldBeFalse();
    }

    [Fact]
    public void ShouldFindOpeningOneWeekAheadWhenOnlyOneDayIsOpen()
    {
        var tuesdaysOnly = OpeningHours.Create(new Dictionary<DayOfWeek, DayHours>
        {
            [DayOfWeek.Tuesday] = new(new TimeOnly(10, 0), new TimeOnly(12, 0)),
        });

        tuesdaysOnly.NextOpening(Local(3, 4, 11, 0), Stockholm).ShouldBe(Local(3, 11, 10, 0));
    }

    [Theory]
    [InlineData(3, 16)] // Monday
    [InlineData(6, 19)] // Thursday, evening opening
    public void ShouldGiveClosingTimeWhenDayIsOpen(int day, int expectedHour)
    {
        OpeningHours.Default.ClosingTime(new DateOnly(2025, 3, day)).ShouldBe(new TimeOnly(expectedHour, 0));
        OpeningHours.Default.OpeningTime(new DateOnly(2025, 3, day)).ShouldBe(new TimeOnly(9, 0));
    }

    [Fact]
    public void ShouldHaveNoClosingTimeWhenDayIsClosed()
    {
        OpeningHours.Default.ClosingTime(new DateOnly(2025, 3, 8)).ShouldBeNull();
        OpeningHours.Default.OpeningTime(new DateOnly(2025, 3, 8)).ShouldBeNull();
    }

    [Fact]
    public void ShouldWriteDefaultInCompactFormWhenStored()
    {
        OpeningHours.Default.ToStorageString().ShouldBe(DefaultText);
    }

    [Fact]
    public void ShouldRoundTripWhenParsedFromStorage()
    {
        var hours = OpeningHours.Default
            .With(DayOfWeek.Saturday, new TimeOnly(10, 30), new TimeOnly(13, 0))
            .WithClosed(DayOfWeek.Wednesday);

        var parsed = OpeningHours.Parse(hours.ToStorageString());

        parsed.ShouldBe(hours);
        parsed.ToStorageString().ShouldBe(
            "mon=09:00-16:00;tue=09:00-16:00;wed=closed;thu=09:00-19:00;fri=09:00-16:00;sat=10:30-13:00;sun=closed");
        parsed.GetHashCode().ShouldBe(hours.GetHashCode());
    }

    [Fact]
    public void ShouldAcceptAnyOrderCaseAndSpacesWhenParsed()
    {
        var parsed = OpeningHours.Parse(
            " SUN = Closed ; sat=closed;Fri=09:00-16:00; thu = 09:00 - 19:00;wed=09:00-16:00;tue=09:00-16:00;mon=09:00-16:00; ");

        parsed.ShouldBe(OpeningHours.Default);
    }

    [Fact]
    public void ShouldNotChangeOriginalWhenCopiedWithNewHours()
    {
        var changed = OpeningHours.Default.WithClosed(DayOfWeek.Monday);

        changed.For(DayOfWeek.Monday).ShouldBeNull();
        OpeningHours.Default.For(DayOfWeek.Monday).ShouldNotBeNull();
        changed.ShouldNotBe(OpeningHours.Default);
    }

    [Theory]
    [InlineData("", "Öppettiderna saknas.")]
    [InlineData("mon=09:00-16:00", "Öppettiderna saknar tisdag, onsdag, torsdag, fredag, lördag, söndag.")]
    [InlineData("mon=09:00-16:00;mon=09:00-16:00", "Öppettiderna anger måndag mer än en gång.")]
    [InlineData("man=09:00-16:00", "Öppettiderna kunde inte läsas: \"man\" är ingen veckodag (använd mon, tue, wed, thu, fri, sat, sun).")]
    [InlineData("mon 09:00-16:00", "Öppettiderna kunde inte läsas: \"mon 09:00-16:00\" ska skrivas som dag=09:00-16:00 eller dag=closed.")]
    [InlineData("mon=9-16", "Öppettiderna för måndag kunde inte läsas: \"9-16\" ska skrivas som 09:00-16:00 eller closed.")]
    [InlineData("mon=09:00-25:00", "Öppettiderna för måndag kunde inte läsas: \"09:00-25:00\" ska skrivas som 09:00-16:00 eller closed.")]
    [InlineData("mon=stängt", "Öppettiderna för måndag kunde inte läsas: \"stängt\" ska skrivas som 09:00-16:00 eller closed.")]
    [InlineData("mon=16:00-09:00", "Öppettiderna för måndag: stängningstiden måste vara efter öppningstiden.")]
    [InlineData("mon=09:00-09:00", "Öppettiderna för måndag: stängningstiden måste vara efter öppningstiden.")]
    public void ShouldRefuseInSwedishWhenTextIsInvalid(string text, string expected)
    {
        Should.Throw<DomainException>(() => OpeningHours.Parse(text)).Message.ShouldBe(expected);
    }

    [Fact]
    public void ShouldRefuseDayHoursWhenClosingIsNotAfterOpening()
    {
        Should.Throw<DomainException>(() => new DayHours(new TimeOnly(16, 0), new TimeOnly(9, 0)))
            .Message.ShouldBe("Stängningstiden (09:00) måste vara efter öppningstiden (16:00).");
    }
}

public sealed class OpeningHoursMidnightTests
{
    [Fact]
    public void ShouldBeOpenUntilMidnightWhenClosingIs2400()
    {
        var hours = OpeningHours.Parse("mon=00:00-24:00;tue=00:00-24:00;wed=00:00-24:00;thu=00:00-24:00;fri=00:00-24:00;sat=00:00-24:00;sun=00:00-24:00");
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

        hours.IsOpen(new DateTimeOffset(2026, 11, 23, 22, 59, 59, TimeSpan.Zero), zone).ShouldBeTrue();
        hours.IsOpen(new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero), zone).ShouldBeTrue();
        hours.ToStorageString().ShouldStartWith("mon=00:00-24:00;");
        OpeningHours.Parse(hours.ToStorageString()).ShouldBe(hours);
    }
}
