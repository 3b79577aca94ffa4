using System.Collections.Concurrent;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Staffing;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Tests.TestSupport;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Tests.Features.Almanac.Staffing;

/// <summary>Staffing commands and queries on a real SQLite file, including two editors racing for the same cell.</summary>
[Trait("Providers", "Both")]
public sealed class StaffingCommandsTests : IAsyncLifetime
{
    private static readonly DateOnly Today = StaffingTestOffice.Today;
    private TestDatabase _database = default!;
    private StaffingTestOffice _office = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _office = await StaffingTestOffice.CreateAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldShowAssignmentInTheDayAndPublishAlmanacChangedWhenStaffIsAssigned()
    {
        var published = new ConcurrentQueue<IOfficeEvent>();
        using var subscription = _database.Bus.Subscribe(_office.Office.Id, e =>
        {
            published.Enqueue(e);
            return Task.CompletedTask;
        });

        await _office.Commands.AssignAsync(_office.Bo, Today, DayPart.Forenoon, _office.Table1.Id, _office.Amina.UserId, "Tolkar arabiska");

        var day = await _office.Queries.GetDayAsync(_office.Office.Id, Today);
        var row = day.Assignments.ShouldHaveSingleItem();
        row.PlaceName.ShouldBe("Bord 1");
        row.StaffName.ShouldBe("Amina Vägledare");
        row.Note.ShouldBe("Tolkar arabiska");
        await _database.Bus.WhenDeliveredAsync();
        published.ShouldBe([new AlmanacChanged(_office.Office.Id, AlmanacArea.Staffing)]);
    }

    [Fact]
    public async Task ShouldLetExactlyOneWinWhenTwoEditorsAssignTheSameCellAtOnce()
    {
        // Several cells, each raced by two editors placing different people: one wins, the other is told why.
        var parts = DayParts.All;
        for (var round = 0; round < parts.Count; round++)
        {
            var part = parts[round];
            using var start = new ManualResetEventSlim(false);
            var first = Task.Run(async () =>
            {
                start.Wait();
                return await _office.Commands.AssignAsync(_office.Amina, Today, part, _office.Table2.Id, _office.Amina.UserId);
            });
            var second = Task.Run(async () =>
            {
                start.Wait();
                return await _office.Commands.AssignAsync(_office.Bo, Today, part, _office.Table2.Id, _office.Bo.UserId);
            });
            start.Set();

            var outcomes = await Task.WhenAll(Outcome(first), Outcome(second));

            outcomes.Count(o => o is null).ShouldBe(1, "exactly one assignment wins");
            var refusal = outcomes.Single(o => o is not null)!;
            refusal.ShouldBeOfType<DomainException>();
            refusal.Message.ShouldContain("redan bemannad");
        }

        await using var db = _database.CreateDbContext();
        (await db.StaffingAssignments.CountAsync(a => a.OfficeId == _office.Office.Id && a.PlaceId == _office.Table2.Id)).ShouldBe(parts.Count);
    }

    [Fact]
    public async Task ShouldRefuseDoubleBookingInTheDatabaseWhenRuleChecksAreBypassed()
    {
        // Two rosters loaded before either saved (as two servers would): the unique index refuses the second.
        var positions = new Dictionary<int, string> { [_office.Table1.Id] = "Bord 1" };
        StaffMember[] staff = [new(_office.Amina.UserId, "Amina"), new(_office.Bo.UserId, "Bo")];
        var editor = new StaffingEditor("Test", IsManager: true, Today, _office.Clock.GetUtcNow());
        await using var firstDb = _database.CreateDbContext();
        await using var secondDb = _database.CreateDbContext();
        var firstRoster = new StaffingRoster(_office.Office.Id, [], positions, staff);
        var secondRoster = new StaffingRoster(_office.Office.Id, [], positions, staff);
        firstDb.StaffingAssignments.Add(firstRoster.Assign(Today, DayPart.Evening, _office.Table1.Id, _office.Amina.UserId, null, editor));
        secondDb.StaffingAssignments.Add(secondRoster.Assign(Today, DayPart.Evening, _office.Table1.Id, _office.Bo.UserId, null, editor));
        await firstDb.SaveChangesAsync();

        var refused = await Should.ThrowAsync<DbUpdateException>(() => secondDb.SaveChangesAsync());

        // SQLite names the columns ("… StaffingAssignments.PlaceId"), PostgreSQL the index (IX_StaffingAssignments_Position).
        var key = DatabaseErrors.ViolatedUniqueKey(refused).ShouldNotBeNull();
        (key.Contains(".PlaceId", StringComparison.Ordinal) || key.Contains(Mbk.Portal.Infrastructure.Persistence.Configurations.StaffingAssignmentConfiguration.PositionIndex, StringComparison.Ordinal)).ShouldBeTrue(key);
    }

