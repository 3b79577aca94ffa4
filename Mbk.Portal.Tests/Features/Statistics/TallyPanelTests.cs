using Bunit;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Tally;
using Mbk.Portal.Tests.TestSupport;

namespace Mbk.Portal.Tests.Features.Statistics;

public sealed class TallyPanelTests : MudBunitContext
{
    private TallyScenario _tally = default!;

    public override async Task InitializeAsync()
    {
        _tally = await TallyScenario.CreateAsync();
        _tally.Register(Services);
        RenderMudProviders();
    }

    private IRenderedComponent<TallyPanel> RenderPanel()
    {
        var cut = Render<TallyPanel>(p => p.Add(c => c.Staff, _tally.Advisor));
        cut.WaitForAssertion(() => cut.Find("[data-testid=tally-grid]"));
        return cut;
    }

    private static string Count(IRenderedComponent<TallyPanel> cut, QuestionCategory category) =>
        cut.Find($"[data-testid=tally-count-{category.Id}]").TextContent.Trim();

    private static void OpenBatch(IRenderedComponent<TallyPanel> cut)
    {
        cut.Find("[data-testid=tally-batch]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=tally-batch-save]"));
    }

    [Fact]
    public async Task ShouldRenderButtonsOrderedByUseWithTodaysCounts()
    {
        await _tally.Commands.BatchAsync(_tally.Advisor, new DateOnly(2025, 2, 10), [(_tally.Fax.Id, 40)]);
        await _tally.TapAsync(_tally.Housing);

        var cut = RenderPanel();

        cut.FindAll("[data-testid^=tally-category-]").Select(b => b.GetAttribute("data-testid"))
            .ShouldBe([$"tally-category-{_tally.Fax.Id}", $"tally-category-{_tally.Housing.Id}", $"tally-category-{_tally.Migration.Id}"]);
        Count(cut, _tally.Fax).ShouldBe("0");
        Count(cut, _tally.Housing).ShouldBe("1");
        cut.Find($"[data-testid=tally-category-{_tally.Fax.Id}]").TextContent.ShouldContain("Fax/kopiering");
    }

    [Fact]
    public async Task ShouldRecordTapWithChosenChannelLanguageAndGenderThenResetOptionalChoices()
    {
        var cut = RenderPanel();
        Count(cut, _tally.Migration).ShouldBe("0");

        cut.Find("[data-testid=tally-channel-Telefon]").Click();
        cut.Find("[data-testid=tally-language]").Input("somaliska");
        cut.Find("[data-testid=tally-gender-Kvinna]").Click();
        cut.Find($"[data-testid=tally-category-{_tally.Migration.Id}]").Click();

        cut.WaitForAssertion(() => Count(cut, _tally.Migration).ShouldBe("1"));
        var tally = (await _tally.TalliesAsync()).ShouldHaveSingleItem();
        tally.QuestionCategoryId.ShouldBe(_tally.Migration.Id);
        tally.Channel.ShouldBe(TallyChannel.Telefon);
        tally.Language.ShouldBe("somaliska");
        tally.Gender.ShouldBe(VisitorGender.Kvinna);
        cut.Find("[data-testid=tally-language]").GetAttribute("value").ShouldBeNullOrEmpty();
        cut.Find("[data-testid=tally-gender-Kvinna]").GetAttribute("aria-checked").ShouldBe("false");
        cut.Find("[data-testid=tally-channel-Telefon]").GetAttribute("aria-checked").ShouldBe("true", "the channel stays for the next tap");
        cut.Find("[data-testid=tally-undo]").TextContent.ShouldContain("Ångra Migrationsfrågor");
    }

    [Fact]
    public async Task ShouldUndoOwnLastTap()
    {
        var cut = RenderPanel();
        cut.FindAll("[data-testid=tally-undo]").ShouldBeEmpty();
        cut.Find($"[data-testid=tally-category-{_tally.Housing.Id}]").Click();
        cut.WaitForAssertion(() => Count(cut, _tally.Housing).ShouldBe("1"));

        cut.Find("[data-testid=tally-undo]").Click();

        cut.WaitForAssertion(() =>
        {
            Count(cut, _tally.Housing).ShouldBe("0");
            cut.FindAll("[data-testid=tally-undo]").ShouldBeEmpty();
            cut.Find("[data-testid=tally-info]").TextContent.ShouldContain("Ångrat: Bostadsfrågor.");
        });
        (await _tally.TalliesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldShowTallyFromAnotherScreenLive()
    {
        var cut = RenderPanel();
        Count(cut, _tally.Fax).ShouldBe("0");

        await _tally.TapAsync(_tally.Fax, _tally.Colleague);

        cut.WaitForAssertion(() => Count(cut, _tally.Fax).ShouldBe("1"));
        cut.FindAll("[data-testid=tally-undo]").ShouldBeEmpty("a colleague's tap is not mine to undo");
    }

    [Fact]
    public async Task ShouldSaveBatchCounts()
    {
        var cut = RenderPanel();
        OpenBatch(cut);

        cut.Find("[data-testid=tally-batch-date]").Change("2025-03-03");
        cut.Find($"[data-testid=tally-batch-count-{_tally.Migration.Id}]").Input("12");
        cut.Find($"[data-testid=tally-batch-count-{_tally.Fax.Id}]").Input("3");
        cut.Find("[data-testid=tally-batch-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=tally-batch-saved]").TextContent.ShouldContain("Sparat: 15 frågor för 2025-03-03."));
        var tallies = await _tally.TalliesAsync();
        tallies.Select(t => (t.QuestionCategoryId, t.Count)).OrderBy(x => x.QuestionCategoryId)
            .ShouldBe(new[] { (_tally.Migration.Id, 12), (_tally.Fax.Id, 3) }.OrderBy(x => x.Item1));
        tallies.ShouldAllBe(t => t.Source == TallySource.Batch);
    }

    [Fact]
    public async Task ShouldRefuseFutureDateAndKeepInput()
    {
        var cut = RenderPanel();
        OpenBatch(cut);

        cut.Find("[data-testid=tally-batch-date]").Change("2025-03-05");
        cut.Find($"[data-testid=tally-batch-count-{_tally.Housing.Id}]").Input("8");
        cut.Find("[data-testid=tally-batch-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=tally-batch-error]").TextContent.ShouldContain("Dagen 2025-03-05 har inte varit än."));
        cut.Find("[data-testid=tally-batch-date]").GetAttribute("value").ShouldBe("2025-03-05");
        cut.Find($"[data-testid=tally-batch-count-{_tally.Housing.Id}]").GetAttribute("value").ShouldBe("8");
        (await _tally.TalliesAsync()).ShouldBeEmpty();
    }
}
