using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Almanac;

/// <summary>How often a recurring almanac event repeats (RFC 5545 FREQ).</summary>
public enum RecurrenceFrequency
{
    Daily = 0,
    Weekly = 1,
    Monthly = 2,
}

/// <summary>
/// The subset of RFC 5545 recurrence rules the almanac supports, as a typed value: daily, weekly on given weekdays,
/// monthly on the nth (or last) weekday or on a day of the month, every <see cref="Interval"/> periods, until a date
/// (inclusive, office-local) or a number of times. Weeks start on Monday (WKST=MO). Stored and exchanged as an RRULE
/// string (<see cref="ToRRule()"/>, <see cref="Parse"/>), so the iCal feed can send the rule instead of copies.
/// </summary>
public sealed record Recurrence
{
    public const int MaxInterval = 52;
    public const int MaxCount = 500;

    private Recurrence(
        RecurrenceFrequency frequency, int interval, IReadOnlyList<DayOfWeek> weekdays, int? monthlyOrdinal,
        DayOfWeek? monthlyWeekday, int? monthDay, DateOnly? until, int? count)
    {
        Frequency = frequency;
        Interval = interval;
        Weekdays = weekdays;
        MonthlyOrdinal = monthlyOrdinal;
        MonthlyWeekday = monthlyWeekday;
        MonthDay = monthDay;
        Until = until;
        Count = count;
    }

    public RecurrenceFrequency Frequency { get; }

    /// <summary>Every n days, weeks or months (1–52).</summary>
    public int Interval { get; }

    /// <summary>Weekly only: the weekdays, Monday first.</summary>
    public IReadOnlyList<DayOfWeek> Weekdays { get; }

    /// <summary>Monthly on a weekday: which one of the month (1–5, or −1 for the last).</summary>
    public int? MonthlyOrdinal { get; }

    /// <summary>Monthly on a weekday: the weekday.</summary>
    public DayOfWeek? MonthlyWeekday { get; }

    /// <summary>Monthly on a day of the month (1–31); null with no <see cref="MonthlyWeekday"/> means the start date's day.</summary>
    public int? MonthDay { get; }

    /// <summary>The last office-local date an occurrence may fall on (inclusive).</summary>
    public DateOnly? Until { get; }

    /// <summary>The number of occurrences, counting the first (1–500).</summary>
    public int? Count { get; }

