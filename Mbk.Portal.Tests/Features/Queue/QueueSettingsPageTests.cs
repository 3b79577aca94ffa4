using Bunit;
using Mbk.Portal.Tests.TestSupport;
using Mbk.Domain.Queue;
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
        cut.WaitForAssertion(() => cut.Find("[data-testid=settings-hours-save]"));
        return cut;
    }

    private async Task<string> StoredHoursAsync()
    {
        await using var db = _queue.Database.CreateDbContext();
        return await db.Offices.AsNoTracking().Where(o => o.Id == _queue.Office.Id).Select(o => o.OpeningHoursText).SingleAsync();
    }

    [Fact]
    public async Task ShouldShowCurrentOpeningHoursWithMidnightAs2400()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-hours-opens-mon]").GetAttribute("value").ShouldBe("00:00");
        cut.Find("[data-testid=settings-hours-closes-mon]").GetAttribute("value").ShouldBe("24:00");
    }

    [Fact]
    public async Task ShouldRejectBadOpeningHoursWithSwedishMessageAndKeepInput()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-hours-opens-tue]").Input("25:00");
        cut.Find("[data-testid=settings-hours-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=settings-hours-error]").TextContent
            .ShouldContain("Öppettiderna för tisdag kunde inte läsas"));
        cut.Find("[data-testid=settings-hours-opens-tue]").GetAttribute("value").ShouldBe("25:00");
        (await StoredHoursAsync()).ShouldBe(QueueScenario.AlwaysOpen);
    }

    [Fact]
    public async Task ShouldRejectClosingBeforeOpening()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-hours-opens-wed]").Input("16:00");
        cut.Find("[data-testid=settings-hours-closes-wed]").Input("09:00");
        cut.Find("[data-testid=settings-hours-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=settings-hours-error]").TextContent
            .ShouldContain("stängningstiden måste vara efter öppningstiden"));
    }

    [Fact]
    public async Task ShouldSaveOpeningHoursWithClosedDay()
    {
        var cut = await RenderSettingsAsync();

        cut.Find("[data-testid=settings-hours-opens-mon]").Input("09:00");
        cut.Find("[data-testid=settings-hours-closes-mon]").Input("16:00");
        cut.Find("[data-testid=settings-hours-closed-sun]").Change(true);
        cut.Find("[data-testid=settings-hours-save]").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=settings-hours-error]").ShouldBeEmpty());
        cut.WaitForAssertion(async () =>
        {
            var stored = OpeningHours.Parse(await StoredHoursAsync());
            stored.For(DayOfWeek.Monday).ShouldBe(new DayHours(new TimeOnly(9, 0), new TimeOnly(16, 0)));
            stored.For(DayOfWeek.Sunday).ShouldBeNull();
            stored.For(DayOfWeek.Tuesday)!.Closes.ShouldBe(DayHours.EndOfDay);
        });
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
