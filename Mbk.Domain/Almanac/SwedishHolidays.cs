using System.Collections.Concurrent;

namespace Mbk.Domain.Almanac;

/// <summary>
/// A Swedish public holiday (helgdag, "röd dag") or one of the eves on which offices are in practice closed
/// (påskafton, midsommarafton, julafton, nyårsafton). When two holidays fall on one date (första maj and Kristi
/// himmelsfärdsdag in 2008), they are one entry with both names.
/// </summary>
public sealed record SwedishHoliday(DateOnly Date, string Name, bool IsEve)
{
    /// <summary>A public holiday by law (not an eve): counted with the weekend in the statistics.</summary>
    public bool IsPublicHoliday => !IsEve;
}

/// <summary>
/// The Swedish public holidays of any Gregorian year (lag (1989:253) om allmänna helgdagar), with Easter by the
/// anonymous Gregorian algorithm (Meeus/Jones/Butcher), plus the de-facto closed eves.
/// </summary>
public static class SwedishHolidays
{
    private static readonly ConcurrentDictionary<int, IReadOnlyList<SwedishHoliday>> Years = new();

    /// <summary>Easter Sunday (påskdagen) of <paramref name="year"/> in the Gregorian calendar.</summary>
    public static DateOnly EasterSunday(int year)
    {
        if (year is < 1583 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Only Gregorian years 1583–9999.");
        }

        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The holidays and closed eves of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<SwedishHoliday> For(int year) => Years.GetOrAdd(year, Compute);

    /// <summary>The holiday or eve on <paramref name="date"/>, or null on an ordinary day.</summary>
    public static SwedishHoliday? On(DateOnly date)
    {
        foreach (var holiday in For(date.Year))
        {
            if (holiday.Date == date)
            {
                return holiday;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="date"/> is a public holiday (eves excluded).</summary>
    public static bool IsPublicHoliday(DateOnly date) => On(date)?.IsPublicHoliday == true;

    /// <summary>The holidays and eves from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<SwedishHoliday> Between(DateOnly first, DateOnly last)
    {
        for (var year = first.Year; year <= last.Year; year++)
        {
            foreach (var holiday in For(year))
            {
                if (holiday.Date >= first && holiday.Date <= last)
                {
                    yield return holiday;
                }
            }
        }
    }

    private static IReadOnlyList<SwedishHoliday> Compute(int year)
    {
        var easter = EasterSunday(year);
        var midsummerEve = FirstOnOrAfter(new DateOnly(year, 6, 19), DayOfWeek.Friday);
        var allSaints = FirstOnOrAfter(new DateOnly(year, 10, 31), DayOfWeek.Saturday);
        SwedishHoliday[] all =
        [
            new(new DateOnly(year, 1, 1), "Nyårsdagen", false),
            new(new DateOnly(year, 1, 6), "Trettondedag jul", false),
            new(easter.AddDays(-2), "Långfredagen", false),
            new(easter.AddDays(-1), "Påskafton", true),
            new(easter, "Påskdagen", false),
            new(easter.AddDays(1), "Annandag påsk", false),
            new(new DateOnly(year, 5, 1), "Första maj", false),
            new(easter.AddDays(39), "Kristi himmelsfärdsdag", false),
            new(easter.AddDays(49), "Pingstdagen", false),
            new(new DateOnly(year, 6, 6), "Sveriges nationaldag", false),
            new(midsummerEve, "Midsommarafton", true),
            new(midsummerEve.AddDays(1), "Midsommardagen", false),
            new(allSaints, "Alla helgons dag", false),
            new(new DateOnly(year, 12, 24), "Julafton", true),
            new(new DateOnly(year, 12, 25), "Juldagen", false),
            new(new DateOnly(year, 12, 26), "Annandag jul", false),
            new(new DateOnly(year, 12, 31), "Nyårsafton", true),
        ];

        return all
            .GroupBy(h => h.Date)
            .Select(g => g.Count() == 1
                ? g.Single()
                : new SwedishHoliday(g.Key, string.Join(" och ", g.Select(h => h.Name)), g.All(h => h.IsEve)))
            .OrderBy(h => h.Date)
            .ToList();
    }

    private static DateOnly FirstOnOrAfter(DateOnly date, DayOfWeek day) =>
        date.AddDays(((int)day - (int)date.DayOfWeek + 7) % 7);
}
