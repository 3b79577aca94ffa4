using Mbk.Domain.Queue;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Domain.Queue;

public class TicketRateLimiterTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 4, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ShouldAllowUpToLimitWhenWithinWindow()
    {
        var limiter = new TicketRateLimiter(3, TimeSpan.FromMinutes(1), _clock);

        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();
    }

    [Fact]
    public void ShouldCountKiosksSeparatelyWhenOneIsOverLimit()
    {
        var limiter = new TicketRateLimiter(1, TimeSpan.FromMinutes(1), _clock);

        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();
        limiter.TryAcquire("kiosk-2").ShouldBeTrue();
    }

    [Fact]
    public void ShouldAllowAgainWhenOldestLeavesWindow()
    {
        var limiter = new TicketRateLimiter(2, TimeSpan.FromMinutes(1), _clock);
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(30));
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();

        _clock.Advance(TimeSpan.FromSeconds(29));
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();
    }

    [Fact]
    public void ShouldSlideRatherThanResetWhenWindowPasses()
    {
        var limiter = new TicketRateLimiter(2, TimeSpan.FromMinutes(1), _clock);
        _clock.Advance(TimeSpan.FromSeconds(50));
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();

        // A fixed window would have reset at the full minute; the sliding one still counts both.
        _clock.Advance(TimeSpan.FromSeconds(20));
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();
    }

    [Fact]
    public void ShouldNotCountRefusedAttemptsWhenOverLimit()
    {
        var limiter = new TicketRateLimiter(1, TimeSpan.FromMinutes(1), _clock);
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
        _clock.Advance(TimeSpan.FromSeconds(59));
        limiter.TryAcquire("kiosk-1").ShouldBeFalse();

        _clock.Advance(TimeSpan.FromSeconds(1));
        limiter.TryAcquire("kiosk-1").ShouldBeTrue();
    }

    [Fact]
    public void ShouldForgetIdleKiosksWhenWindowHasPassed()
    {
        var limiter = new TicketRateLimiter(5, TimeSpan.FromMinutes(1), _clock);
        for (var i = 0; i < 50; i++)
        {
            limiter.TryAcquire($"kiosk-{i}");
        }

        limiter.TrackedKioskCount.ShouldBe(50);

        _clock.Advance(TimeSpan.FromMinutes(2));
        limiter.TryAcquire("kiosk-new").ShouldBeTrue();

        limiter.TrackedKioskCount.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldNeverExceedLimitWhenCalledConcurrently()
    {
        var limiter = new TicketRateLimiter(100, TimeSpan.FromMinutes(1), _clock);
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                if (limiter.TryAcquire("kiosk-1"))
                {
                    Interlocked.Increment(ref granted);
                }
            }
        })));

        granted.ShouldBe(100);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void ShouldThrowWhenKioskKeyIsBlank(string key)
    {
        var limiter = new TicketRateLimiter(1, TimeSpan.FromMinutes(1), _clock);

        Should.Throw<ArgumentException>(() => limiter.TryAcquire(key));
    }

    [Fact]
    public void ShouldThrowWhenSettingsAreInvalid()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new TicketRateLimiter(0, TimeSpan.FromMinutes(1), _clock));
        Should.Throw<ArgumentOutOfRangeException>(() => new TicketRateLimiter(1, TimeSpan.Zero, _clock));
        Should.Throw<ArgumentNullException>(() => new TicketRateLimiter(1, TimeSpan.FromMinutes(1), null!));
    }
}
