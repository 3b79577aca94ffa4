using System.Globalization;
using System.Text;
using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>The hours of one open day, office-local. <see cref="Opens"/> is before <see cref="Closes"/>.</summary>
public sealed record DayHours
{
    public DayHours(TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Stängningstiden ({closes:HH\\:mm}) måste vara efter öppningstiden ({opens:HH\\:mm})."));
        }

        Opens = opens;
        Closes = closes;
    }

    public TimeOnly Opens { get; }

    public TimeOnly Closes { get; }

    /// <summary>Closing at midnight ("24:00"): open to the end of the day.</summary>
    public static TimeOnly EndOfDay => TimeOnly.MaxValue;

    public bool Contains(TimeOnly time) => time >= Opens && (time < Closes || Closes == EndOfDay);
}

/// <summary>
/// An office's weekly opening hours (until an almanac with exceptions exists). Immutable value object; stored as text,
/// e.g. <c>mon=09:00-16:00;tue=09:00-16:00;wed=09:00-16:00;thu=09:00-19:00;fri=09:00-16:00;sat=closed;sun=closed</c>.
/// </summary>
public sealed class OpeningHours : IEquatable<OpeningHours>
{
    /// <summary>How far ahead <see cref="NextOpening"/> looks.</summary>
    public const int LookAheadDays = 14;

    private const string Closed = "closed";

    private static readonly DayOfWeek[] WeekOrder =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday,
        DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    private static readonly string[] Keys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    private static readonly string[] SwedishNames = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

    private readonly DayHours?[] _days;

    private OpeningHours(DayHours?[] days) => _days = days;

    /// <summary>Mon–Fri 09:00–16:00 with evening opening Thursday to 19:00; closed at weekends.</summary>
    public static OpeningHours Default { get; } = CreateDefault();

    /// <summary>Opening hours from a per-day map; days missing from it are closed.</summary>
    public static OpeningHours Create(IReadOnlyDictionary<DayOfWeek, DayHours> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var array = new DayHours?[7];
        foreach (var (day, hours) in days)
        {
            ArgumentNullException.ThrowIfNull(hours);
            array[(int)day] = hours;
        }

        return new OpeningHours(array);
    }

    /// <summary>The hours of a weekday, or null when the office is closed that day.</summary>
    public DayHours? For(DayOfWeek day) => _days[(int)day];

    /// <summary>A copy with <paramref name="day"/> open at the given hours.</summary>
    public OpeningHours With(DayOfWeek day, TimeOnly opens, TimeOnly closes)
    {
        var copy = (DayHours?[])_days.Clone();
        copy[(int)day] = new DayHours(opens, closes);
        return new OpeningHours(copy);
    }

    /// <summary>A copy with <paramref name="day"/> closed.</summary>
    public OpeningHours WithClosed(DayOfWeek day)
    {
        var copy = (DayHours?[])_days.Clone();
        copy[(int)day] = null;
        return new OpeningHours(copy);
    }

    /// <summary>When the office closes on <paramref name="day"/>, or null when it is closed all day.</summary>
    public TimeOnly? ClosingTime(DateOnly day) => For(day.DayOfWeek)?.Closes;

    /// <summary>When the office opens on <paramref name="day"/>, or null when it is closed all day.</summary>
    public TimeOnly? OpeningTime(DateOnly day) => For(day.DayOfWeek)?.Opens;

    /// <summary>Whether the office is open at <paramref name="now"/>: from opening time inclusive to closing time exclusive.</summary>
    public bool IsOpen(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        return For(local.DayOfWeek)?.Contains(TimeOnly.FromDateTime(local)) ?? false;
    }

    /// <summary>
    /// The next time the office opens strictly after <paramref name="now"/> (while open, that is a later day's opening),
    /// looking at most <see cref="LookAheadDays"/> days ahead; null when it does not open in that time.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = ServiceDayCalculator.ServiceDay(now, zone);
        for (var offset = 0; offset <= LookAheadDays; offset++)
        {
            var day = today.AddDays(offset);
            if (For(day.DayOfWeek) is { } hours)
            {
                var opening = ServiceDayCalculator.ToInstant(day, hours.Opens, zone);
                if (opening > now)
                {
                    return opening;
                }
            }
        }

