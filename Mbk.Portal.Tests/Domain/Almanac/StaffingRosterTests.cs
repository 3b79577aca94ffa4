using Mbk.Domain.Almanac;
using Mbk.Domain.Common;

namespace Mbk.Portal.Tests.Domain.Almanac;

public sealed class StaffingRosterTests
{
    private const int OfficeId = 7;
    private const int Desk = 1;
    private const int Table1 = 2;
    private const int Retired = 9;

    // Tuesday 24 November 2026; the week runs Monday 23 to Sunday 29.
    private static readonly DateOnly Today = new(2026, 11, 24);
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

    private static readonly StaffMember Amina = new("amina", "Amina");
    private static readonly StaffMember Bo = new("bo", "Bo");

    private static readonly StaffingEditor Advisor = new("Sara Vägledare", IsManager: false, Today, Now);
    private static readonly StaffingEditor Manager = new("Maria Chef", IsManager: true, Today, Now);

    private static StaffingRoster Roster(params StaffingAssignment[] existing) => new(
        OfficeId,
        existing,
        new Dictionary<int, string> { [Desk] = "Informationsdisken", [Table1] = "Bord 1" },
        [Amina, Bo]);

    [Fact]
    public void ShouldPlacePersonAndRaiseAlmanacChangedWhenCellIsFree()
    {
        var roster = Roster();

        var assignment = roster.Assign(Today, DayPart.Forenoon, Table1, "amina", "  Tolkar somaliska ", Advisor);

        assignment.StaffName.ShouldBe("Amina");
        assignment.Note.ShouldBe("Tolkar somaliska");
        assignment.ChangedByName.ShouldBe("Sara Vägledare");
        assignment.PendingEvents.ShouldHaveSingleItem().ShouldBe(new AlmanacChanged(OfficeId, AlmanacArea.Staffing));
        roster.Assignments.ShouldHaveSingleItem();
    }

    [Fact]
    public void ShouldRefuseSecondPersonWhenPositionIsTakenForTheDayPart()
    {
        var roster = Roster();
        roster.Assign(Today, DayPart.Forenoon, Table1, "amina", null, Advisor);

        var refused = Should.Throw<DomainException>(() => roster.Assign(Today, DayPart.Forenoon, Table1, "bo", null, Advisor));

        refused.Message.ShouldBe("Bord 1 är redan bemannad tisdag 24 november förmiddag (Amina).");
    }

    [Fact]
    public void ShouldRefuseSecondPositionWhenPersonIsAlreadyPlacedInTheDayPart()
    {
        var roster = Roster();
        roster.Assign(Today, DayPart.Afternoon, Desk, "amina", null, Advisor);

        var refused = Should.Throw<DomainException>(() => roster.Assign(Today, DayPart.Afternoon, Table1, "amina", null, Advisor));

        refused.Message.ShouldBe("Amina är redan inplanerad på Informationsdisken tisdag 24 november eftermiddag. En person kan bara vara på en plats åt gången.");
    }

    [Fact]
    public void ShouldAllowSamePersonInAnotherDayPartOrDay()
    {
        var roster = Roster();
        roster.Assign(Today, DayPart.Forenoon, Table1, "amina", null, Advisor);

        roster.Assign(Today, DayPart.Afternoon, Table1, "amina", null, Advisor);
        roster.Assign(Today.AddDays(1), DayPart.Forenoon, Table1, "amina", null, Advisor);

        roster.Assignments.Count.ShouldBe(3);
    }

    [Fact]
    public void ShouldRefuseAdvisorWhenDateHasPassed()
    {
        var refused = Should.Throw<DomainException>(() => Roster().Assign(Today.AddDays(-1), DayPart.Forenoon, Table1, "amina", null, Advisor));

        refused.Message.ShouldBe("Bemanningen för en dag som redan har passerat kan bara ändras av en chef.");
    }

    [Fact]
    public void ShouldLetManagerCorrectPassedDayWhenDateHasPassed()
    {
        var assignment = Roster().Assign(Today.AddDays(-1), DayPart.Forenoon, Table1, "amina", null, Manager);

        assignment.Date.ShouldBe(Today.AddDays(-1));
    }

    [Fact]
    public void ShouldRefuseWhenPersonIsNotActiveStaffOfTheOffice()
    {
        var refused = Should.Throw<DomainException>(() => Roster().Assign(Today, DayPart.Forenoon, Table1, "someone-else", null, Advisor));

        refused.Message.ShouldBe("Personen hör inte till kontoret eller är inte längre aktiv.");
    }

    [Fact]
    public void ShouldRefuseWhenPositionIsRetiredOrUnknown()
    {
        var refused = Should.Throw<DomainException>(() => Roster().Assign(Today, DayPart.Forenoon, Retired, "amina", null, Advisor));

        refused.Message.ShouldBe("Platsen finns inte på kontoret eller används inte längre.");
    }

    [Fact]
    public void ShouldRefuseNoteWhenItIsTooLong()
    {
        var refused = Should.Throw<DomainException>(() => Roster().Assign(Today, DayPart.Forenoon, Table1, "amina", new string('x', 201), Advisor));

        refused.Message.ShouldBe("Anteckningen får vara högst 200 tecken (nu 201).");
    }

