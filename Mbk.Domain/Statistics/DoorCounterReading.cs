using System.Globalization;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Statistics;

/// <summary>How a door-counter reading came in.</summary>
public enum DoorCounterSource
{
    /// <summary>Read off the counter and typed in by staff.</summary>
    Manual = 0,

    /// <summary>Sent by a counter device (typically hourly).</summary>
    Automatic = 1,

    /// <summary>
    /// A historical visitor figure (month or year) from an import: already visitors, stored with factors 1 and 0 % so the
    /// same sums apply; the only kind whose period may exceed <see cref="DoorCounterReading.MaxPeriodDays"/> days.
    /// </summary>
    Import = 2,
}

/// <summary>
/// A besöksräknare reading: door passages between <see cref="Start"/> and <see cref="End"/> (end exclusive). The office's
/// factors at the time are copied in, so changing the office settings later does not rewrite the past.
/// Overlapping readings are refused by the portal (database); <see cref="Overlaps"/> is the rule.
/// </summary>
public sealed class DoorCounterReading : Entity
{
    public const decimal DefaultPassagesPerVisitor = 2m;
    public const decimal DefaultStaffShare = 0.10m;
    public const int MaxPeriodDays = 31;
    public const decimal MaxPassagesPerVisitor = 10m;

    /// <summary>Default of the office setting: more passages than this in one hour is a counter fault, not visitors.</summary>
    public const int DefaultMaxPassagesPerHour = 5000;

    /// <summary>An automatic counter reports at least once a day; a longer period is a fault or a replay.</summary>
    public static readonly TimeSpan MaxAutomaticPeriod = TimeSpan.FromHours(24);

    /// <summary>No office kept door counts before this date; an earlier one is a device clock reset.</summary>
    public static readonly DateOnly EarliestReadingDate = new(2000, 1, 1);

    /// <summary>How far a reading's end may lie after "now" (a counter device's clock may run a little fast).</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private DoorCounterReading()
    {
    }

    public int OfficeId { get; private set; }

    public DateTimeOffset Start { get; private set; }

    /// <summary>End of the period, exclusive.</summary>
    public DateTimeOffset End { get; private set; }

    /// <summary>Door passages counted in the period (in and out).</summary>
    public int Reading { get; private set; }

