using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Statistics;

/// <summary>The kinds of period a report covers.</summary>
public enum PeriodKind
{
    Day = 0,
    Week = 1,
    Month = 2,
    Tertial = 3,
    Year = 4,
    Custom = 5,
}

/// <summary>
/// A report period of office-local days, <see cref="From"/> and <see cref="To"/> both inclusive. Weeks are ISO 8601
/// (Monday first, week 1 holds the first Thursday); tertials are T1 January–April, T2 May–August, T3 September–December.
/// </summary>
public sealed record StatisticsPeriod
{
    public const int MinYear = 1900;
    public const int MaxYear = 9998;
    public const int MaxCustomYears = 20;

    private static readonly string[] MonthNames =
    [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ];

    private StatisticsPeriod(PeriodKind kind, DateOnly from, DateOnly to)
    {
        Kind = kind;
        From = from;
        To = to;
    }

    public PeriodKind Kind { get; }

    /// <summary>The first day, inclusive.</summary>
    public DateOnly From { get; }

    /// <summary>The last day, inclusive.</summary>
    public DateOnly To { get; }

    public int DayCount => To.DayNumber - From.DayNumber + 1;

    /// <summary>A Swedish label: "3 november 2026", "vecka 48 2026", "november 2026", "T1 2026 (januari–april)", "2026", "1–15 mars 2026".</summary>
    public string Label => Kind switch
    {
        PeriodKind.Day => DayLabel(From),
        PeriodKind.Week => string.Create(CultureInfo.InvariantCulture, $"vecka {ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue))} {ISOWeek.GetYear(From.ToDateTime(TimeOnly.MinValue))}"),
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{MonthNames[From.Month - 1]} {From.Year}"),
        PeriodKind.Tertial => string.Create(
            CultureInfo.InvariantCulture, $"T{Statistics.Tertial.TertialOf(From)} {From.Year} ({MonthNames[From.Month - 1]}–{MonthNames[To.Month - 1]})"),
        PeriodKind.Year => From.Year.ToString(CultureInfo.InvariantCulture),
        _ => CustomLabel(From, To),
    };

    public static StatisticsPeriod Day(DateOnly date) => new(PeriodKind.Day, CheckDate(date), date);

