using Mbk.Domain.Offices;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// A clock that starts at a chosen instant and then runs at real speed, so a whole portal (timers, circuits, cookies)
/// behaves normally while "today" is a day the test chose: the suite then passes on any date.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp = System.GetTimestamp();

    public ShiftedTimeProvider(DateTimeOffset start) => _start = start;

    public override DateTimeOffset GetUtcNow() => _start.ToUniversalTime() + System.GetElapsedTime(_startTimestamp);

    public override TimeZoneInfo LocalTimeZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId);
}

/// <summary>The days that have broken date-sensitive pages before: the portal under test is pinned to each of them.</summary>
public static class TestDays
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId);

    /// <summary>Names of the chosen days (theory data), resolved by <see cref="At"/>.</summary>
    public const string Monday = "monday";
    public const string MidWeek = "mid-week";
    public const string Sunday = "sunday";
    public const string PublicHoliday = "public-holiday";
    public const string DstSpring = "dst-spring";
    public const string DstAutumn = "dst-autumn";
    public const string TertialEnd = "tertial-end";

    public static IReadOnlyList<string> All { get; } = [Monday, MidWeek, Sunday, PublicHoliday, DstSpring, DstAutumn, TertialEnd];

    /// <summary>Local Stockholm time of each day: 10:30, during opening hours on a weekday.</summary>
    public static DateTimeOffset At(string day) => day switch
    {
        Monday => Local(2027, 3, 1, 10, 30),          // Monday: the meeting adds "Veckoplanering", no past days in the week
        MidWeek => Local(2027, 3, 3, 10, 30),         // Wednesday: two past days in the week
        Sunday => Local(2027, 3, 7, 10, 30),          // Sunday: closed, every other day of the week past
        PublicHoliday => Local(2027, 5, 6, 10, 30),   // Kristi himmelsfärdsdag (Thursday)
        DstSpring => Local(2027, 3, 28, 10, 30),      // clocks go forward 02:00 → 03:00 (also Easter Day)
        DstAutumn => Local(2027, 10, 31, 10, 30),     // clocks go back 03:00 → 02:00
        TertialEnd => Local(2027, 8, 31, 10, 30),     // last day of T2
        _ => throw new ArgumentOutOfRangeException(nameof(day), day, "unknown test day"),
    };

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Stockholm.GetUtcOffset(local));
    }
}
