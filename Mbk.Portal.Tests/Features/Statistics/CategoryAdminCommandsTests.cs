using Bunit;
using Mbk.Domain.Common;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Statistics.Categories;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Statistics;

public sealed class CategoryAdminCommandsTests : IAsyncLifetime
{
    private TallyScenario _tally = default!;

    public async Task InitializeAsync() => _tally = await TallyScenario.CreateAsync();

    public Task DisposeAsync() => _tally.Database.DisposeAsync().AsTask();

    private async Task<QuestionCategory> CategoryAsync(int id)
    {
        await using var db = _tally.Database.CreateDbContext();
        return await db.QuestionCategories.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private async Task<ReferralTarget> TargetAsync(int id)
    {
        await using var db = _tally.Database.CreateDbContext();
        return await db.ReferralTargets.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    [Fact]
    public async Task ShouldKeepOldNameForTimesBeforeRename()
    {
        var before = _tally.Clock.GetUtcNow();
        _tally.Clock.Advance(TimeSpan.FromHours(1));

        await _tally.CategoryCommands.RenameAsync(_tally.Manager, CatalogKind.QuestionCategory, _tally.Housing.Id, "Bostad och boende");

        var category = await CategoryAsync(_tally.Housing.Id);
        category.Name.ShouldBe("Bostad och boende");
        category.NameAt(before).ShouldBe("Bostadsfrågor");
        category.NameAt(_tally.Clock.GetUtcNow()).ShouldBe("Bostad och boende");
        category.NameHistory.Count.ShouldBe(2);
        (await _tally.CategoryQueries.GetAsync(_tally.Office.Id)).Categories.Single(c => c.Id == _tally.Housing.Id).FormerNames.ShouldBe(["Bostadsfrågor"]);
    }

    [Fact]
    public async Task ShouldKeepReferralTargetNameHistory()
    {
        var before = _tally.Clock.GetUtcNow();
        _tally.Clock.Advance(TimeSpan.FromDays(1));

        await _tally.CategoryCommands.RenameAsync(_tally.Manager, CatalogKind.ReferralTarget, _tally.Referral.Id, "Försäkringskassan (lokalkontor)");

        var target = await TargetAsync(_tally.Referral.Id);
        target.NameAt(before).ShouldBe("Försäkringskassan");
        target.Name.ShouldBe("Försäkringskassan (lokalkontor)");
    }

    [Fact]
    public async Task ShouldRetireAndReactivateCategoryLastInOrder()
    {
        await _tally.CategoryCommands.RetireAsync(_tally.Manager, CatalogKind.QuestionCategory, _tally.Migration.Id);

        var retired = await CategoryAsync(_tally.Migration.Id);
        retired.IsActive.ShouldBeFalse();
        retired.RetiredAt.ShouldBe(_tally.Clock.GetUtcNow());
        (await _tally.Queries.GetTallyAsync(_tally.Office.Id, _tally.Advisor.UserId)).Categories.Select(c => c.Name).ShouldNotContain("Migrationsfrågor");
        await Should.ThrowAsync<DomainException>(() => _tally.TapAsync(_tally.Migration));

        await _tally.CategoryCommands.ReactivateAsync(_tally.Manager, CatalogKind.QuestionCategory, _tally.Migration.Id);

        var back = await CategoryAsync(_tally.Migration.Id);
        back.IsActive.ShouldBeTrue();
        back.RetiredAt.ShouldBeNull();
        back.SortOrder.ShouldBe(4);
        await _tally.TapAsync(_tally.Migration);
    }

    [Fact]
    public async Task ShouldRetireAndReactivateReferralTarget()
    {
        await _tally.CategoryCommands.RetireAsync(_tally.Manager, CatalogKind.ReferralTarget, _tally.Referral.Id);
        (await TargetAsync(_tally.Referral.Id)).IsActive.ShouldBeFalse();
        (await _tally.Queries.GetTallyAsync(_tally.Office.Id, _tally.Advisor.UserId)).Referrals.ShouldBeEmpty();

        await _tally.CategoryCommands.ReactivateAsync(_tally.Manager, CatalogKind.ReferralTarget, _tally.Referral.Id);

        (await TargetAsync(_tally.Referral.Id)).IsActive.ShouldBeTrue();
    }

    [Theory]
    [InlineData(CatalogKind.QuestionCategory, " bostadsfrågor ", "Det finns redan ett ärendeslag som heter \"bostadsfrågor\".")]
    [InlineData(CatalogKind.ReferralTarget, "FÖRSÄKRINGSKASSAN", "Det finns redan en länkning som heter \"FÖRSÄKRINGSKASSAN\".")]
    public async Task ShouldRefuseDuplicateNameAmongActiveOnes(CatalogKind kind, string name, string message)
    {
        var ex = await Should.ThrowAsync<DomainException>(() => _tally.CategoryCommands.AddAsync(_tally.Manager, kind, name));

        ex.Message.ShouldBe(message);
        var lists = await _tally.CategoryQueries.GetAsync(_tally.Office.Id);
        lists.Categories.Count.ShouldBe(3);
        lists.ReferralTargets.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRefuseRenameOrReactivationThatWouldDuplicateActiveName()
    {
        var ex = await Should.ThrowAsync<DomainException>(() =>
            _tally.CategoryCommands.RenameAsync(_tally.Manager, CatalogKind.QuestionCategory, _tally.Fax.Id, "Migrationsfrågor"));
        ex.Message.ShouldContain("Det finns redan ett ärendeslag");

        await _tally.CategoryCommands.RetireAsync(_tally.Manager, CatalogKind.QuestionCategory, _tally.Migration.Id);
        var reused = await _tally.CategoryCommands.AddAsync(_tally.Manager, CatalogKind.QuestionCategory, "Migrationsfrågor");
        reused.ShouldNotBe(_tally.Migration.Id, "a retired name may be used again");

        await Should.ThrowAsync<DomainException>(() =>
            _tally.CategoryCommands.ReactivateAsync(_tally.Manager, CatalogKind.QuestionCategory, _tally.Migration.Id));
        (await CategoryAsync(_tally.Migration.Id)).IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldAddLastAndMoveUp()
    {
        var id = await _tally.CategoryCommands.AddAsync(_tally.Manager, CatalogKind.QuestionCategory, "Färdtjänst");
        (await CategoryAsync(id)).SortOrder.ShouldBe(4);

        await _tally.CategoryCommands.MoveAsync(_tally.Manager, CatalogKind.QuestionCategory, id, up: true);

        var lists = await _tally.CategoryQueries.GetAsync(_tally.Office.Id);
        lists.Categories.Select(c => c.Name).ShouldBe(["Migrationsfrågor", "Bostadsfrågor", "Färdtjänst", "Fax/kopiering"]);
    }

    [Fact]
    public async Task ShouldRefuseAdvisor()
    {
        var ex = await Should.ThrowAsync<DomainException>(() => _tally.CategoryCommands.AddAsync(_tally.Advisor, CatalogKind.QuestionCategory, "Nytt"));

        ex.Message.ShouldBe("Bara enhetschefen kan ändra ärendeslag och länkningar.");
    }
}

public sealed class CategoryAdminPanelTests : MudBunitContext
{
    private TallyScenario _tally = default!;

    public override async Task InitializeAsync()
    {
        _tally = await TallyScenario.CreateAsync();
        _tally.Register(Services);
        RenderMudProviders();
    }

    private IRenderedComponent<CategoryAdminPanel> RenderPanel()
    {
        var cut = Render<CategoryAdminPanel>(p => p.Add(c => c.Staff, _tally.Manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=category-add]"));
        return cut;
    }

    [Fact]
    public async Task ShouldListRetiredSeparatelyAndReactivate()
    {
        var cut = RenderPanel();

        cut.Find($"[data-testid=category-retire-{_tally.Fax.Id}]").Click();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=category-retired-{_tally.Fax.Id}]").TextContent.ShouldContain("Fax/kopiering"));
        cut.FindAll($"[data-testid=category-row-{_tally.Fax.Id}]").ShouldBeEmpty();
        cut.Find($"[data-testid=category-reactivate-{_tally.Fax.Id}]").Click();
        cut.WaitForAssertion(() => cut.Find($"[data-testid=category-row-{_tally.Fax.Id}]"));
        cut.FindAll($"[data-testid=category-retired-{_tally.Fax.Id}]").ShouldBeEmpty();
        (await _tally.Queries.GetTallyAsync(_tally.Office.Id, _tally.Advisor.UserId)).Categories.Count.ShouldBe(3);
    }

    [Fact]
    public void ShouldShowDuplicateRefusalAndKeepTypedName()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=category-new-name]").Input("Bostadsfrågor");
        cut.Find("[data-testid=category-add]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=catalog-error]").TextContent.ShouldContain("Det finns redan ett ärendeslag som heter \"Bostadsfrågor\"."));
        cut.Find("[data-testid=category-new-name]").GetAttribute("value").ShouldBe("Bostadsfrågor");
    }

    [Fact]
    public void ShouldRenameAndShowFormerName()
    {
        var cut = RenderPanel();

        cut.Find($"[data-testid=referral-rename-{_tally.Referral.Id}]").Click();
        cut.Find($"[data-testid=referral-rename-input-{_tally.Referral.Id}]").Input("Försäkringskassan Rinkeby");
        cut.Find($"[data-testid=referral-rename-save-{_tally.Referral.Id}]").Click();

        cut.WaitForAssertion(() =>
        {
            cut.Find($"[data-testid=referral-name-{_tally.Referral.Id}]").TextContent.ShouldBe("Försäkringskassan Rinkeby");
            cut.Find($"[data-testid=referral-row-{_tally.Referral.Id}]").TextContent.ShouldContain("Tidigare: Försäkringskassan");
        });
    }
}
