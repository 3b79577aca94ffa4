using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>Reads staffing: a day (start page, morning meeting), an ISO week (the staffing page) and the office's staff.</summary>
public sealed class StaffingQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The office-local date today.</summary>
    public async Task<DateOnly> TodayAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
    }

    public async Task<StaffingDayView> GetDayAsync(int officeId, DateOnly date, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new StaffingDayView(date, await RangeAsync(db, officeId, date, date, cancellationToken));
    }

    public async Task<StaffingWeekView> GetWeekAsync(int officeId, int isoYear, int isoWeek, CancellationToken cancellationToken = default)
    {
        if (!IsoWeekNumber.IsValid(isoYear, isoWeek))
        {
            throw new DomainException($"Vecka {isoWeek} år {isoYear} finns inte.");
        }

        var week = new IsoWeekNumber(isoYear, isoWeek);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assignments = await RangeAsync(db, officeId, week.Monday, week.Sunday, cancellationToken);
        var usedPlaces = assignments.Select(a => a.PlaceId).Distinct().ToList();
        var positions = await db.Places.AsNoTracking()
            .Where(p => p.OfficeId == officeId && (p.IsActive || usedPlaces.Contains(p.Id)))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Name)
            .Select(p => new StaffingPositionView(p.Id, p.Name, p.IsActive))
            .ToListAsync(cancellationToken);
        var today = await TodayAsync(db, officeId, clock.GetUtcNow(), cancellationToken);
        return new StaffingWeekView(week, today, positions, assignments);
    }

    /// <summary>Every assignment from <paramref name="first"/> to <paramref name="last"/> (both included).</summary>
    public async Task<IReadOnlyList<StaffingAssignmentView>> GetRangeAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RangeAsync(db, officeId, first, last, cancellationToken);
    }

    /// <summary>The active staff accounts of the office, by name: who can be picked for a cell.</summary>
    public async Task<IReadOnlyList<StaffOption>> GetStaffAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await ActiveStaffAsync(db, officeId, cancellationToken);
        return members.Select(m => new StaffOption(m.UserId, m.DisplayName)).ToList();
    }

    /// <summary>Active accounts with a membership of the office (deactivated accounts are left out).</summary>
    internal static async Task<List<StaffMember>> ActiveStaffAsync(PortalDbContext db, int officeId, CancellationToken cancellationToken)
    {
        var members = await (from m in db.OfficeMemberships
                             join u in db.Users on m.UserId equals u.Id
                             where m.OfficeId == officeId && u.IsActive
                             select new StaffMember(u.Id, u.DisplayName)).ToListAsync(cancellationToken);
        return members.OrderBy(m => m.DisplayName, StringComparer.Create(Components.OfficeTime.Swedish, ignoreCase: true)).ToList();
    }

    internal static async Task<DateOnly> TodayAsync(PortalDbContext db, int officeId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new DomainException("Kontoret finns inte.");
        return Domain.Queue.ServiceDayCalculator.ServiceDay(now, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    private static async Task<IReadOnlyList<StaffingAssignmentView>> RangeAsync(
        PortalDbContext db, int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.StaffingAssignments.AsNoTracking()
                          join p in db.Places on a.PlaceId equals p.Id
                          where a.OfficeId == officeId && a.Date >= first && a.Date <= last
                          select new StaffingAssignmentView(a.Id, a.Date, a.DayPart, a.PlaceId, p.Name, p.SortOrder, a.StaffUserId, a.StaffName, a.Note))
            .ToListAsync(cancellationToken);

        // Day parts are stored by name, so order them here rather than in SQL.
        return rows.OrderBy(a => a.Date).ThenBy(a => a.DayPart).ThenBy(a => a.PlaceSortOrder).ThenBy(a => a.PlaceName, StringComparer.Ordinal).ToList();
    }
}