        return null;
    }

    /// <summary>The compact text form, Monday first; <see cref="Parse"/> reads it back.</summary>
    public string ToStorageString()
    {
        var text = new StringBuilder();
        foreach (var day in WeekOrder)
        {
            if (text.Length > 0)
            {
                text.Append(';');
            }

            text.Append(Keys[(int)day]).Append('=');
            if (For(day) is { } hours)
            {
                text.Append(hours.Opens.ToString("HH:mm", CultureInfo.InvariantCulture))
                    .Append('-')
                    .Append(hours.Closes == DayHours.EndOfDay ? "24:00" : hours.Closes.ToString("HH:mm", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(Closed);
            }
        }

        return text.ToString();
    }

    public override string ToString() => ToStorageString();

    /// <summary>
    /// Reads the text form: all seven days once each, as <c>day=HH:mm-HH:mm</c> or <c>day=closed</c>, separated by
    /// semicolons (any order, case and surrounding spaces ignored).
    /// </summary>
    /// <exception cref="DomainException">The text is not valid; the message says what is wrong, in Swedish.</exception>
    public static OpeningHours Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("Öppettiderna saknas.");
        }

        var days = new DayHours?[7];
        var seen = new bool[7];
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                throw new DomainException($"Öppettiderna kunde inte läsas: \"{part}\" ska skrivas som dag=09:00-16:00 eller dag=closed.");
            }

            var index = Array.IndexOf(Keys, pair[0].ToLowerInvariant());
            if (index < 0)
            {
                throw new DomainException($"Öppettiderna kunde inte läsas: \"{pair[0]}\" är ingen veckodag (använd mon, tue, wed, thu, fri, sat, sun).");
            }

            if (seen[index])
            {
                throw new DomainException($"Öppettiderna anger {SwedishNames[index]} mer än en gång.");
            }

            seen[index] = true;
            days[index] = ParseHours(pair[1], SwedishNames[index]);
        }

        var missing = WeekOrder.Where(d => !seen[(int)d]).Select(d => SwedishNames[(int)d]).ToArray();
        if (missing.Length > 0)
        {
            throw new DomainException($"Öppettiderna saknar {string.Join(", ", missing)}.");
        }

        return new OpeningHours(days);
    }

    public bool Equals(OpeningHours? other) => other is not null && _days.SequenceEqual(other._days);

    public override bool Equals(object? obj) => Equals(obj as OpeningHours);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToStorageString());

    private static DayHours? ParseHours(string value, string dayName)
    {
        if (string.Equals(value, Closed, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var times = value.Split('-', StringSplitOptions.TrimEntries);
        if (times.Length == 2 && times[1] == "24:00")
        {
            times[1] = "23:59";
            if (TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
            {
                return new DayHours(from, DayHours.EndOfDay);
            }
        }

        if (times.Length != 2
            || !TimeOnly.TryParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes))
        {
            throw new DomainException($"Öppettiderna för {dayName} kunde inte läsas: \"{value}\" ska skrivas som 09:00-16:00 eller closed.");
        }

        if (closes <= opens)
        {
            throw new DomainException($"Öppettiderna för {dayName}: stängningstiden måste vara efter öppningstiden.");
        }

        return new DayHours(opens, closes);
    }

    private static OpeningHours CreateDefault()
    {
        var nineToFour = new DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0));
        return Create(new Dictionary<DayOfWeek, DayHours>
        {
            [DayOfWeek.Monday] = nineToFour,
            [DayOfWeek.Tuesday] = nineToFour,
            [DayOfWeek.Wednesday] = nineToFour,
            [DayOfWeek.Thursday] = new DayHours(new TimeOnly(9, 0), new TimeOnly(19, 0)),
            [DayOfWeek.Friday] = nineToFour,
        });
    }
}
