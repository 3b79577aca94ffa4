using Mbk.Domain.Common;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Queue;

/// <summary>The write path never waits for the screens that follow it.</summary>
public sealed class QueueLivePathTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    private QueueTestOffice _office = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await QueueTestOffice.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldReturnTheCallAndReachOtherScreensWhenOneScreenNeverFinishes()
    {
        var never = new TaskCompletionSource();
        var called = new TaskCompletionSource<TicketCalled>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var deadScreen = _database.Bus.Subscribe(_office.Office.Id, _ => never.Task);
        using var deadHubForwarder = _database.Bus.SubscribeAll(_ => never.Task);
        using var otherScreen = _database.Bus.Subscribe(_office.Office.Id, e =>
        {
            if (e is TicketCalled call)
            {
                called.TrySetResult(call);
            }

            return Task.CompletedTask;
        });
        var staff = TestDatabase.Staff(_office.Office, StaffRoles.Advisor);
        await _office.TakeAsync(_office.ServiceA);
        await _office.Commands.SitDownAsync(staff, _office.Tables[0].Id, [_office.ServiceA.Id]);

        var number = await _office.Commands.CallNextAsync(staff).WaitAsync(TimeSpan.FromSeconds(10));

        number.ShouldBe("A001");
        (await called.Task.WaitAsync(TimeSpan.FromSeconds(10))).DisplayNumber.ShouldBe("A001");
        // And the next write does not queue behind the dead screen either.
        (await _office.TakeAsync(_office.ServiceA).WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe("A002");
    }

    [Fact]
    public async Task ShouldReturnEveryWriteOfABurstWhileAScreenHangs()
    {
        var never = new TaskCompletionSource();
        var issued = 0;
        using var deadScreen = _database.Bus.Subscribe(_office.Office.Id, _ => never.Task);
        using var otherScreen = _database.Bus.Subscribe(_office.Office.Id, e =>
        {
            if (e is TicketIssued)
            {
                Interlocked.Increment(ref issued);
            }

            return Task.CompletedTask;
        });

        for (var i = 0; i < 50; i++)
        {
            await _office.TakeAsync(_office.ServiceA, "kiosk-" + (i % 5)).WaitAsync(TimeSpan.FromSeconds(10));
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref issued) < 50 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        issued.ShouldBe(50);
    }
}
