using Bunit;
using Mbk.Portal.Features.Meeting.Binder;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Meeting;

public sealed class NewDecisionNoticeTests : MudBunitContext
{
    private BinderScenario _s = default!;

    public override async Task InitializeAsync()
    {
        _s = await BinderScenario.CreateAsync();
        _s.Register(Services);
        RenderMudProviders();
    }

    [Fact]
    public async Task ShouldShowTheNewDecisionAndCountUnreadUntilTheBinderIsOpened()
    {
        var cut = Render<NewDecisionNotice>(p => p.Add(c => c.Staff, _s.Advisor));
        cut.FindAll("[data-testid=new-decision-notice]").ShouldBeEmpty();
        cut.FindAll("[data-testid=new-decisions-badge]").ShouldBeEmpty();

        await _s.DecideAsync("Två i disken på måndagar.");

        cut.WaitForAssertion(() =>
        {
            var notice = cut.Find("[data-testid=new-decision-notice]");
            notice.TextContent.ShouldContain("Nytt beslut: Två i disken på måndagar.");
            cut.Find("[data-testid=new-decision-link]").GetAttribute("href").ShouldBe("/decisions");
            cut.Find("[data-testid=new-decisions-badge]").TextContent.ShouldContain("1 nytt beslut");
        });

        await _s.DecideAsync("Kaffe i personalrummet.");
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-decisions-badge]").TextContent.ShouldContain("2 nya beslut"));

        var binder = Render<DecisionBinderPanel>(p => p.Add(c => c.Staff, _s.Advisor));
        binder.WaitForAssertion(() => binder.FindAll("[data-testid^=decision-text-]").Count.ShouldBe(2));
        cut.WaitForAssertion(() =>
        {
            cut.FindAll("[data-testid=new-decisions-badge]").ShouldBeEmpty();
            cut.FindAll("[data-testid=new-decision-notice]").ShouldBeEmpty();
        });
    }
}
