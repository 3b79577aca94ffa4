using Bunit;
using Mbk.Portal.Features.Meeting.Binder;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Meeting;

public sealed class BinderActionItemsTests : MudBunitContext
{
    private BinderScenario _s = default!;

    public override async Task InitializeAsync()
    {
        _s = await BinderScenario.CreateAsync();
        _s.Register(Services);
        RenderMudProviders();
    }

    [Fact]
    public async Task ShouldHighlightOverdueItemsPerPersonAndCompleteWithOneClick()
    {
        var late = await _s.Commands.AddActionItemAsync(_s.Chair, _s.MeetingId, 0, "Ring IT om skrivaren", "Ahmed", _s.Advisor.UserId, new DateOnly(2026, 11, 24));
        var later = await _s.Commands.AddActionItemAsync(_s.Chair, _s.MeetingId, 0, "Beställ broschyrer", "Olsson", _s.Chair.UserId, new DateOnly(2026, 12, 10));
        _s.Clock.Advance(TimeSpan.FromDays(1));

        var cut = Render<ActionItemsPanel>(p => p.Add(c => c.Staff, _s.Advisor));
        cut.WaitForAssertion(() => cut.Find($"[data-testid=action-{late}]"));
        cut.FindAll($"[data-testid=action-{later}]").ShouldBeEmpty("the default view is Mina åtgärder");
        cut.Find("[data-testid=actions-view-all]").Click();

        cut.WaitForAssertion(() =>
        {
            cut.Find($"[data-testid=action-{later}]");
            var row = cut.Find($"[data-testid=action-{late}]");
            row.ClassList.ShouldContain("action-overdue");
            row.TextContent.ShouldContain("Försenad");
            row.TextContent.ShouldContain("Ring IT om skrivaren");
        });
        cut.Find($"[data-testid=action-{later}]").ClassList.ShouldNotContain("action-overdue");
        cut.FindAll($"[data-testid=action-overdue-{later}]").ShouldBeEmpty();
        cut.FindAll("[data-testid=actions-person]").Select(e => e.TextContent).ShouldBe(["Ahmed", "Olsson"]);

        cut.Find($"[data-testid=action-done-{late}]").Click();

        cut.WaitForAssertion(() => cut.FindAll($"[data-testid=action-{late}]").ShouldBeEmpty());
        (await _s.Queries.OpenActionItemsAsync(_s.Advisor)).ShouldHaveSingleItem().Id.ShouldBe(later);
    }

    [Fact]
    public async Task ShouldListMyActionsAndTheWholeOfficesByDefault()
    {
        var mine = await _s.Commands.AddActionItemAsync(_s.Chair, _s.MeetingId, 0, "Ring IT om skrivaren", "ignored", _s.Advisor.UserId, new DateOnly(2026, 11, 30));
        var everyone = await _s.Commands.AddActionItemAsync(_s.Chair, _s.MeetingId, 0, "Läs nya rutinen", "Alla", null, new DateOnly(2026, 11, 27));
        var theirs = await _s.Commands.AddActionItemAsync(_s.Chair, _s.MeetingId, 0, "Beställ broschyrer", "ignored", _s.Chair.UserId, new DateOnly(2026, 11, 25));

        var cut = Render<ActionItemsPanel>(p => p.Add(c => c.Staff, _s.Advisor));

        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=action-done-]").Count.ShouldBe(2));
        cut.Find($"[data-testid=action-{mine}]").TextContent.ShouldContain("Ring IT om skrivaren");
        cut.Find($"[data-testid=action-{everyone}]").TextContent.ShouldContain("Läs nya rutinen");
        cut.FindAll($"[data-testid=action-{theirs}]").ShouldBeEmpty();
        cut.FindAll("[data-testid=actions-person]").Select(e => e.TextContent).ShouldBe(["Ahmed", "Alla"]);
        (await _s.Queries.MyOpenActionItemsAsync(_s.Chair)).Select(a => a.Id).ShouldBe([theirs, everyone]);
    }

    [Fact]
    public async Task ShouldShowANewActionOnTheOwnersCardLiveAndHighlightOverdue()
    {
        var late = await _s.Commands.AddActionItemAsync(_s.Chair, _s.MeetingId, 0, "Ring IT om skrivaren", "ignored", _s.Advisor.UserId, new DateOnly(2026, 11, 24));
        _s.Clock.Advance(TimeSpan.FromDays(1));
        var card = Render<MyActionsCard>(p => p.Add(c => c.Staff, _s.Advisor));
        card.WaitForAssertion(() => card.Find($"[data-testid=my-action-{late}]").ClassList.ShouldContain("my-actions-overdue"));

        var meeting = await _s.Commands.GetOrCreateTodaysMeetingAsync(_s.Chair);
        await _s.Commands.StartAsync(_s.Chair, meeting);
        var added = await _s.Commands.AddActionItemAsync(_s.Chair, meeting, 0, "Uppdatera anslagstavlan", "ignored", _s.Advisor.UserId, new DateOnly(2026, 11, 27));

        card.WaitForAssertion(() => card.Find($"[data-testid=my-action-{added}]").TextContent.ShouldContain("Uppdatera anslagstavlan"));
        card.Find($"[data-testid=my-action-{added}]").ClassList.ShouldNotContain("my-actions-overdue");
        card.Find($"[data-testid=my-action-{late}]").TextContent.ShouldContain("försenad");
    }

    [Fact]
    public async Task ShouldSaveTheManagersTemplatesOneTitlePerLine()
    {
        var cut = Render<AgendaTemplatesPanel>(p => p.Add(c => c.Staff, _s.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=template-daily]").GetAttribute("value")!.ShouldContain("Gårdagens siffror"));

        cut.Find("[data-testid=template-monday]").Change("Veckoplanering\n\n  Information \nÖvrigt");
        cut.Find("[data-testid=template-save-monday]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=template-message]").TextContent.ShouldContain("sparad"));
        (await _s.Queries.TemplateAsync(_s.Manager, Mbk.Domain.Meeting.AgendaTemplateKind.Monday)).ShouldBe(["Veckoplanering", "Information", "Övrigt"]);
    }
}
