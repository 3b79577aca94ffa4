using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class DoorCounterReadingTests
{
    private static readonly DateTimeOffset Start = Local(2026, 11, 23, 0);
    private static readonly DateTimeOffset End = Local(2026, 11, 24, 0);

    [Fact]
    public void ShouldUseOfficeDefaultsWhenCreatedWithoutFactors()
    {
        var reading = DoorCounterReading.Create(OfficeId, Start, End, 800, DoorCounterSource.Manual, Now);

        reading.OfficeId.ShouldBe(OfficeId);
        reading.Start.ShouldBe(Start);
        reading.End.ShouldBe(End);
        reading.Reading.ShouldBe(800);
        reading.Source.ShouldBe(DoorCounterSource.Manual);
        reading.RecordedAt.ShouldBe(Now);
        reading.PassagesPerVisitor.ShouldBe(2m);
        reading.StaffShare.ShouldBe(0.10m);
        reading.ExactVisitors.ShouldBe(360m);
    }

    [Fact]
    public void ShouldKeepGivenFactorsWhenCreated()
    {
        var reading = DoorCounterReading.Create(OfficeId, Start, End, 1000, DoorCounterSource.Automatic, Now, 2.5m, 0.2m);

        reading.PassagesPerVisitor.ShouldBe(2.5m);
        reading.StaffShare.ShouldBe(0.2m);
        reading.ExactVisitors.ShouldBe(320m);
    }

    [Fact]
    public void ShouldAcceptZeroReadingWhenNobodyCame()
    {
        DoorCounterReading.Create(OfficeId, Start, End, 0, DoorCounterSource.Manual, Now).ExactVisitors.ShouldBe(0m);
    }

    [Fact]
    public void ShouldRefuseWhenReadingIsNegative()
    {
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, Start, End, -1, DoorCounterSource.Manual, Now))
            .Message.ShouldBe("Räknarens värde kan inte vara negativt (var -1).");
    }

    [Fact]
    public void ShouldRefuseWhenEndIsNotAfterStart()
    {
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, Start, Start, 1, DoorCounterSource.Manual, Now))
            .Message.ShouldBe("Mätperiodens slut måste vara efter dess början.");
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, End, Start, 1, DoorCounterSource.Manual, Now));
    }

    [Fact]
    public void ShouldAcceptWholeLocalOctoberWhenItHasTheExtraDstHour()
    {
        var october = DoorCounterReading.Create(OfficeId, Local(2026, 10, 1, 0), Local(2026, 11, 1, 0), 15_000, DoorCounterSource.Manual, Now);

        (october.End - october.Start).ShouldBe(TimeSpan.FromDays(31) + TimeSpan.FromHours(1));
    }

    [Fact]
    public void ShouldRefuseWhenPeriodIsLongerThanThirtyOneDays()
    {
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, Local(2026, 9, 1, 0), Local(2026, 10, 3, 0), 1, DoorCounterSource.Manual, Now))
            .Message.ShouldBe("En mätperiod får vara högst 31 dagar.");
    }

    [Fact]
    public void ShouldRefuseWhenPeriodEndsInTheFuture()
    {
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, Now, Now.AddHours(1), 1, DoorCounterSource.Automatic, Now))
            .Message.ShouldBe("Mätperioden kan inte sluta i framtiden.");
    }

    [Fact]
    public void ShouldAcceptWhenCounterClockIsSlightlyAhead()
    {
        DoorCounterReading.Create(OfficeId, Now.AddHours(-1), Now.AddMinutes(2), 10, DoorCounterSource.Automatic, Now).Reading.ShouldBe(10);
    }

    [Theory]
    [InlineData(0, 0.1)]
    [InlineData(-2, 0.1)]
    [InlineData(10.5, 0.1)]
    [InlineData(2, -0.1)]
    [InlineData(2, 1)]
    public void ShouldRefuseWhenFactorsAreOutOfRange(double passagesPerVisitor, double staffShare)
    {
        Should.Throw<DomainException>(() => DoorCounterReading.Create(
            OfficeId, Start, End, 10, DoorCounterSource.Manual, Now, (decimal)passagesPerVisitor, (decimal)staffShare));
    }

    [Fact]
    public void ShouldRefuseImportSourceWhenCreated()
    {
        Should.Throw<ArgumentException>(() => DoorCounterReading.Create(OfficeId, Start, End, 10, DoorCounterSource.Import, Now));
    }

    [Fact]
    public void ShouldStoreVisitorsAsIsWhenYearIsImported()
    {
        var reading = DoorCounterReading.ImportVisitors(OfficeId, 2006, null, Rinkeby2006Visitors, Stockholm, Now);

        reading.Source.ShouldBe(DoorCounterSource.Import);
        reading.Start.ShouldBe(new DateTimeOffset(2006, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)));
        reading.End.ShouldBe(new DateTimeOffset(2007, 1, 1, 0, 0, 0, TimeSpan.FromHours(1)));
        reading.PassagesPerVisitor.ShouldBe(1m);
        reading.StaffShare.ShouldBe(0m);
        VisitorCalculator.Visitors([reading]).ShouldBe(Rinkeby2006Visitors);
    }

    [Fact]
    public void ShouldCoverLocalMonthWhenMonthIsImported()
    {
        var reading = DoorCounterReading.ImportVisitors(OfficeId, 2006, 6, 7000, Stockholm, Now);

        reading.Start.ShouldBe(new DateTimeOffset(2006, 6, 1, 0, 0, 0, TimeSpan.FromHours(2)));
        reading.End.ShouldBe(new DateTimeOffset(2006, 7, 1, 0, 0, 0, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void ShouldRefuseImportWhenMonthIsOutOfRange()
    {
        Should.Throw<DomainException>(() => DoorCounterReading.ImportVisitors(OfficeId, 2006, 13, 1, Stockholm, Now))
            .Message.ShouldBe("Månaden måste vara 1–12 (var 13).");
    }

    [Fact]
    public void ShouldOverlapWhenPeriodsShareTime()
    {
        var day = Reading(Start, End);
        var afternoon = Reading(Local(2026, 11, 23, 13), Local(2026, 11, 23, 14));
        var straddling = Reading(Local(2026, 11, 23, 23), Local(2026, 11, 24, 1));

        DoorCounterReading.Overlaps(day, afternoon).ShouldBeTrue();
        DoorCounterReading.Overlaps(afternoon, day).ShouldBeTrue();
        DoorCounterReading.Overlaps(day, straddling).ShouldBeTrue();
        DoorCounterReading.Overlaps(day, day).ShouldBeTrue();
    }

    [Fact]
    public void ShouldNotOverlapWhenPeriodsAreBackToBack()
    {
        var first = Reading(Local(2026, 11, 23, 9), Local(2026, 11, 23, 10));
        var second = Reading(Local(2026, 11, 23, 10), Local(2026, 11, 23, 11));

        DoorCounterReading.Overlaps(first, second).ShouldBeFalse();
        DoorCounterReading.Overlaps(second, first).ShouldBeFalse();
    }

    [Fact]
    public void ShouldNotOverlapWhenOfficesDiffer()
    {
        var mine = Reading(Start, End);
        var theirs = DoorCounterReading.Create(OfficeId + 1, Start, End, 5, DoorCounterSource.Manual, Now);

        DoorCounterReading.Overlaps(mine, theirs).ShouldBeFalse();
    }

    private static DoorCounterReading Reading(DateTimeOffset start, DateTimeOffset end) =>
        DoorCounterReading.Create(OfficeId, start, end, 10, DoorCounterSource.Automatic, Now);
}
