using Bunit;
using Mbk.Portal.Tests.TestSupport;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue.Settings;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Queue;

public sealed class QueueSettingsPageTests : MudBunitContext
{
    private QueueScenario _queue = default!;

    public override async Task InitializeAsync()
    {
        _queue = await QueueScenario.CreateAsync();
        _queue.Register(Services);
        RenderMudProviders();
    }

    private async Task<IRenderedComponent<QueueSettingsPanel>> RenderSettingsAsync()
    {
        var manager = await _queue.StaffAsync("Maria Chef", StaffRoles.Manager);
        var cut = Render<QueueSettingsPanel>(p => p.Add(c => c.Staff, manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=settings-new-place-add]"));
        return cut;
    }

    [Fact]
    public async Task ShouldLinkToTheAlmanacInsteadOfEditingOpeningHours()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-hours-link]").GetAttribute("href").ShouldBe("/almanac/opening-hours");
        cut.FindAll("[data-testid^=settings-hours-opens-]").ShouldBeEmpty();
        cut.FindAll("[data-testid=settings-hours-save]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldAddServiceAndRefuseDuplicatePrefixKeepingInput()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-new-service-name]").Input("Skuldrådgivning");
        cut.Find("[data-testid=settings-new-service-prefix]").Input("a");
        cut.Find("[data-testid=settings-new-service-add]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=settings-services-error]").TextContent.ShouldContain("Prefixet A används redan"));
        cut.Find("[data-testid=settings-new-service-name]").GetAttribute("value").ShouldBe("Skuldrådgivning");

        cut.Find("[data-testid=settings-new-service-prefix]").Input("S");
        cut.Find("[data-testid=settings-new-service-add]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=settings-services-error]").ShouldBeEmpty());
        await using var db = _queue.Database.CreateDbContext();
        (await db.ServiceLines.AsNoTracking().SingleAsync(s => s.OfficeId == _queue.Office.Id && s.Prefix == 'S')).Name.ShouldBe("Skuldrådgivning");
    }

    [Fact]
    public async Task ShouldAddPlace()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-new-place-name]").Input("Bord 3");
        cut.Find("[data-testid=settings-new-place-add]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid^=settings-place-name-]").Select(e => e.GetAttribute("value")).ShouldContain("Bord 3"));
    }
}
