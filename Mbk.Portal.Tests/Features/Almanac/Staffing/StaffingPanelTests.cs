using Bunit;
using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Live;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

/// <summary>The /almanac/staffing week grid on a real SQLite file.</summary>
public sealed class StaffingPanelTests : MudBunitContext
{
    private static readonly DateOnly Today = StaffingTestOffice.Today;
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;

    public override async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
        Services.AddSingleton<ILiveEventBus>(_database.Bus);
        Services.AddSingleton(_office.Queries);
        Services.AddSingleton(_office.Forecasts);
        Services.AddSingleton(_office.Commands);
        RenderMudProviders();
    }

    private IRenderedComponent<StaffingPanel> RenderPanel(StaffContext staff, string? week = null)
    {
        var cut = Render<StaffingPanel>(p => p.Add(c => c.Staff, staff).Add(c => c.Week, week));
        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-grid]"));
        return cut;
    }

    private static string Cell(DateOnly day, DayPart part, int placeId) => $"{day:yyyy-MM-dd}-{part}-{placeId}";

    private static IRenderedComponent<MudSelect<string>> Select(IRenderedComponent<StaffingPanel> cut, string cell) =>
        cut.FindComponents<MudSelect<string>>().Single(s => Equals(s.Instance.UserAttributes["data-testid"], $"staffing-select-{cell}"));

    private static Task PickAsync(IRenderedComponent<StaffingPanel> cut, string cell, string userId)
    {
        var select = Select(cut, cell);
        return cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(userId));
    }

    [Fact]
    public void ShouldShowThisIsoWeekWithPositionsAsRowsAndWeekdaysAsColumns()
    {
        var cut = RenderPanel(_office.Amina);

        cut.Find("[data-testid=staffing-week-label]").TextContent.ShouldBe("Vecka 48");
        cut.Find("[data-testid=staffing-week-dates]").TextContent.ShouldBe("23 november – 29 november 2026");
        cut.FindAll("[data-testid^=staffing-row-]").Count.ShouldBe(5);
        cut.FindAll("[data-testid^=staffing-day-]").Select(e => e.TextContent).ShouldBe(["mån 23/11", "tis 24/11", "ons 25/11", "tors 26/11", "fre 27/11"]);
        cut.FindAll($"[data-testid=staffing-cell-{Cell(Today, DayPart.Forenoon, _office.Table1.Id)}]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ShouldSaveAndShowPersonWhenStaffMemberIsPickedInACell()
    {
        var cut = RenderPanel(_office.Amina);
        var cell = Cell(Today, DayPart.Forenoon, _office.Table1.Id);

        await PickAsync(cut, cell, _office.Bo.UserId);

        cut.WaitForAssertion(() => cut.Find($"[data-testid=staffing-cell-{cell}]").GetAttribute("data-staff-user-id").ShouldBe(_office.Bo.UserId));
        cut.Find($"[data-testid=staffing-remove-{cell}]").ShouldNotBeNull();
        (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).Assignments.ShouldHaveSingleItem().StaffName.ShouldBe("Bo Vägledare");
    }

    [Fact]
    public async Task ShouldShowSwedishReasonWhenPersonIsAlreadyPlacedElsewhere()
    {
        await _office.Commands.AssignAsync(_office.Bo, Today, DayPart.Forenoon, _office.Desk.Id, _office.Bo.UserId);
        var cut = RenderPanel(_office.Amina);
        var cell = Cell(Today, DayPart.Forenoon, _office.Table1.Id);

        await PickAsync(cut, cell, _office.Bo.UserId);

        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-error]").TextContent.ShouldContain("Bo Vägledare är redan inplanerad på Informationsdisken"));
        cut.Find($"[data-testid=staffing-cell-{cell}]").GetAttribute("data-staff-user-id").ShouldBeNull();
    }

    [Fact]
    public async Task ShouldEmptyTheCellWhenRemoveIsClicked()
    {
        await _office.Commands.AssignAsync(_office.Bo, Today, DayPart.Evening, _office.Desk.Id, _office.Bo.UserId);
        var cut = RenderPanel(_office.Amina);
        var cell = Cell(Today, DayPart.Evening, _office.Desk.Id);

        cut.Find($"[data-testid=staffing-remove-{cell}]").Click();

        cut.WaitForAssertion(() => cut.FindAll($"[data-testid=staffing-remove-{cell}]").ShouldBeEmpty());
        (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldSaveANoteAndShowItInTheCellWhenANoteIsWritten()
    {
        await _office.Commands.AssignAsync(_office.Bo, Today, DayPart.Forenoon, _office.Desk.Id, _office.Bo.UserId);
        var cut = RenderPanel(_office.Amina);
        var cell = Cell(Today, DayPart.Forenoon, _office.Desk.Id);

        cut.Find($"[data-testid=staffing-note-edit-{cell}]").Click();
        cut.Find($"input[data-testid=staffing-note-input-{cell}]").Input("Tolkar somaliska");
        cut.Find($"[data-testid=staffing-note-save-{cell}]").Click();

        cut.WaitForAssertion(() => cut.Find($"[data-testid=staffing-note-{cell}]").TextContent.ShouldBe("Tolkar somaliska"));
        cut.FindAll($"[data-testid=staffing-note-input-{cell}]").ShouldBeEmpty();
        (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).Assignments.ShouldHaveSingleItem().Note.ShouldBe("Tolkar somaliska");
    }

    [Fact]
    public async Task ShouldKeepTheDraftAndShowTheReasonWhenANoteIsTooLong()
    {
        await _office.Commands.AssignAsync(_office.Bo, Today, DayPart.Forenoon, _office.Desk.Id, _office.Bo.UserId);
        var cut = RenderPanel(_office.Amina);
        var cell = Cell(Today, DayPart.Forenoon, _office.Desk.Id);
        var tooLong = new string('x', 201);

        cut.Find($"[data-testid=staffing-note-edit-{cell}]").Click();
        cut.Find($"input[data-testid=staffing-note-input-{cell}]").Input(tooLong);
        cut.Find($"[data-testid=staffing-note-save-{cell}]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-error]").TextContent.ShouldContain("Anteckningen"));
        cut.Find($"input[data-testid=staffing-note-input-{cell}]").GetAttribute("value").ShouldBe(tooLong);
        (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).Assignments.ShouldHaveSingleItem().Note.ShouldBeNull();
    }

    [Fact]
    public async Task ShouldShowPassedDaysReadOnlyForAdvisorButEditableForManager()
    {
        await _office.Commands.AssignAsync(_office.Manager, Today.AddDays(-1), DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId);
        var pastCell = Cell(Today.AddDays(-1), DayPart.Forenoon, _office.Desk.Id);

        var advisor = RenderPanel(_office.Bo);
        var manager = RenderPanel(_office.Manager);

        advisor.Find($"[data-testid=staffing-name-{pastCell}]").TextContent.ShouldBe("Amina Vägledare");
        advisor.FindAll($"[data-testid=staffing-remove-{pastCell}]").ShouldBeEmpty();
        manager.Find($"[data-testid=staffing-remove-{pastCell}]").ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldUpdateCellWhenAnotherUserAssignsThroughTheService()
    {
        var cut = RenderPanel(_office.Amina);
        var cell = Cell(Today.AddDays(1), DayPart.Afternoon, _office.Table2.Id);

        await _office.Commands.AssignAsync(_office.Bo, Today.AddDays(1), DayPart.Afternoon, _office.Table2.Id, _office.Bo.UserId);

        cut.WaitForAssertion(() => cut.Find($"[data-testid=staffing-cell-{cell}]").GetAttribute("data-staff-user-id").ShouldBe(_office.Bo.UserId));
    }

    [Fact]
    public void ShouldNavigateBetweenWeeksWhenPrevNextAndThisWeekAreClicked()
    {
        var cut = RenderPanel(_office.Amina, "2027-W01");
        cut.Find("[data-testid=staffing-week-label]").TextContent.ShouldBe("Vecka 1");

        cut.Find("button[data-testid=staffing-prev-week]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-week-label]").TextContent.ShouldBe("Vecka 53"));
        cut.Find("[data-testid=staffing-week-dates]").TextContent.ShouldBe("28 december – 3 januari 2027");

        cut.Find("button[data-testid=staffing-next-week]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-week-label]").TextContent.ShouldBe("Vecka 1"));

        cut.Find("[data-testid=staffing-this-week]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-week-label]").TextContent.ShouldBe("Vecka 48"));
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith("/almanac/staffing?week=2026-W48");
    }

    [Fact]
    public async Task ShouldCopyWeekAndReportSkippedCellsWhenCopyWeekIsClicked()
    {
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Forenoon, _office.Table1.Id, _office.Amina.UserId);
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Afternoon, _office.Desk.Id, _office.Bo.UserId);
        await _office.Commands.AssignAsync(_office.Amina, Today.AddDays(7), DayPart.Afternoon, _office.Desk.Id, _office.Amina.UserId);
        var cut = RenderPanel(_office.Amina);

        cut.Find("[data-testid=staffing-copy-week]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-copy-report]").TextContent.ShouldContain("1 pass kopierades till vecka 49"));
        cut.Find("[data-testid=staffing-copy-skipped]").TextContent.ShouldContain("Informationsdisken är redan bemannad med Amina Vägledare");
        cut.Find("[data-testid=staffing-copy-goto]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=staffing-week-label]").TextContent.ShouldBe("Vecka 49"));
        cut.Find($"[data-testid=staffing-cell-{Cell(Today.AddDays(7), DayPart.Forenoon, _office.Table1.Id)}]").GetAttribute("data-staff-user-id").ShouldBe(_office.Amina.UserId);
    }
}
