using Mbk.Domain.Common;
using Mbk.Domain.Offices;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Infrastructure.Live;

public sealed class OfficeReadModelTests : IDisposable
{
    private readonly InProcessLiveEventBus _bus = new(NullLogger<InProcessLiveEventBus>.Instance);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2025, 3, 4, 9, 0, 30, TimeSpan.Zero));
    private readonly CountingModel _model;

    public OfficeReadModelTests()
    {
        _model = new CountingModel(_bus, _clock);
    }

    public void Dispose()
    {
        _model.Dispose();
        _bus.Dispose();
    }

    private static MessageOfTheDayChanged Change(int officeId) => new(officeId, "Hej", DateTimeOffset.UnixEpoch, "Maria");

    [Fact]
    public async Task ShouldComputeOnceWhenManyScreensAskAtOnce()
    {
        var reads = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => _model.GetAsync(1))));

        _model.Computations.ShouldBe(1);
        reads.Select(r => r.Value).Distinct().ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ShouldComputeOncePerChangeHoweverManyCircuitsListen()
    {
        await _model.GetAsync(1);
        var told = 0;
        var everyoneTold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watchers = Enumerable.Range(0, 1000).Select(_ => _model.Watch(1, _ =>
        {
            if (Interlocked.Increment(ref told) == 1000)
            {
                everyoneTold.TrySetResult();
            }
        })).ToList();

        await _bus.PublishAsync(Change(1));
        await everyoneTold.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var snapshots = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => _model.GetAsync(1)));

        _model.Computations.ShouldBe(2);
        snapshots.Select(s => s.Value).Distinct().ShouldHaveSingleItem().ShouldBe("beräkning 2");
        watchers.ForEach(w => w.Dispose());
        _model.WatcherCount(1).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldCoalesceABurstIntoFewComputationsEndingWithTheLatest()
    {
        await _model.GetAsync(1);
        _model.Delay = TimeSpan.FromMilliseconds(50);
        var changes = new List<int>();
        using var watcher = _model.Watch(1, events => { lock (changes) { changes.Add(events.Count); } });

        for (var i = 0; i < 50; i++)
        {
            await _bus.PublishAsync(Change(1));
        }

        await WaitUntilAsync(() => { lock (changes) { return changes.Sum() == 50; } });
        _model.Computations.ShouldBeLessThanOrEqualTo(4);
        (await _model.GetAsync(1)).Version.ShouldBe(50);
    }

    [Fact]
    public async Task ShouldIgnoreEventsItDoesNotCareAboutAndOtherOffices()
    {
        await _model.GetAsync(1);
        using var watcher = _model.Watch(1, _ => { });

        await _bus.PublishAsync(new OfficeCreatedForTest(1));
        await _bus.PublishAsync(Change(2));
        await _bus.WhenDeliveredAsync();

        await _model.GetAsync(1);
        _model.Computations.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRecomputeOnThePeriodWhileWatched()
    {
        await _model.GetAsync(1);
        var ticked = new TaskCompletionSource<IReadOnlyList<IOfficeEvent>>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var watcher = _model.Watch(1, events => ticked.TrySetResult(events));

        _clock.Advance(TimeSpan.FromSeconds(31));

        (await ticked.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeEmpty();
        _model.Computations.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldComputeAgainAfterAFailure()
    {
        _model.FailNext = true;
        await Should.ThrowAsync<InvalidOperationException>(() => _model.GetAsync(1));

        (await _model.GetAsync(1)).Value.ShouldBe("beräkning 2");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline);
            await Task.Delay(5);
        }
    }

    private sealed record OfficeCreatedForTest(int OfficeId) : IOfficeEvent
    {
        public string Topic => "OfficeCreatedForTest";
    }

    private sealed class CountingModel(ILiveEventBus bus, TimeProvider clock)
        : OfficeReadModel<string>(bus, clock, NullLogger.Instance)
    {
        private int _computations;

        public int Computations => Volatile.Read(ref _computations);

        public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(20);

        public bool FailNext { get; set; }

        protected override TimeSpan Period => TimeSpan.FromMinutes(1);

        protected override bool IsAffectedBy(IOfficeEvent officeEvent) => officeEvent is MessageOfTheDayChanged;

        protected override async Task<string?> ComputeAsync(int officeId, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _computations);
            await Task.Delay(Delay, cancellationToken);
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("databasen svarar inte");
            }

            return $"beräkning {n}";
        }
    }
}
