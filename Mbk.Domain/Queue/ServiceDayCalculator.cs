namespace Mbk.Domain.Queue;

/// <summary>Office-local days and times: which service day an instant belongs to, and back. DST-safe.</summary>
public static class ServiceDayCalculator
{
    /// <summary>The office-local calendar day of <paramref name="instant"/> in <paramref name="zone"/>.</summary>
    public static DateOnly ServiceDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }

    /// <summary>
    /// The instant of a local date and time in <paramref name="zone"/>. A time skipped by the spring DST change is moved
    /// forward by the gap (02:30 becomes 03:30); a time repeated in autumn takes its first (summer-time) occurrence.
    /// </summary>
    public static DateTimeOffset ToInstant(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The offset before the gap is the smaller one (standard time); moving on with it lands after the gap.
            var before = zone.GetUtcOffset(local.AddHours(-3));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), zone);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Where a service day starts and ends (end exclusive): 23 or 25 hours apart on DST change days.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(DateOnly day, TimeZoneInfo zone) =>
        (ToInstant(day, TimeOnly.MinValue, zone), ToInstant(day.AddDays(1), TimeOnly.MinValue, zone));
}
