using Bunit;
using Mbk.Portal.Tests.TestSupport;
using Mbk.Portal.Features.Queue;

namespace Mbk.Portal.Tests.Features.Queue;

public sealed class WaitAlertNoticeTests : MudBunitContext
{
    private QueueScenario _queue = default!;

    public override async Task InitializeAsync()
    {
        _queue = await QueueScenario.CreateAsync();
        _queue.Register(Services);
        RenderMudProviders();
    }

    private IRenderedComponent<WaitAlertNotice> RenderNotice() =>
        Render<WaitAlertNotice>(p => p.Add(c => c.OfficeId, _queue.Office.Id));

    [Fact]
    public async Task ShouldShowAlertWhenWaitIsOverTarget()
    {
        await _queue.TakeTicketAsync(_queue.ServiceA);
        _queue.Clock.Advance(TimeSpan.FromMinutes(25));

        var cut = RenderNotice();

        cut.WaitForAssertion(() => cut.Find("[data-testid=wait-alert]").TextContent.Trim()
            .ShouldBe("Väntetiden för Samhällsvägledning är 25 min (mål 20 min)"));
    }

    [Fact]
    public async Task ShouldRenderNothingWhenNoWaitIsOverTarget()
    {
        await _queue.TakeTicketAsync(_queue.ServiceA);

        var cut = RenderNotice();

        cut.WaitForAssertion(() => cut.Markup.Trim().ShouldBeEmpty());
    }

    [Fact]
    public async Task ShouldShowAlertWhenMinuteTimerFindsWaitPastTarget()
    {
        await _queue.TakeTicketAsync(_queue.ServiceB);
        var cut = RenderNotice();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=wait-alert]").ShouldBeEmpty());

        _queue.Clock.Advance(TimeSpan.FromMinutes(31));

        cut.WaitForAssertion(() => cut.Find("[data-testid=wait-alert]").TextContent.ShouldContain("Konsumentvägledning är 31 min (mål 30 min)"));
    }

    [Fact]
    public async Task ShouldDropAlertLiveWhenTheWaitingTicketIsCalled()
    {
        var staff = await _queue.StaffAsync("Sara Vägledare", Mbk.Portal.Features.Identity.StaffRoles.Advisor);
        await _queue.TakeTicketAsync(_queue.ServiceA);
        _queue.Clock.Advance(TimeSpan.FromMinutes(25));
        var cut = RenderNotice();
        cut.WaitForAssertion(() => cut.Find("[data-testid=wait-alert]"));

        await _queue.Commands.SitDownAsync(staff, _queue.Disk1.Id, [_queue.ServiceA.Id]);
        await _queue.Commands.CallNextAsync(staff);

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=wait-alert]").ShouldBeEmpty());
    }

    [Fact]
    public async Task ShouldUnsubscribeWhenDisposed()
    {
        RenderNotice();

        await DisposeComponentsAsync();

        _queue.Database.Bus.SubscriberCount(_queue.Office.Id).ShouldBe(0);
    }
}
