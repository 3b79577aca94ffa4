using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mbk.Portal.Tests.Infrastructure;

public sealed class InProcessLiveEventBusTests
{
    private readonly InProcessLiveEventBus _bus = new(NullLogger<InProcessLiveEventBus>.Instance);

    private static MessageOfTheDayChanged EventFor(int officeId) => new(officeId, "Hej", DateTimeOffset.UnixEpoch, "Maria");

    [Fact]
    public async Task ShouldDeliverOnlyToSubscribersOfThatOffice()
    {
        var office1 = new List<IOfficeEvent>();
        var office2 = new List<IOfficeEvent>();
        using var s1 = _bus.Subscribe(1, e => { office1.Add(e); return Task.CompletedTask; });
        using var s2 = _bus.Subscribe(2, e => { office2.Add(e); return Task.CompletedTask; });

        await _bus.PublishAsync(EventFor(1));
        await _bus.WhenDeliveredAsync();

        office1.ShouldHaveSingleItem();
        office2.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldDeliverEveryOfficeToSubscribeAll()
    {
        var all = new List<IOfficeEvent>();
        using var s = _bus.SubscribeAll(e => { all.Add(e); return Task.CompletedTask; });

        await _bus.PublishAsync(EventFor(1));
        await _bus.PublishAsync(EventFor(7));
        await _bus.WhenDeliveredAsync();

        // Each office has its own pump: order holds within an office, not across offices.
        all.Select(e => e.OfficeId).ShouldBe([1, 7], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldStopDeliveringWhenSubscriptionIsDisposed()
    {
        var received = 0;
        var subscription = _bus.Subscribe(1, _ => { received++; return Task.CompletedTask; });
        _bus.SubscriberCount(1).ShouldBe(1);

        subscription.Dispose();
        subscription.Dispose();
        await _bus.PublishAsync(EventFor(1));

        received.ShouldBe(0);
        _bus.SubscriberCount(1).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldStillDeliverToOthersWhenOneSubscriberFails()
    {
        var received = 0;
        using var broken = _bus.Subscribe(1, _ => throw new InvalidOperationException("skärmen är trasig"));
        using var fine = _bus.Subscribe(1, _ => { received++; return Task.CompletedTask; });

        await _bus.PublishAsync(EventFor(1));
        await _bus.WhenDeliveredAsync();

        received.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldReturnToThePublisherAndReachOthersWhenASubscriberNeverCompletes()
    {
        var never = new TaskCompletionSource();
        var reached = new TaskCompletionSource<IOfficeEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var dead = _bus.Subscribe(1, _ => never.Task);
        using var fine = _bus.Subscribe(1, e => { reached.TrySetResult(e); return Task.CompletedTask; });

        var publishing = _bus.PublishAsync(EventFor(1));

        publishing.IsCompleted.ShouldBeTrue();
        (await reached.Task.WaitAsync(TimeSpan.FromSeconds(10))).OfficeId.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldKeepDeliveringLaterEventsInOrderToOthersWhileOneSubscriberHangs()
    {
        var never = new TaskCompletionSource();
        var received = new List<string>();
        var allThree = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var dead = _bus.Subscribe(1, _ => never.Task);
        using var fine = _bus.Subscribe(1, e =>
        {
            received.Add(((MessageOfTheDayChanged)e).Text!);
            if (received.Count == 3)
            {
                allThree.TrySetResult();
            }

            return Task.CompletedTask;
        });

        foreach (var text in new[] { "ett", "två", "tre" })
        {
            await _bus.PublishAsync(new MessageOfTheDayChanged(1, text, DateTimeOffset.UnixEpoch, "Maria"));
        }

        await allThree.Task.WaitAsync(TimeSpan.FromSeconds(10));
        received.ShouldBe(["ett", "två", "tre"]);
    }

    [Fact]
    public async Task ShouldDeliverToOneSubscriberOneEventAtATime()
    {
        var running = 0;
        var overlapped = false;
        using var slow = _bus.Subscribe(1, async _ =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(5);
            Interlocked.Decrement(ref running);
        });

        for (var i = 0; i < 20; i++)
        {
            await _bus.PublishAsync(EventFor(1));
        }

        await _bus.WhenDeliveredAsync().WaitAsync(TimeSpan.FromSeconds(10));
        overlapped.ShouldBeFalse();
    }
}