    /// <summary>ISO 8601 week <paramref name="week"/> of ISO year <paramref name="year"/> (52 or 53 weeks), Monday to Sunday.</summary>
    public static StatisticsPeriod IsoWeek(int year, int week)
    {
        CheckYear(year);
        var weeks = ISOWeek.GetWeeksInYear(year);
        if (week < 1 || week > weeks)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"År {year} har veckorna 1–{weeks}, inte vecka {week}."));
        }

        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new StatisticsPeriod(PeriodKind.Week, monday, monday.AddDays(6));
    }

    public static StatisticsPeriod Month(int year, int month)
    {
        CheckYear(year);
        if (month is < 1 or > 12)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Månaden måste vara 1–12 (var {month})."));
        }

        var from = new DateOnly(year, month, 1);
        return new StatisticsPeriod(PeriodKind.Month, from, from.AddMonths(1).AddDays(-1));
    }

    /// <summary>Tertial 1–3 of <paramref name="year"/>: T1 January–April, T2 May–August, T3 September–December.</summary>
    public static StatisticsPeriod Tertial(int year, int tertial)
    {
        var (from, to) = Statistics.Tertial.Range(year, tertial);
        return new StatisticsPeriod(PeriodKind.Tertial, from, to);
    }

    public static StatisticsPeriod Year(int year)
    {
        CheckYear(year);
        return new StatisticsPeriod(PeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    /// <summary>Any run of days, <paramref name="to"/> on or after <paramref name="from"/>, at most 20 years.</summary>
    public static StatisticsPeriod Custom(DateOnly from, DateOnly to)
    {
        CheckDate(from);
        CheckDate(to);
        if (to < from)
        {
            throw new DomainException($"Periodens slut ({DayLabel(to)}) kan inte vara före dess början ({DayLabel(from)}).");
        }

        if (to >= from.AddYears(MaxCustomYears))
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"En period får vara högst {MaxCustomYears} år."));
        }

        return new StatisticsPeriod(PeriodKind.Custom, from, to);
    }

    /// <summary>The period of <paramref name="kind"/> that contains <paramref name="date"/> (not for <see cref="PeriodKind.Custom"/>).</summary>
    public static StatisticsPeriod Containing(PeriodKind kind, DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return kind switch
        {
            PeriodKind.Day => Day(date),
            PeriodKind.Week => IsoWeek(ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime)),
            PeriodKind.Month => Month(date.Year, date.Month),
            PeriodKind.Tertial => Tertial(date.Year, Statistics.Tertial.TertialOf(date)),
            PeriodKind.Year => Year(date.Year),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A custom period has no natural period containing a date."),
        };
    }

    /// <summary>
    /// The period just before: the day, ISO week, month, tertial or year before; for a custom period the same number of
    /// days ending the day before <see cref="From"/>.
    /// </summary>
    public StatisticsPeriod Previous()
    {
        return Kind switch
        {
            PeriodKind.Day => Day(From.AddDays(-1)),
            PeriodKind.Week => Containing(PeriodKind.Week, From.AddDays(-7)),
            PeriodKind.Month => Containing(PeriodKind.Month, From.AddMonths(-1)),
            PeriodKind.Tertial => Containing(PeriodKind.Tertial, From.AddMonths(-4)),
            PeriodKind.Year => Year(From.Year - 1),
            _ => Custom(From.AddDays(-DayCount), From.AddDays(-1)),
        };
    }

    /// <summary>
    /// The same period in another year, for trends: the same date (29 February becomes the 28th), ISO week number
    /// (week 53 becomes 52 in a year without it), month, tertial or year; a custom period is shifted by whole years.
    /// </summary>
    public StatisticsPeriod SameInYear(int year)
    {
        CheckYear(year);
        switch (Kind)
        {
            case PeriodKind.Day:
                return Day(Shift(From, year - From.Year));
            case PeriodKind.Week:
                var week = ISOWeek.GetWeekOfYear(From.ToDateTime(TimeOnly.MinValue));
                return IsoWeek(year, Math.Min(week, ISOWeek.GetWeeksInYear(year)));
            case PeriodKind.Month:
                return Month(year, From.Month);
            case PeriodKind.Tertial:
                return Tertial(year, Statistics.Tertial.TertialOf(From));
            case PeriodKind.Year:
                return Year(year);
            default:
                var years = year - From.Year;
                return Custom(Shift(From, years), Shift(To, years));
        }
    }

    /// <summary>Whether <paramref name="date"/> lies in the period.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>The instants the period covers in <paramref name="zone"/>: the start of <see cref="From"/> to the start of the day after <see cref="To"/> (exclusive).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Bounds(TimeZoneInfo zone) =>
        (ServiceDayCalculator.Bounds(From, zone).Start, ServiceDayCalculator.Bounds(To, zone).End);

    public override string ToString() => Label;

    internal static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Året måste vara {MinYear}–{MaxYear} (var {year})."));
        }
    }

    private static DateOnly CheckDate(DateOnly date)
    {
        CheckYear(date.Year);
        return date;
    }

    private static DateOnly Shift(DateOnly date, int years) => date.AddYears(years);

    private static string DayLabel(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {MonthNames[date.Month - 1]} {date.Year}");

    private static string CustomLabel(DateOnly from, DateOnly to)
    {
        if (from == to)
        {
            return DayLabel(from);
        }

        if (from.Year != to.Year)
        {
            return $"{DayLabel(from)}–{DayLabel(to)}";
        }

        if (from.Month != to.Month)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{from.Day} {MonthNames[from.Month - 1]}–{DayLabel(to)}");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{from.Day}–{DayLabel(to)}");
    }
}
