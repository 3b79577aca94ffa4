using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Domain.Statistics;
using static Mbk.Portal.Tests.Domain.Statistics.StatisticsTestData;

namespace Mbk.Portal.Tests.Domain.Statistics;

public class DoorCounterPlausibilityTests
{
    [Fact]
    public void ShouldRefuseMoreThanTheMaximumPerHourOfThePeriod()
    {
        var start = Local(2026, 11, 23, 9);

        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, start, start.AddHours(2), 1001, DoorCounterSource.Automatic, Now, maxPassagesPerHour: 500))
            .Message.ShouldContain("högst 500 per timme");
        DoorCounterReading.Create(OfficeId, start, start.AddHours(2), 1000, DoorCounterSource.Automatic, Now, maxPassagesPerHour: 500).Reading.ShouldBe(1000);
    }

    [Fact]
    public void ShouldCountAShortPeriodAsAWholeHour()
    {
        var start = Local(2026, 11, 23, 9);

        DoorCounterReading.Create(OfficeId, start, start.AddMinutes(15), 500, DoorCounterSource.Automatic, Now, maxPassagesPerHour: 500).Reading.ShouldBe(500);
    }

    [Fact]
    public void ShouldRefuseAnAutomaticPeriodOverADayButKeepManualDays()
    {
        var start = Local(2026, 11, 2, 0);

        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, start, start.AddHours(25), 10, DoorCounterSource.Automatic, Now));
        DoorCounterReading.Create(OfficeId, start, start.AddDays(7), 10, DoorCounterSource.Manual, Now).Reading.ShouldBe(10);
    }

    [Fact]
    public void ShouldRefuseReadingsBeforeTheYear2000OrBeforeTheOfficeOpened()
    {
        var old = new DateTimeOffset(1999, 6, 1, 9, 0, 0, TimeSpan.FromHours(2));
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, old, old.AddHours(1), 10, DoorCounterSource.Manual, Now))
            .Message.ShouldContain("före år 2000");

        var start = Local(2026, 11, 23, 9);
        Should.Throw<DomainException>(() => DoorCounterReading.Create(OfficeId, start, start.AddHours(1), 10, DoorCounterSource.Manual, Now, officeOpenedOn: new DateOnly(2026, 11, 24)))
            .Message.ShouldContain("före kontorets start 2026-11-24");
        DoorCounterReading.Create(OfficeId, start, start.AddHours(1), 10, DoorCounterSource.Manual, Now, officeOpenedOn: new DateOnly(2026, 11, 23)).Reading.ShouldBe(10);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void ShouldRefuseAnOfficeLimitOutsideTheRange(int limit)
    {
        var office = Office.Create("Rinkeby", "rinkeby");

        Should.Throw<DomainException>(() => office.SetDoorCounterLimits(limit, null));
        office.MaxDoorPassagesPerHour.ShouldBe(DoorCounterReading.DefaultMaxPassagesPerHour);
    }
}
