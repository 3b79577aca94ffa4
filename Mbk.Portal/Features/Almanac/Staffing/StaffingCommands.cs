using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>
/// Changes to the staffing (bemanning). It is a shared almanac: any staff member of the office may edit it, but only
/// for the office they work in right now. Each change is one write transaction (SQLite takes the write lock at BEGIN,
/// so the rule checks and the write are atomic); the unique indexes refuse a double booking should two writers ever
/// race past the checks. Events (<see cref="AlmanacChanged"/>) are published after the commit.
/// </summary>
public sealed class StaffingCommands(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    private const string OtherOfficeRefusal = "Du kan bara ändra bemanningen på ditt eget kontor.";

    public const string PositionTakenMessage = "Någon annan hann före: platsen är redan bemannad för det passet. Inget ändrades; välj en annan plats eller person.";
    public const string PersonTakenMessage = "Någon annan hann före: personen är redan inplanerad på en annan plats under det passet. Inget ändrades.";

    /// <summary>Puts a staff member in an empty cell. Returns the new assignment's id.</summary>
    public async Task<int> AssignAsync(
        StaffContext actor, DateOnly date, DayPart dayPart, int placeId, string staffUserId, string? note = null, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor, OtherOfficeRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (roster, editor) = await LoadAsync(db, actor, officeId, date, date, cancellationToken);
        var assignment = roster.Assign(date, dayPart, placeId, staffUserId, note, editor);
        db.StaffingAssignments.Add(assignment);
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return assignment.Id;
    }

    /// <summary>Another person, or a new note, in a filled cell.</summary>
    public async Task ChangeAsync(StaffContext actor, int assignmentId, string staffUserId, string? note, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor, OtherOfficeRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var date = await DateOfAsync(db, officeId, assignmentId, cancellationToken);
        var (roster, editor) = await LoadAsync(db, actor, officeId, date, date, cancellationToken);
        roster.Change(roster.Assignments.Single(a => a.Id == assignmentId), staffUserId, note, editor);
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Empties a cell.</summary>
    public async Task RemoveAsync(StaffContext actor, int assignmentId, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor, OtherOfficeRefusal);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var date = await DateOfAsync(db, officeId, assignmentId, cancellationToken);
        var (roster, editor) = await LoadAsync(db, actor, officeId, date, date, cancellationToken);
        db.StaffingAssignments.Remove(roster.Remove(roster.Assignments.Single(a => a.Id == assignmentId), editor));
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Copies ISO week <paramref name="isoWeek"/> to the next week: every cell that is free there is filled the same
    /// way; the others are skipped and reported.
    /// </summary>
    public async Task<StaffingCopyReport> CopyWeekToNextAsync(StaffContext actor, int isoYear, int isoWeek, CancellationToken cancellationToken = default)
    {
        var officeId = StaffAccess.RequireOffice(actor, OtherOfficeRefusal);
        if (!IsoWeekNumber.IsValid(isoYear, isoWeek))
        {
            throw new DomainException($"Vecka {isoWeek} år {isoYear} finns inte.");
        }

        var source = new IsoWeekNumber(isoYear, isoWeek);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (roster, editor) = await LoadAsync(db, actor, officeId, source.Monday, source.Next.Sunday, cancellationToken);
        var result = roster.CopyWeekToNext(source.Monday, editor);
        db.StaffingAssignments.AddRange(result.Created);
        await SaveAsync(db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StaffingCopyReport(source.Next, result.Created.Count, result.Skipped.Select(s => s.Reason).ToList());
    }

    private async Task<(StaffingRoster Roster, StaffingEditor Editor)> LoadAsync(
        PortalDbContext db, StaffContext actor, int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = await StaffingQueries.TodayAsync(db, officeId, now, cancellationToken);
        var assignments = await db.StaffingAssignments
            .Where(a => a.OfficeId == officeId && a.Date >= first && a.Date <= last)
            .ToListAsync(cancellationToken);
        var positions = await db.Places.AsNoTracking()
            .Where(p => p.OfficeId == officeId && p.IsActive)
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var staff = await StaffingQueries.ActiveStaffAsync(db, officeId, cancellationToken);
        return (new StaffingRoster(officeId, assignments, positions, staff), new StaffingEditor(actor.DisplayName, actor.IsManager, today, now));
    }

    private static async Task<DateOnly> DateOfAsync(PortalDbContext db, int officeId, int assignmentId, CancellationToken cancellationToken) =>
        await db.StaffingAssignments.Where(a => a.Id == assignmentId && a.OfficeId == officeId).Select(a => (DateOnly?)a.Date).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("Bemanningen finns inte längre; någon annan kan ha tagit bort den.");

    private static async Task SaveAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.ViolatedUniqueKey(ex) is { } key)
        {
            // One of the two staffing indexes refused the row; its name or message names the columns.
            var person = key.Contains(".StaffUserId", StringComparison.Ordinal) || key.Contains(Infrastructure.Persistence.Configurations.StaffingAssignmentConfiguration.PersonIndex, StringComparison.Ordinal);
            throw new DomainException(person ? PersonTakenMessage : PositionTakenMessage, ex);
        }
    }
}
