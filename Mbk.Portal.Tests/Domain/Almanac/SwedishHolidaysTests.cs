using Mbk.Domain.Almanac;

namespace Mbk.Portal.Tests.Domain.Almanac;

public class SwedishHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2028, "2028-04-16")]
    [InlineData(2029, "2029-04-01")]
    [InlineData(2030, "2030-04-21")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2038, "2038-04-25")]
    public void ShouldComputeEasterSundayWhenGivenYear(int year, string easter)
    {
        SwedishHolidays.EasterSunday(year).ShouldBe(D(easter));
    }

    [Theory]
    [InlineData(2024, "2024-03-29", "2024-03-30", "2024-04-01", "2024-05-09", "2024-05-19")]
    [InlineData(2025, "2025-04-18", "2025-04-19", "2025-04-21", "2025-05-29", "2025-06-08")]
    [InlineData(2026, "2026-04-03", "2026-04-04", "2026-04-06", "2026-05-14", "2026-05-24")]
    [InlineData(2027, "2027-03-26", "2027-03-27", "2027-03-29", "2027-05-06", "2027-05-16")]
    public void ShouldPlaceEasterBasedHolidaysWhenGivenYear(int year, string goodFriday, string easterEve, string easterMonday, string ascension, string pentecost)
    {
        var holidays = SwedishHolidays.For(year).ToDictionary(h => h.Name, h => h.Date);

        holidays["Långfredagen"].ShouldBe(D(goodFriday));
        holidays["Påskafton"].ShouldBe(D(easterEve));
        holidays["Påskdagen"].ShouldBe(SwedishHolidays.EasterSunday(year));
        holidays["Annandag påsk"].ShouldBe(D(easterMonday));
        holidays["Kristi himmelsfärdsdag"].ShouldBe(D(ascension));
        holidays["Pingstdagen"].ShouldBe(D(pentecost));
    }

    [Theory]
    [InlineData(2024, "2024-06-21", "2024-11-02")]
    [InlineData(2025, "2025-06-20", "2025-11-01")]
    [InlineData(2026, "2026-06-19", "2026-10-31")]
    [InlineData(2027, "2027-06-25", "2027-11-06")]
    [InlineData(2028, "2028-06-23", "2028-11-04")]
    [InlineData(2029, "2029-06-22", "2029-11-03")]
    [InlineData(2030, "2030-06-21", "2030-11-02")]
    public void ShouldPlaceMidsummerAndAllSaintsWhenGivenYear(int year, string midsummerEve, string allSaints)
    {
        var midsummer = SwedishHolidays.On(D(midsummerEve))!;
        midsummer.Name.ShouldBe("Midsommarafton");
        midsummer.IsEve.ShouldBeTrue();
        midsummer.Date.DayOfWeek.ShouldBe(DayOfWeek.Friday);

        var midsummerDay = SwedishHolidays.On(D(midsummerEve).AddDays(1))!;
        midsummerDay.Name.ShouldBe("Midsommardagen");
        midsummerDay.IsPublicHoliday.ShouldBeTrue();

        var saints = SwedishHolidays.On(D(allSaints))!;
        saints.Name.ShouldBe("Alla helgons dag");
        saints.Date.DayOfWeek.ShouldBe(DayOfWeek.Saturday);
        SwedishHolidays.For(year).Count(h => h.Name == "Alla helgons dag").ShouldBe(1);
    }

    [Fact]
    public void ShouldListEveryHolidayAndEveWithSwedishNamesWhenAskedForYear()
    {
        SwedishHolidays.For(2026).Select(h => (h.Date, h.Name, h.IsEve)).ShouldBe(
        [
            (D("2026-01-01"), "Nyårsdagen", false),
            (D("2026-01-06"), "Trettondedag jul", false),
            (D("2026-04-03"), "Långfredagen", false),
            (D("2026-04-04"), "Påskafton", true),
            (D("2026-04-05"), "Påskdagen", false),
            (D("2026-04-06"), "Annandag påsk", false),
            (D("2026-05-01"), "Första maj", false),
            (D("2026-05-14"), "Kristi himmelsfärdsdag", false),
            (D("2026-05-24"), "Pingstdagen", false),
            (D("2026-06-06"), "Sveriges nationaldag", false),
            (D("2026-06-19"), "Midsommarafton", true),
            (D("2026-06-20"), "Midsommardagen", false),
            (D("2026-10-31"), "Alla helgons dag", false),
            (D("2026-12-24"), "Julafton", true),
            (D("2026-12-25"), "Juldagen", false),
            (D("2026-12-26"), "Annandag jul", false),
            (D("2026-12-31"), "Nyårsafton", true),
        ]);
    }

    [Fact]
    public void ShouldMergeNamesWhenTwoHolidaysFallOnOneDate()
    {
        // Easter 2008 was 23 March, so Kristi himmelsfärdsdag fell on 1 May.
        var holiday = SwedishHolidays.On(D("2008-05-01"))!;

        holiday.Name.ShouldBe("Första maj och Kristi himmelsfärdsdag");
        holiday.IsPublicHoliday.ShouldBeTrue();
        SwedishHolidays.For(2008).Count.ShouldBe(16);
    }

    [Fact]
    public void ShouldReturnNothingWhenDateIsOrdinary()
    {
        SwedishHolidays.On(D("2026-11-23")).ShouldBeNull();
        SwedishHolidays.IsPublicHoliday(D("2026-11-23")).ShouldBeFalse();
        SwedishHolidays.IsPublicHoliday(D("2026-12-24")).ShouldBeFalse();
        SwedishHolidays.IsPublicHoliday(D("2026-12-25")).ShouldBeTrue();
    }

    [Fact]
    public void ShouldListHolidaysAcrossNewYearWhenAskedForRange()
    {
        SwedishHolidays.Between(D("2026-12-20"), D("2027-01-06")).Select(h => h.Name).ShouldBe(
            ["Julafton", "Juldagen", "Annandag jul", "Nyårsafton", "Nyårsdagen", "Trettondedag jul"]);
    }
}
