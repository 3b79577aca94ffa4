namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// A clock that starts at a fixed instant and then runs at real speed: "today" is the same on every date the tests run,
/// while the host's timers, SignalR keep-alives and cookie lifetimes (which a frozen clock would stop) keep working.
/// </summary>
public sealed class FixedStartClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _started = System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + System.GetElapsedTime(_started);

    public override TimeZoneInfo LocalTimeZone => System.LocalTimeZone;
}