    public DoorCounterSource Source { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Passages one visitor makes (in and out: 2).</summary>
    public decimal PassagesPerVisitor { get; private set; } = DefaultPassagesPerVisitor;

    /// <summary>The share of passages made by staff, subtracted (0.10 = 10 %).</summary>
    public decimal StaffShare { get; private set; } = DefaultStaffShare;

    /// <summary>This reading's visitors before rounding: reading / passages per visitor × (1 − staff share).</summary>
    public decimal ExactVisitors => Reading / PassagesPerVisitor * (1m - StaffShare);

    /// <summary>
    /// A manual or automatic reading. End must be after start, at most <see cref="MaxPeriodDays"/> days later (plus the
    /// autumn DST hour, so a local October fits) and not
    /// in the future; the reading is 0 or more; passages per visitor above 0 and at most 10; staff share 0 to below 1.
    /// </summary>
    /// <para>Implausible readings are refused: a start before <see cref="EarliestReadingDate"/> or before the office
    /// opened, an automatic period longer than <see cref="MaxAutomaticPeriod"/>, and more passages than
    /// <paramref name="maxPassagesPerHour"/> per hour of the period (an hour at least).</para>
    public static DoorCounterReading Create(
        int officeId, DateTimeOffset start, DateTimeOffset end, int reading, DoorCounterSource source, DateTimeOffset now,
        decimal passagesPerVisitor = DefaultPassagesPerVisitor, decimal staffShare = DefaultStaffShare,
        int maxPassagesPerHour = DefaultMaxPassagesPerHour, DateOnly? officeOpenedOn = null)
    {
        if (source == DoorCounterSource.Import)
        {
            throw new ArgumentException("Imported visitor figures are created with ImportVisitors.", nameof(source));
        }

        if (end <= start)
        {
            throw new DomainException("Mätperiodens slut måste vara efter dess början.");
        }

        if (end - start > TimeSpan.FromDays(MaxPeriodDays) + TimeSpan.FromHours(1))
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"En mätperiod får vara högst {MaxPeriodDays} dagar."));
        }

        if (end > now + MaxClockSkew)
        {
            throw new DomainException("Mätperioden kan inte sluta i framtiden.");
        }

        CheckPlausible(start, end, reading, source, maxPassagesPerHour, officeOpenedOn);
        return New(officeId, start, end, reading, source, now, passagesPerVisitor, staffShare);
    }

    /// <summary>
    /// A historical visitor figure for a month (<paramref name="month"/> 1–12) or a whole year (null), office-local, from
    /// an import. Stored as a reading of <paramref name="visitors"/> with factors 1 and 0 so it sums with the others.
    /// </summary>
    public static DoorCounterReading ImportVisitors(int officeId, int year, int? month, int visitors, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (year < QuestionTally.EarliestImportYear || year > 9998)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Året måste vara {QuestionTally.EarliestImportYear} eller senare (var {year})."));
        }

        if (month is < 1 or > 12)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Månaden måste vara 1–12 (var {month})."));
        }

        var first = new DateOnly(year, month ?? 1, 1);
        var next = month is null ? first.AddYears(1) : first.AddMonths(1);
        var start = ServiceDayCalculator.ToInstant(first, TimeOnly.MinValue, zone);
        var end = ServiceDayCalculator.ToInstant(next, TimeOnly.MinValue, zone);
        return New(officeId, start, end, visitors, DoorCounterSource.Import, now, 1m, 0m);
    }

    private static void CheckPlausible(DateTimeOffset start, DateTimeOffset end, int reading, DoorCounterSource source, int maxPassagesPerHour, DateOnly? officeOpenedOn)
    {
        var startDate = DateOnly.FromDateTime(start.DateTime);
        if (startDate < EarliestReadingDate)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Mätperioden börjar {startDate:yyyy-MM-dd}: mätningar före år 2000 tas inte emot. Kontrollera räknarens klocka."));
        }

        if (officeOpenedOn is { } opened && startDate < opened)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Mätperioden börjar {startDate:yyyy-MM-dd}, före kontorets start {opened:yyyy-MM-dd}."));
        }

        if (source == DoorCounterSource.Automatic && end - start > MaxAutomaticPeriod)
        {
            throw new DomainException("En automatisk räknare får skicka högst 24 timmar per mätning.");
        }

        var hours = Math.Max(1m, (decimal)(end - start).TotalHours);
        if (reading > maxPassagesPerHour * hours)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture,
                $"{reading} passager är orimligt många för perioden (högst {maxPassagesPerHour} per timme enligt kontorets inställning). Kontrollera räknaren."));
        }
    }

    /// <summary>Whether two readings of the same office share any time (ends are exclusive, so back-to-back is fine).</summary>
    public static bool Overlaps(DoorCounterReading a, DoorCounterReading b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.OfficeId == b.OfficeId && a.Start < b.End && b.Start < a.End;
    }

    private static DoorCounterReading New(
        int officeId, DateTimeOffset start, DateTimeOffset end, int reading, DoorCounterSource source, DateTimeOffset now,
        decimal passagesPerVisitor, decimal staffShare)
    {
        if (reading < 0)
        {
            throw new DomainException(string.Create(CultureInfo.InvariantCulture, $"Räknarens värde kan inte vara negativt (var {reading})."));
        }

        if (passagesPerVisitor <= 0m || passagesPerVisitor > MaxPassagesPerVisitor)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Passager per besökare måste vara större än 0 och högst {MaxPassagesPerVisitor} (var {passagesPerVisitor})."));
        }

        if (staffShare is < 0m or >= 1m)
        {
            throw new DomainException(string.Create(
                CultureInfo.InvariantCulture, $"Personalens andel av passagerna måste vara minst 0 och under 1 (var {staffShare})."));
        }

        return new DoorCounterReading
        {
            OfficeId = officeId,
            Start = start,
            End = end,
            Reading = reading,
            Source = source,
            RecordedAt = now,
            PassagesPerVisitor = passagesPerVisitor,
            StaffShare = staffShare,
        };
    }
}
