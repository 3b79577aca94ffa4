using Bunit;
using Mbk.Portal.Tests.TestSupport;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue.Monitor;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Queue;

public sealed class QueueMonitorPageTests : MudBunitContext
{
    private QueueScenario _queue = default!;

    public override async Task InitializeAsync()
    {
        _queue = await QueueScenario.CreateAsync();
        _queue.Register(Services);
        RenderMudProviders();
    }

    private IRenderedComponent<QueueMonitorPanel> RenderMonitor(StaffContext staff) =>
        Render<QueueMonitorPanel>(p => p.Add(c => c.Staff, staff));

    [Fact]
    public async Task ShouldMarkRowOverTargetWhenLongestWaitPassesTarget()
    {
        await _queue.TakeTicketAsync(_queue.ServiceA);
        _queue.Clock.Advance(TimeSpan.FromMinutes(25));

        var cut = RenderMonitor(await _queue.StaffAsync("Sara Vägledare", StaffRoles.Advisor));

        cut.WaitForAssertion(() =>
        {
            var row = cut.Find("[data-testid=monitor-row-A]");
            row.ClassList.ShouldContain("over-target");
            row.TextContent.ShouldContain("Över målet");
            row.TextContent.ShouldContain("25");
        });
        cut.Find("[data-testid=monitor-row-B]").ClassList.ShouldNotContain("over-target");
        cut.FindAll("[data-testid^=monitor-target-edit-]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldTurnRowRedWhenWaitTicksPastTargetWhileOpen()
    {
        await _queue.TakeTicketAsync(_queue.ServiceA);
        var cut = RenderMonitor(await _queue.StaffAsync("Sara Vägledare", StaffRoles.Advisor));
        cut.WaitForAssertion(() => cut.Find("[data-testid=monitor-row-A]").ClassList.ShouldNotContain("over-target"));

        _queue.Clock.Advance(TimeSpan.FromMinutes(21));

        cut.WaitForAssertion(() => cut.Find("[data-testid=monitor-row-A]").TextContent.ShouldContain("Över målet"));
    }

    [Fact]
    public async Task ShouldShowWhoSitsWhereWithCurrentTicket()
    {
        var staff = await _queue.StaffAsync("Sara Vägledare", StaffRoles.Advisor);
        var number = await _queue.TakeTicketAsync(_queue.ServiceA);
        await _queue.Commands.SitDownAsync(staff, _queue.Bord2.Id, [_queue.ServiceA.Id]);
        await _queue.Commands.CallNextAsync(staff);

        var cut = RenderMonitor(staff);

        cut.WaitForAssertion(() =>
        {
            var place = cut.Find($"[data-testid=monitor-place-{_queue.Bord2.Id}]").TextContent;
            place.ShouldContain("Sara Vägledare");
            place.ShouldContain("A Samhällsvägledning");
            place.ShouldContain(number);
        });
    }

    [Fact]
    public async Task ShouldSaveNewTargetWhenManagerEditsIt()
    {
        var cut = RenderMonitor(await _queue.StaffAsync("Maria Chef", StaffRoles.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=monitor-target-edit-A]"));

        // A live refresh may re-render the row between finding the button and clicking it; opening the editor is
        // idempotent, so press again until it is open.
        cut.WaitForAssertion(() =>
        {
            if (cut.FindAll("[data-testid=monitor-target-input-A]").Count == 0)
            {
                cut.Find("[data-testid=monitor-target-edit-A]").Click();
            }

            cut.Find("[data-testid=monitor-target-input-A]");
        });
        cut.Find("[data-testid=monitor-target-input-A]").Input("45");
        cut.Find("[data-testid=monitor-target-save-A]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=monitor-target-A]").TextContent.ShouldBe("45"));
        await using var db = _queue.Database.CreateDbContext();
        var service = await db.ServiceLines.AsNoTracking().SingleAsync(s => s.Id == _queue.ServiceA.Id);
        service.WaitTargetMinutes.ShouldBe(45);
        service.Name.ShouldBe("Samhällsvägledning");
        service.SortOrder.ShouldBe(1);
        service.IsActive.ShouldBeTrue();
    }
}
