using Mbk.Domain.Almanac;

namespace Mbk.Portal.Features.Almanac.Staffing;

/// <summary>One filled cell: who is at which position for which day part.</summary>
public sealed record StaffingAssignmentView(
    int Id, DateOnly Date, DayPart DayPart, int PlaceId, string PlaceName, int PlaceSortOrder, string StaffUserId, string StaffName, string? Note);

/// <summary>A position (row of the week grid). Retired places appear only when they still hold staffing.</summary>
public sealed record StaffingPositionView(int PlaceId, string Name, bool IsActive);

/// <summary>A staff member who can be picked for a cell.</summary>
public sealed record StaffOption(string UserId, string DisplayName);

/// <summary>The staffing of one day, ordered by day part and position.</summary>
public sealed record StaffingDayView(DateOnly Date, IReadOnlyList<StaffingAssignmentView> Assignments)
{
    public bool IsEmpty => Assignments.Count == 0;
}

/// <summary>The staffing of one ISO week: positions (rows), days (columns) and the filled cells.</summary>
public sealed record StaffingWeekView(
    IsoWeekNumber Week,
    DateOnly Today,
    IReadOnlyList<StaffingPositionView> Positions,
    IReadOnlyList<StaffingAssignmentView> Assignments)
{
    public IReadOnlyList<DateOnly> Days => Week.Days;

    public StaffingAssignmentView? At(DateOnly date, DayPart dayPart, int placeId) =>
        Assignments.FirstOrDefault(a => a.Date == date && a.DayPart == dayPart && a.PlaceId == placeId);

    /// <summary>Where a person already is in a day part (to show them as taken in other cells).</summary>
    public StaffingAssignmentView? Of(DateOnly date, DayPart dayPart, string staffUserId) =>
        Assignments.FirstOrDefault(a => a.Date == date && a.DayPart == dayPart && a.StaffUserId == staffUserId);
}

/// <summary>What "Kopiera veckan" did: how many cells were copied to which week, and the skipped ones with reasons.</summary>
public sealed record StaffingCopyReport(IsoWeekNumber Target, int Copied, IReadOnlyList<string> Skipped);
