using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

public sealed class TodaysStaffingCardTests : MudBunitContext
{
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton(_office.Queries);
        RenderMudProviders();
    }

    private IRenderedComponent<TodaysStaffingCard> RenderCard() =>
        Render<TodaysStaffingCard>(p => p.Add(c => c.OfficeId, _office.Office.Id));

    [Fact]
    public void ShouldSayNoStaffingWhenNothingIsPlannedToday()
    {
        var cut = RenderCard();

        cut.WaitForAssertion(() => cut.Find("[data-testid=todays-staffing-empty]").TextContent.ShouldBe("Ingen bemanning inlagd för i dag"));
        cut.FindAll("[data-testid=todays-staffing-row]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldListTodayByDayPartAndPositionButNotOtherDays()
    {
        await _office.Commands.AssignAsync(_office.Amina, StaffingTestOffice.Today, DayPart.Afternoon, _office.Table1.Id, _office.Bo.UserId);
        await _office.Commands.AssignAsync(_office.Amina, StaffingTestOffice.Today, DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId, "Tolkar somaliska");
        await _office.Commands.AssignAsync(_office.Amina, StaffingTestOffice.Today.AddDays(1), DayPart.Forenoon, _office.Desk.Id, _office.Bo.UserId);

        var cut = RenderCard();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=todays-staffing-row]").Count.ShouldBe(2));
        cut.FindAll("[data-testid=todays-staffing-daypart]").Select(e => e.TextContent).ShouldBe(["Förmiddag 09–12", "Eftermiddag 12–16"]);
        cut.FindAll("[data-testid=todays-staffing-row]").Select(e => e.TextContent.Trim()).ShouldBe(
            ["Informationsdisken: Amina Vägledare – Tolkar somaliska", "Bord 1: Bo Vägledare"]);
        cut.Find("[data-testid=todays-staffing-link]").GetAttribute("href").ShouldBe("/almanac/staffing?week=2026-W48");
    }

    [Fact]
    public async Task ShouldShowNewAssignmentWhenAnotherUserAssignsThroughTheService()
    {
        var cut = RenderCard();
        cut.WaitForAssertion(() => cut.Find("[data-testid=todays-staffing-empty]"));

        await _office.Commands.AssignAsync(_office.Bo, StaffingTestOffice.Today, DayPart.Evening, _office.Table2.Id, _office.Bo.UserId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=todays-staffing-row]").TextContent.Trim().ShouldBe("Bord 2: Bo Vägledare"));
        cut.FindAll("[data-testid=todays-staffing-empty]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldUnsubscribeWhenCardIsDisposed()
    {
        var cut = RenderCard();
        cut.WaitForAssertion(() => _database.Bus.SubscriberCount(_office.Office.Id).ShouldBe(1));

        await DisposeComponentsAsync();

        _database.Bus.SubscriberCount(_office.Office.Id).ShouldBe(0);
    }
}
