using Mbk.Domain.Almanac;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>Puts every staffing assignment in the almanac: "Bord 2: Amina (förmiddag)", at the day part's times.</summary>
public sealed class StaffingAlmanacSource(StaffingQueries queries) : IAlmanacEntrySource
{
    public async Task<IReadOnlyList<AlmanacEntry>> GetEntriesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        var assignments = await queries.GetRangeAsync(officeId, first, last, cancellationToken);
        return assignments.Select(ToEntry).ToList();
    }

    public static AlmanacEntry ToEntry(StaffingAssignmentView assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return new AlmanacEntry(
            assignment.Date,
            assignment.DayPart.DefaultStart(),
            assignment.DayPart.DefaultEnd(),
            CalendarEventKind.Staffing,
            $"{assignment.PlaceName}: {assignment.StaffName} ({assignment.DayPart.SwedishNameLower()})",
            assignment.Note,
            StaffingLinks.Week(IsoWeekNumber.Of(assignment.Date)));
    }
}

public static class StaffingLinks
{
    public const string Page = "/almanac/staffing";

    /// <summary>"/almanac/staffing?week=2026-W48".</summary>
    public static string Week(IsoWeekNumber week) => $"{Page}?week={week}";
}
