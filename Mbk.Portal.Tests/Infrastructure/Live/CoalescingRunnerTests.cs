using Mbk.Portal.Infrastructure.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mbk.Portal.Tests.Infrastructure.Live;

public sealed class CoalescingRunnerTests
{
    [Fact]
    public async Task ShouldRunOnceMoreWithEverythingThatArrivedWhileBusy()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batches = new List<IReadOnlyList<int>>();
        using var runner = new CoalescingRunner<int>(async batch =>
        {
            lock (batches)
            {
                batches.Add(batch);
            }

            if (batches.Count == 1)
            {
                firstStarted.TrySetResult();
                await release.Task;
            }
            else
            {
                secondDone.TrySetResult();
            }
        }, NullLogger.Instance);

        runner.Request(1);
        await firstStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 2; i <= 50; i++)
        {
            runner.Request(i);
        }

        release.SetResult();
        await secondDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);

        batches.Count.ShouldBe(2);
        batches[0].ShouldBe([1]);
        batches[1].ShouldBe(Enumerable.Range(2, 49));
        runner.Runs.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldRunAgainAfterAFailedRun()
    {
        var calls = 0;
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var runner = new CoalescingRunner<int>(_ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("skärmen är trasig");
            }

            second.TrySetResult();
            return Task.CompletedTask;
        }, NullLogger.Instance);

        runner.Request(1);
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1);
        await Task.Delay(20);
        runner.Request(2);

        await second.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ShouldKeepOnlyTheNewestRequestsWhenARunNeverEnds()
    {
        var never = new TaskCompletionSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var runner = new CoalescingRunner<int>(_ => { started.TrySetResult(); return never.Task; }, NullLogger.Instance);

        runner.Request(0);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        for (var i = 1; i <= 10_000; i++)
        {
            runner.Request(i);
        }

        // A hung screen holds a bounded backlog and one run, never a task per request.
        runner.Runs.ShouldBe(1);
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
}