    [Fact]
    public void ShouldChangePersonAndRaiseEventWhenNewPersonIsFree()
    {
        var existing = Roster().Assign(Today, DayPart.Forenoon, Table1, "amina", null, Advisor);
        existing.TakeEvents();
        var roster = Roster(existing);

        roster.Change(existing, "bo", "Byte", Manager);

        existing.StaffUserId.ShouldBe("bo");
        existing.StaffName.ShouldBe("Bo");
        existing.Note.ShouldBe("Byte");
        existing.PendingEvents.ShouldHaveSingleItem().ShouldBeOfType<AlmanacChanged>();
    }

    [Fact]
    public void ShouldRefuseChangeWhenNewPersonIsElsewhereInTheDayPart()
    {
        var roster = Roster();
        var atTable = roster.Assign(Today, DayPart.Forenoon, Table1, "amina", null, Advisor);
        roster.Assign(Today, DayPart.Forenoon, Desk, "bo", null, Advisor);

        var refused = Should.Throw<DomainException>(() => roster.Change(atTable, "bo", null, Advisor));

        refused.Message.ShouldStartWith("Bo är redan inplanerad på Informationsdisken");
        atTable.StaffUserId.ShouldBe("amina");
    }

    [Fact]
    public void ShouldRaiseEventAndForgetAssignmentWhenRemoved()
    {
        var existing = Roster().Assign(Today, DayPart.Evening, Desk, "bo", null, Advisor);
        existing.TakeEvents();
        var roster = Roster(existing);

        roster.Remove(existing, Advisor);

        roster.Assignments.ShouldBeEmpty();
        existing.PendingEvents.ShouldHaveSingleItem().ShouldBe(new AlmanacChanged(OfficeId, AlmanacArea.Staffing));
    }

    [Fact]
    public void ShouldRefuseAdvisorRemovingWhenDayHasPassed()
    {
        var past = Roster().Assign(Today.AddDays(-1), DayPart.Evening, Desk, "bo", null, Manager);

        Should.Throw<DomainException>(() => Roster(past).Remove(past, Advisor));
    }

    [Fact]
    public void ShouldCopyWeekAndReportSkippedCellsWhenNextWeekHasConflicts()
    {
        var roster = Roster();
        roster.Assign(Today, DayPart.Forenoon, Table1, "amina", "Tolk", Advisor);          // copies
        roster.Assign(Today, DayPart.Afternoon, Desk, "bo", null, Advisor);               // position taken next week
        roster.Assign(Today.AddDays(1), DayPart.Forenoon, Desk, "amina", null, Advisor);   // person busy next week
        roster.Assign(Today.AddDays(7), DayPart.Afternoon, Desk, "amina", null, Advisor);
        roster.Assign(Today.AddDays(8), DayPart.Forenoon, Table1, "amina", null, Advisor);

        var result = roster.CopyWeekToNext(Monday, Advisor);

        var copied = result.Created.ShouldHaveSingleItem();
        copied.Date.ShouldBe(Today.AddDays(7));
        copied.DayPart.ShouldBe(DayPart.Forenoon);
        copied.PlaceId.ShouldBe(Table1);
        copied.StaffName.ShouldBe("Amina");
        copied.Note.ShouldBe("Tolk");
        copied.PendingEvents.ShouldContain(new AlmanacChanged(OfficeId, AlmanacArea.Staffing));
        result.Skipped.Select(s => s.Reason).ShouldBe(
        [
            "tisdag 1 december eftermiddag: Informationsdisken är redan bemannad med Amina (Bo kopierades inte).",
            "onsdag 2 december förmiddag: Amina är redan inplanerad på Bord 1 (Informationsdisken kopierades inte).",
        ]);
    }

    [Fact]
    public void ShouldSkipPassedDaysForAdvisorWhenCopyingAnOldWeek()
    {
        var lastWeekMonday = Monday.AddDays(-7);
        var roster = Roster();
        roster.Assign(lastWeekMonday, DayPart.Forenoon, Table1, "amina", null, Manager);    // to Monday 23: passed
        roster.Assign(lastWeekMonday.AddDays(2), DayPart.Forenoon, Table1, "amina", null, Manager); // to Wednesday 25

        var result = roster.CopyWeekToNext(lastWeekMonday, Advisor);

        result.Created.ShouldHaveSingleItem().Date.ShouldBe(new DateOnly(2026, 11, 25));
        result.Skipped.ShouldHaveSingleItem().Reason.ShouldBe("måndag 23 november förmiddag: dagen har redan passerat.");
    }

    [Fact]
    public void ShouldRefuseCopyWhenWeekIsEmpty()
    {
        var refused = Should.Throw<DomainException>(() => Roster().CopyWeekToNext(Monday, Advisor));

        refused.Message.ShouldBe("Vecka 48 har ingen bemanning att kopiera.");
    }

    [Fact]
    public void ShouldGiveSwedishNamesAndDefaultTimesForEveryDayPart()
    {
        DayParts.All.Select(p => p.SwedishNameWithTimes()).ShouldBe(["Förmiddag 09–12", "Eftermiddag 12–16", "Kväll 16–19"]);
    }
}
