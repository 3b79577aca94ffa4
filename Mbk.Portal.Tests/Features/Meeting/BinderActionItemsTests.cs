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

        cut.WaitForAssertion(() =>
        {
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