    /// <summary>Two rules are equal when they say the same (the weekday lists compared by content).</summary>
    public bool Equals(Recurrence? other) => other is not null && ToRRule() == other.ToRRule();

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToRRule());

    public bool IsMonthlyByWeekday => Frequency == RecurrenceFrequency.Monthly && MonthlyWeekday is not null;

    public static Recurrence Daily(int interval = 1, DateOnly? until = null, int? count = null) =>
        Create(RecurrenceFrequency.Daily, interval, [], null, null, null, until, count);

    public static Recurrence Weekly(IEnumerable<DayOfWeek> weekdays, int interval = 1, DateOnly? until = null, int? count = null)
    {
        ArgumentNullException.ThrowIfNull(weekdays);
        return Create(RecurrenceFrequency.Weekly, interval, weekdays.ToList(), null, null, null, until, count);
    }

    /// <summary>Monthly on the <paramref name="ordinal"/> (1–5, −1 = last) <paramref name="weekday"/>: "första tisdagen".</summary>
    public static Recurrence MonthlyOnWeekday(int ordinal, DayOfWeek weekday, int interval = 1, DateOnly? until = null, int? count = null) =>
        Create(RecurrenceFrequency.Monthly, interval, [], ordinal, weekday, null, until, count);

    /// <summary>Monthly on a day of the month; months without that day are skipped (as RFC 5545 says).</summary>
    public static Recurrence MonthlyOnDay(int? monthDay = null, int interval = 1, DateOnly? until = null, int? count = null) =>
        Create(RecurrenceFrequency.Monthly, interval, [], null, null, monthDay, until, count);

    /// <summary>The same rule ending on <paramref name="until"/> (any count dropped).</summary>
    public Recurrence EndingOn(DateOnly until) => new(Frequency, Interval, Weekdays, MonthlyOrdinal, MonthlyWeekday, MonthDay, until, null);

    /// <summary>The same rule with <paramref name="count"/> occurrences (any until dropped).</summary>
    public Recurrence WithCount(int count) =>
        Create(Frequency, Interval, Weekdays.ToList(), MonthlyOrdinal, MonthlyWeekday, MonthDay, null, count);

    private static Recurrence Create(
        RecurrenceFrequency frequency, int interval, List<DayOfWeek> weekdays, int? ordinal, DayOfWeek? weekday,
        int? monthDay, DateOnly? until, int? count)
    {
        if (!Enum.IsDefined(frequency))
        {
            throw new DomainException("Okänd upprepning.");
        }

        if (interval is < 1 or > MaxInterval)
        {
            throw new DomainException($"Intervallet måste vara mellan 1 och {MaxInterval} (nu {interval}).");
        }

        if (until is not null && count is not null)
        {
            throw new DomainException("Ange antingen ett slutdatum eller ett antal gånger, inte båda.");
        }

        if (count is < 1 or > MaxCount)
        {
            throw new DomainException($"Antal gånger måste vara mellan 1 och {MaxCount} (nu {count}).");
        }

        var days = weekdays.Distinct().OrderBy(MondayFirst).ToList();
        if (frequency == RecurrenceFrequency.Weekly && days.Count == 0)
        {
            throw new DomainException("Välj minst en veckodag för en veckovis upprepning.");
        }

        if (frequency != RecurrenceFrequency.Weekly && days.Count > 0)
        {
            throw new DomainException("Veckodagar kan bara väljas för en veckovis upprepning.");
        }

        if (frequency == RecurrenceFrequency.Monthly)
        {
            if ((ordinal is null) != (weekday is null))
            {
                throw new DomainException("Ange både vilken i ordningen och vilken veckodag för en månatlig upprepning.");
            }

            if (ordinal is not null && ordinal is not (>= 1 and <= 5 or -1))
            {
                throw new DomainException("Veckodagen i månaden måste vara första–femte eller sista.");
            }

            if (ordinal is not null && monthDay is not null)
            {
                throw new DomainException("Ange antingen en veckodag eller en dag i månaden, inte båda.");
            }

            if (monthDay is < 1 or > 31)
            {
                throw new DomainException($"Dagen i månaden måste vara mellan 1 och 31 (nu {monthDay}).");
            }
        }
        else if (ordinal is not null || weekday is not null || monthDay is not null)
        {
            throw new DomainException("En dag i månaden kan bara väljas för en månatlig upprepning.");
        }

        return new Recurrence(frequency, interval, days, ordinal, weekday, monthDay, until, count);
    }

    internal static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;

    // --- RRULE ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// The rule as stored: an RRULE value with UNTIL as a DATE (office-local), e.g.
    /// <c>FREQ=WEEKLY;INTERVAL=4;BYDAY=WE;UNTIL=20270630</c>.
    /// </summary>
    public string ToRRule() => Build(Until?.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    /// <summary>
    /// The rule for an iCalendar file: RFC 5545 wants UNTIL as a DATE for all-day events and, for events with a time
    /// zone, as a UTC DATE-TIME; here the end of the until day in <paramref name="zone"/>, so every occurrence that day
    /// is included.
    /// </summary>
    public string ToRRule(TimeZoneInfo zone, bool allDay)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Until is not { } until || allDay)
        {
            return ToRRule();
        }

        var endOfDay = Queue.ServiceDayCalculator.ToInstant(until.AddDays(1), TimeOnly.MinValue, zone).AddSeconds(-1);
        return Build(endOfDay.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
    }

    private string Build(string? until)
    {
        var parts = new List<string> { "FREQ=" + Frequency.ToString().ToUpperInvariant() };
        if (Interval != 1)
        {
            parts.Add("INTERVAL=" + Interval.ToString(CultureInfo.InvariantCulture));
        }

        if (Frequency == RecurrenceFrequency.Weekly)
        {
            parts.Add("BYDAY=" + string.Join(',', Weekdays.Select(DayCode)));
        }
        else if (MonthlyWeekday is { } weekday)
        {
            parts.Add("BYDAY=" + MonthlyOrdinal!.Value.ToString(CultureInfo.InvariantCulture) + DayCode(weekday));
        }
        else if (MonthDay is { } day)
        {
            parts.Add("BYMONTHDAY=" + day.ToString(CultureInfo.InvariantCulture));
        }

        if (until is not null)
        {
            parts.Add("UNTIL=" + until);
        }

        if (Count is { } count)
        {
            parts.Add("COUNT=" + count.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(';', parts);
    }

    /// <summary>
    /// Reads an RRULE value (with or without the "RRULE:" prefix). A UTC UNTIL is read as its date in
    /// <paramref name="zone"/> (Europe/Stockholm when not given). A weekly rule without BYDAY repeats on
    /// <paramref name="start"/>'s weekday, as RFC 5545 says. Anything outside the supported subset is refused with a
    /// Swedish message naming what is not supported.
    /// </summary>
    public static Recurrence Parse(string rrule, DateOnly? start = null, TimeZoneInfo? zone = null)
    {
        if (string.IsNullOrWhiteSpace(rrule))
        {
            throw new DomainException("Upprepningsregeln är tom.");
        }

        var text = rrule.Trim();
        if (text.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[6..];
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !values.TryAdd(part[..equals], part[(equals + 1)..].Trim()))
            {
                throw new DomainException($"Upprepningsregeln \"{rrule}\" går inte att läsa (\"{part}\").");
            }
        }

        foreach (var key in values.Keys)
        {
            if (key.ToUpperInvariant() is not ("FREQ" or "INTERVAL" or "BYDAY" or "BYMONTHDAY" or "UNTIL" or "COUNT" or "WKST"))
            {
                throw new DomainException($"Upprepningsregeln använder {key.ToUpperInvariant()}, som almanackan inte stöder.");
            }
        }

        if (values.TryGetValue("WKST", out var weekStart) && !weekStart.Equals("MO", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException($"Veckor som börjar på annat än måndag (WKST={weekStart}) stöds inte.");
        }

        var frequency = (values.TryGetValue("FREQ", out var freq) ? freq.ToUpperInvariant() : null) switch
        {
            "DAILY" => RecurrenceFrequency.Daily,
            "WEEKLY" => RecurrenceFrequency.Weekly,
            "MONTHLY" => RecurrenceFrequency.Monthly,
            null => throw new DomainException("Upprepningsregeln saknar FREQ."),
            "YEARLY" => throw new DomainException("Årlig upprepning stöds inte; använd månatlig med intervall 12."),
            _ => throw new DomainException($"Upprepningen FREQ={freq} stöds inte (bara dagligen, veckovis och månadsvis)."),
        };

        var interval = values.TryGetValue("INTERVAL", out var intervalText) ? ParseNumber(intervalText, "INTERVAL") : 1;
        int? count = values.TryGetValue("COUNT", out var countText) ? ParseNumber(countText, "COUNT") : null;
        DateOnly? until = values.TryGetValue("UNTIL", out var untilText) ? ParseUntil(untilText, zone) : null;

        var weekdays = new List<DayOfWeek>();
        int? ordinal = null;
        DayOfWeek? monthlyWeekday = null;
        if (values.TryGetValue("BYDAY", out var byDay))
        {
            var items = byDay.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var item in items)
            {
                var (n, day) = ParseByDay(item);
                switch (frequency)
                {
                    case RecurrenceFrequency.Weekly when n is null:
                        weekdays.Add(day);
                        break;
                    case RecurrenceFrequency.Monthly when n is not null && items.Length == 1:
                        ordinal = n;
                        monthlyWeekday = day;
                        break;
                    case RecurrenceFrequency.Monthly:
                        throw new DomainException($"Månatlig upprepning stöds bara på en veckodag i ordningen, t.ex. BYDAY=1TU (inte \"{byDay}\").");
                    default:
                        throw new DomainException($"BYDAY={byDay} stöds inte för den här upprepningen.");
                }
            }
        }
        else if (frequency == RecurrenceFrequency.Weekly && start is { } first)
        {
            weekdays.Add(first.DayOfWeek);
        }

        int? monthDay = null;
        if (values.TryGetValue("BYMONTHDAY", out var byMonthDay))
        {
            if (frequency != RecurrenceFrequency.Monthly || byMonthDay.Contains(',', StringComparison.Ordinal))
            {
                throw new DomainException($"BYMONTHDAY={byMonthDay} stöds bara som en enda dag i en månatlig upprepning.");
            }

            monthDay = ParseNumber(byMonthDay, "BYMONTHDAY");
        }

        return Create(frequency, interval, weekdays, ordinal, monthlyWeekday, monthDay, until, count);
    }

    private static int ParseNumber(string text, string name) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new DomainException($"{name}={text} är inte ett heltal.");

    private static DateOnly ParseUntil(string text, TimeZoneInfo? zone)
    {
        if (text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (text.EndsWith('Z') && DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            var local = TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero),
                zone ?? TimeZoneInfo.FindSystemTimeZoneById(Offices.Office.DefaultTimeZoneId));
            return DateOnly.FromDateTime(local.DateTime);
        }

        if (DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var floating))
        {
            return DateOnly.FromDateTime(floating);
        }

        throw new DomainException($"UNTIL={text} är inget giltigt datum.");
    }

    private static (int? Ordinal, DayOfWeek Day) ParseByDay(string item)
    {
        if (item.Length < 2)
        {
            throw new DomainException($"BYDAY-värdet \"{item}\" går inte att läsa.");
        }

        var day = item[^2..].ToUpperInvariant() switch
        {
            "MO" => DayOfWeek.Monday,
            "TU" => DayOfWeek.Tuesday,
            "WE" => DayOfWeek.Wednesday,
            "TH" => DayOfWeek.Thursday,
            "FR" => DayOfWeek.Friday,
            "SA" => DayOfWeek.Saturday,
            "SU" => DayOfWeek.Sunday,
            _ => throw new DomainException($"BYDAY-värdet \"{item}\" är ingen veckodag."),
        };
        var prefix = item[..^2];
        if (prefix.Length == 0)
        {
            return (null, day);
        }

        return int.TryParse(prefix, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            ? (n, day)
            : throw new DomainException($"BYDAY-värdet \"{item}\" går inte att läsa.");
    }

    private static string DayCode(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    // --- Expansion (office-local dates) ---------------------------------------------------------------------------

    /// <summary>Whether a series starting on <paramref name="start"/> has an occurrence on <paramref name="date"/>.</summary>
    public bool OccursOn(DateOnly start, DateOnly date) =>
        date >= start && Dates(start, date, date).Any();

    /// <summary>
    /// The occurrence dates of a series whose first occurrence is <paramref name="start"/>, from <paramref name="from"/>
    /// to <paramref name="to"/> (both included), in order. Dates are office-local: the time of day never moves.
    /// </summary>
    public IEnumerable<DateOnly> Dates(DateOnly start, DateOnly from, DateOnly to)
    {
        var number = 0;
        foreach (var date in Candidates(start))
        {
            if ((Until is { } until && date > until) || date > to)
            {
                yield break;
            }

            number++;
            if (Count is { } count && number > count)
            {
                yield break;
            }

            if (date >= from)
            {
                yield return date;
            }
        }
    }

    /// <summary>The first occurrence on or after <paramref name="date"/> of a series starting there, ignoring until and count.</summary>
    public DateOnly FirstOnOrAfter(DateOnly date) => Candidates(date).First();

    /// <summary>Every date matching the rule on or after <paramref name="start"/>, without until or count.</summary>
    private IEnumerable<DateOnly> Candidates(DateOnly start)
    {
        switch (Frequency)
        {
            case RecurrenceFrequency.Daily:
                for (var date = start; date < DateOnly.MaxValue.AddDays(-Interval); date = date.AddDays(Interval))
                {
                    yield return date;
                }

                break;
            case RecurrenceFrequency.Weekly:
                var monday = start.AddDays(-MondayFirst(start.DayOfWeek));
                for (var week = monday; week.Year < 9999; week = week.AddDays(7 * Interval))
                {
                    foreach (var day in Weekdays)
                    {
                        var date = week.AddDays(MondayFirst(day));
                        if (date >= start)
                        {
                            yield return date;
                        }
                    }
                }

                break;
            default:
                for (var month = new DateOnly(start.Year, start.Month, 1); month.Year < 9999; month = month.AddMonths(Interval))
                {
                    var date = MonthlyWeekday is { } weekday
                        ? NthWeekday(month, MonthlyOrdinal!.Value, weekday)
                        : DayOfMonth(month, MonthDay ?? start.Day);
                    if (date is { } found && found >= start)
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    private static DateOnly? NthWeekday(DateOnly firstOfMonth, int ordinal, DayOfWeek weekday)
    {
        var days = DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month);
        if (ordinal == -1)
        {
            var last = firstOfMonth.AddDays(days - 1);
            return last.AddDays(-(((int)last.DayOfWeek - (int)weekday + 7) % 7));
        }

        var first = firstOfMonth.AddDays(((int)weekday - (int)firstOfMonth.DayOfWeek + 7) % 7);
        var date = first.AddDays(7 * (ordinal - 1));
        return date.Month == firstOfMonth.Month ? date : null;
    }

    private static DateOnly? DayOfMonth(DateOnly firstOfMonth, int day) =>
        day <= DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month) ? firstOfMonth.AddDays(day - 1) : null;

    // --- Swedish description ------------------------------------------------------------------------------------

    /// <summary>How staff read the rule: "Var fjärde vecka på onsdag till 2027-06-30", "Första tisdagen varje månad".</summary>
    public string Describe(DateOnly start)
    {
        var text = Frequency switch
        {
            RecurrenceFrequency.Daily => Every("dag", "dag"),
            RecurrenceFrequency.Weekly => Every("vecka", "vecka") + " på " + JoinSwedish(Weekdays.Select(SwedishDay)),
            _ when MonthlyWeekday is { } weekday =>
                $"{Capitalize(OrdinalWord(MonthlyOrdinal!.Value))} {SwedishDay(weekday)}en {Lower(Every("månad", "månad"))}",
            _ => $"Den {(MonthDay ?? start.Day).ToString(CultureInfo.InvariantCulture)}:e {Lower(Every("månad", "månad"))}",
        };

        if (Until is { } until)
        {
            text += " till " + until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (Count is { } count)
        {
            text += count == 1 ? ", 1 gång" : $", {count.ToString(CultureInfo.InvariantCulture)} gånger";
        }

        return text;
    }

    private string Every(string unit, string unitAfterOrdinal) => Interval switch
    {
        1 => "Varje " + unit,
        2 => "Varannan " + unitAfterOrdinal,
        _ => $"Var {IntervalOrdinal(Interval)} {unitAfterOrdinal}",
    };

    private static string IntervalOrdinal(int n) => n switch
    {
        3 => "tredje",
        4 => "fjärde",
        5 => "femte",
        6 => "sjätte",
        7 => "sjunde",
        8 => "åttonde",
        9 => "nionde",
        10 => "tionde",
        11 => "elfte",
        12 => "tolfte",
        _ => n.ToString(CultureInfo.InvariantCulture) + ":e",
    };

    private static string OrdinalWord(int n) => n switch
    {
        1 => "första",
        2 => "andra",
        3 => "tredje",
        4 => "fjärde",
        5 => "femte",
        _ => "sista",
    };

    /// <summary>Swedish weekday name, lower case (måndag … söndag).</summary>
    public static string SwedishDay(DayOfWeek day) => CultureInfo.GetCultureInfo("sv-SE").DateTimeFormat.GetDayName(day);

    private static string JoinSwedish(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Join("", list) : string.Join(", ", list.Take(list.Count - 1)) + " och " + list[^1];
    }

    private static string Capitalize(string text) => char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..];

    private static string Lower(string text) => char.ToLower(text[0], CultureInfo.InvariantCulture) + text[1..];
}