    [Fact]
    public async Task ShouldRefuseWhenPersonIsPlacedTwiceInTheSameDayPart()
    {
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Afternoon, _office.Desk.Id, _office.Amina.UserId);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            _office.Commands.AssignAsync(_office.Bo, Today, DayPart.Afternoon, _office.Table1.Id, _office.Amina.UserId));

        refused.Message.ShouldBe("Amina Vägledare är redan inplanerad på Informationsdisken tisdag 24 november eftermiddag. En person kan bara vara på en plats åt gången.");
    }

    [Fact]
    public async Task ShouldRefuseAdvisorButAllowManagerWhenDateHasPassed()
    {
        var yesterday = Today.AddDays(-1);

        var refused = await Should.ThrowAsync<DomainException>(() =>
            _office.Commands.AssignAsync(_office.Amina, yesterday, DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId));
        await _office.Commands.AssignAsync(_office.Manager, yesterday, DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId);

        refused.Message.ShouldBe("Bemanningen för en dag som redan har passerat kan bara ändras av en chef.");
        (await _office.Queries.GetDayAsync(_office.Office.Id, yesterday)).Assignments.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task ShouldRefuseDeactivatedAccountWhenAssigning()
    {
        var refused = await Should.ThrowAsync<DomainException>(() =>
            _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Forenoon, _office.Desk.Id, _office.InactiveUserId));

        refused.Message.ShouldBe("Personen hör inte till kontoret eller är inte längre aktiv.");
    }

    [Fact]
    public async Task ShouldRefuseStaffOfAnotherOfficeWhenChangingOrRemoving()
    {
        var id = await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Forenoon, _office.Desk.Id, _office.Amina.UserId);
        var other = await _database.AddOfficeAsync("Medborgarkontoret Annat", "annat-" + Guid.NewGuid().ToString("N")[..8]);
        var stranger = TestDatabase.Staff(other, StaffRoles.Manager);

        (await Should.ThrowAsync<DomainException>(() => _office.Commands.RemoveAsync(stranger, id))).Message
            .ShouldBe("Bemanningen finns inte längre; någon annan kan ha tagit bort den.");
        await Should.ThrowAsync<DomainException>(() => _office.Commands.ChangeAsync(stranger, id, _office.Bo.UserId, null));
        (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).Assignments.ShouldHaveSingleItem().StaffUserId.ShouldBe(_office.Amina.UserId);
    }

    [Fact]
    public async Task ShouldChangePersonAndThenEmptyTheCellWhenChangedAndRemoved()
    {
        var id = await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Evening, _office.Desk.Id, _office.Amina.UserId);

        await _office.Commands.ChangeAsync(_office.Amina, id, _office.Bo.UserId, "Byter med Amina");
        var changed = (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).Assignments.ShouldHaveSingleItem();
        await _office.Commands.RemoveAsync(_office.Bo, id);

        changed.StaffName.ShouldBe("Bo Vägledare");
        changed.Note.ShouldBe("Byter med Amina");
        (await _office.Queries.GetDayAsync(_office.Office.Id, Today)).IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldCopyFreeCellsToNextWeekAndReportSkippedOnesWhenCopyingAWeek()
    {
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Forenoon, _office.Table1.Id, _office.Amina.UserId);
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Afternoon, _office.Desk.Id, _office.Bo.UserId);
        await _office.Commands.AssignAsync(_office.Amina, Today.AddDays(7), DayPart.Afternoon, _office.Desk.Id, _office.Amina.UserId);

        var report = await _office.Commands.CopyWeekToNextAsync(_office.Amina, 2026, 48);

        report.Target.ShouldBe(new IsoWeekNumber(2026, 49));
        report.Copied.ShouldBe(1);
        report.Skipped.ShouldBe(["tisdag 1 december eftermiddag: Informationsdisken är redan bemannad med Amina Vägledare (Bo Vägledare kopierades inte)."]);
        var nextWeek = await _office.Queries.GetWeekAsync(_office.Office.Id, 2026, 49);
        nextWeek.At(Today.AddDays(7), DayPart.Forenoon, _office.Table1.Id).ShouldNotBeNull().StaffName.ShouldBe("Amina Vägledare");
        nextWeek.Assignments.Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldListPositionsInOrderAndOnlyActiveStaffWhenReadingAWeek()
    {
        var week = await _office.Queries.GetWeekAsync(_office.Office.Id, 2026, 48);
        var staff = await _office.Queries.GetStaffAsync(_office.Office.Id);

        week.Positions.Select(p => p.Name).ShouldBe(["Informationsdisken", "Bord 1", "Bord 2", "Bord 3", "Bord 4"]);
        week.Days[0].ShouldBe(new DateOnly(2026, 11, 23));
        week.Today.ShouldBe(Today);
        staff.Select(s => s.DisplayName).ShouldBe(["Amina Vägledare", "Bo Vägledare", "Maria Chef"]);
    }

    [Fact]
    public async Task ShouldGiveOneAlmanacEntryPerAssignmentWithDayPartTimesAndWeekLink()
    {
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Forenoon, _office.Table2.Id, _office.Amina.UserId);
        await _office.Commands.AssignAsync(_office.Amina, Today, DayPart.Evening, _office.Desk.Id, _office.Bo.UserId, "Advokatjour");
        var source = new StaffingAlmanacSource(_office.Queries);

        var entries = await source.GetEntriesAsync(_office.Office.Id, new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29));

        entries.ShouldBe(
        [
            new AlmanacEntry(Today, new TimeOnly(9, 0), new TimeOnly(12, 0), CalendarEventKind.Staffing, "Bord 2: Amina Vägledare (förmiddag)", null, "/almanac/staffing?week=2026-W48"),
            new AlmanacEntry(Today, new TimeOnly(16, 0), new TimeOnly(19, 0), CalendarEventKind.Staffing, "Informationsdisken: Bo Vägledare (kväll)", "Advokatjour", "/almanac/staffing?week=2026-W48"),
        ]);
    }

    private static async Task<Exception?> Outcome(Task<int> task)
    {
        try
        {
            await task;
            return null;
        }
        catch (DomainException ex)
        {
            return ex;
        }
    }
}
