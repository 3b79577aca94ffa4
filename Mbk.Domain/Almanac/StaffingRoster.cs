using System.Globalization;
using Mbk.Domain.Common;

namespace Mbk.Domain.Almanac;

/// <summary>
/// The staffing of one office over the days it was loaded for, with the positions and staff that may be used.
/// Enforces the rules: one person at one position per day part, one person per position and day part, and days that
/// have passed are changed only by a manager (so the record of who actually worked is not rewritten by accident,
/// while a manager can still correct it afterwards). Today can be changed by everyone: plans change in the morning.
/// </summary>
public sealed class StaffingRoster
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    private readonly List<StaffingAssignment> _assignments;
    private readonly IReadOnlyDictionary<int, string> _positions;
    private readonly Dictionary<string, StaffMember> _staff;

    /// <param name="officeId">The office.</param>
    /// <param name="assignments">Every assignment of the office on the days that will be changed.</param>
    /// <param name="positions">The office's active positions (place id → name).</param>
    /// <param name="staff">The office's active staff members.</param>
    public StaffingRoster(int officeId, IEnumerable<StaffingAssignment> assignments, IReadOnlyDictionary<int, string> positions, IEnumerable<StaffMember> staff)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(staff);
        OfficeId = officeId;
        _assignments = assignments.ToList();
        if (_assignments.Any(a => a.OfficeId != officeId))
        {
            throw new ArgumentException("Every assignment must belong to the roster's office.", nameof(assignments));
        }

        _positions = positions;
        _staff = staff.ToDictionary(s => s.UserId, StringComparer.Ordinal);
    }

    public int OfficeId { get; }

    public IReadOnlyList<StaffingAssignment> Assignments => _assignments;

    /// <summary>Places <paramref name="staffUserId"/> at a position for a day part; the cell must be empty.</summary>
    public StaffingAssignment Assign(DateOnly date, DayPart dayPart, int placeId, string staffUserId, string? note, StaffingEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        EnsureMayEdit(date, editor);
        var position = Position(placeId);
        var staff = Member(staffUserId);
        EnsurePositionFree(date, dayPart, placeId, position, except: null);
        EnsurePersonFree(date, dayPart, staff, except: null);
        var assignment = StaffingAssignment.Create(OfficeId, date, dayPart, placeId, staff, note, editor);
        _assignments.Add(assignment);
        return assignment;
    }

    /// <summary>Puts another person (or a new note) in an existing cell.</summary>
    public void Change(StaffingAssignment assignment, string staffUserId, string? note, StaffingEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var existing = Known(assignment);
        EnsureMayEdit(existing.Date, editor);
        var staff = Member(staffUserId);
        EnsurePersonFree(existing.Date, existing.DayPart, staff, except: existing);
        existing.Change(staff, note, editor);
    }

    /// <summary>Empties a cell. The caller deletes the returned assignment.</summary>
    public StaffingAssignment Remove(StaffingAssignment assignment, StaffingEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        var existing = Known(assignment);
        EnsureMayEdit(existing.Date, editor);
        existing.MarkRemoved();
        _assignments.Remove(existing);
        return existing;
    }

    /// <summary>
    /// Copies the week starting <paramref name="sourceMonday"/> to the next week. Cells that cannot be copied are
    /// skipped and reported (position or person already taken, day passed, position retired, person no longer here);
    /// everything else is copied. The caller adds <see cref="StaffingCopyResult.Created"/>.
    /// </summary>
    public StaffingCopyResult CopyWeekToNext(DateOnly sourceMonday, StaffingEditor editor)
    {
        ArgumentNullException.ThrowIfNull(editor);
        if (sourceMonday.DayOfWeek != DayOfWeek.Monday)
        {
            throw new ArgumentException("A week starts on a Monday.", nameof(sourceMonday));
        }

        var sourceEnd = sourceMonday.AddDays(7);
        var source = _assignments
            .Where(a => a.Date >= sourceMonday && a.Date < sourceEnd)
            .OrderBy(a => a.Date).ThenBy(a => a.DayPart).ThenBy(a => a.PlaceId)
            .ToList();
        if (source.Count == 0)
        {
            throw new DomainException($"Vecka {ISOWeek.GetWeekOfYear(sourceMonday.ToDateTime(TimeOnly.MinValue))} har ingen bemanning att kopiera.");
        }

        var created = new List<StaffingAssignment>();
        var skipped = new List<StaffingCopySkip>();
        foreach (var from in source)
        {
            var date = from.Date.AddDays(7);
            var reason = SkipReason(from, date, editor);
            if (reason is not null)
            {
                skipped.Add(new StaffingCopySkip(date, from.DayPart, from.PlaceId, from.StaffName, reason));
                continue;
            }

            var copy = StaffingAssignment.Create(OfficeId, date, from.DayPart, from.PlaceId, _staff[from.StaffUserId], from.Note, editor);
            _assignments.Add(copy);
            created.Add(copy);
        }

        return new StaffingCopyResult(created, skipped);
    }

    /// <summary>"tisdag 24 november förmiddag".</summary>
    public static string Describe(DateOnly date, DayPart dayPart) =>
        $"{date.ToString("dddd d MMMM", Swedish)} {dayPart.SwedishNameLower()}";

    private string? SkipReason(StaffingAssignment from, DateOnly date, StaffingEditor editor)
    {
        var when = Describe(date, from.DayPart);
        if (date < editor.Today && !editor.IsManager)
        {
            return $"{when}: dagen har redan passerat.";
        }

        if (!_positions.TryGetValue(from.PlaceId, out var position))
        {
            return $"{when}: platsen används inte längre ({from.StaffName}).";
        }

        if (!_staff.ContainsKey(from.StaffUserId))
        {
            return $"{when}: {from.StaffName} hör inte längre till kontoret ({position}).";
        }

        if (At(date, from.DayPart).FirstOrDefault(a => a.PlaceId == from.PlaceId) is { } taken)
        {
            return $"{when}: {position} är redan bemannad med {taken.StaffName} ({from.StaffName} kopierades inte).";
        }

        if (At(date, from.DayPart).FirstOrDefault(a => a.StaffUserId == from.StaffUserId) is { } busy)
        {
            return $"{when}: {from.StaffName} är redan inplanerad på {PositionName(busy.PlaceId)} ({position} kopierades inte).";
        }

        return null;
    }

    private IEnumerable<StaffingAssignment> At(DateOnly date, DayPart dayPart) =>
        _assignments.Where(a => a.Date == date && a.DayPart == dayPart);

    private void EnsurePositionFree(DateOnly date, DayPart dayPart, int placeId, string position, StaffingAssignment? except)
    {
        if (At(date, dayPart).FirstOrDefault(a => a.PlaceId == placeId && a != except) is { } taken)
        {
            throw new DomainException($"{position} är redan bemannad {Describe(date, dayPart)} ({taken.StaffName}).");
        }
    }

    private void EnsurePersonFree(DateOnly date, DayPart dayPart, StaffMember staff, StaffingAssignment? except)
    {
        if (At(date, dayPart).FirstOrDefault(a => a.StaffUserId == staff.UserId && a != except) is { } busy)
        {
            throw new DomainException(
                $"{staff.DisplayName} är redan inplanerad på {PositionName(busy.PlaceId)} {Describe(date, dayPart)}. En person kan bara vara på en plats åt gången.");
        }
    }

    private static void EnsureMayEdit(DateOnly date, StaffingEditor editor)
    {
        if (date < editor.Today && !editor.IsManager)
        {
            throw new DomainException("Bemanningen för en dag som redan har passerat kan bara ändras av en chef.");
        }
    }

    private string Position(int placeId) =>
        _positions.TryGetValue(placeId, out var name) ? name : throw new DomainException("Platsen finns inte på kontoret eller används inte längre.");

    private string PositionName(int placeId) => _positions.TryGetValue(placeId, out var name) ? name : "en annan plats";

    private StaffMember Member(string staffUserId) =>
        _staff.TryGetValue(staffUserId ?? string.Empty, out var member)
            ? member
            : throw new DomainException("Personen hör inte till kontoret eller är inte längre aktiv.");

    private StaffingAssignment Known(StaffingAssignment assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return _assignments.Contains(assignment)
            ? assignment
            : throw new DomainException("Bemanningen finns inte längre; någon annan kan ha tagit bort den.");
    }
}

/// <summary>What copying a week did: the new assignments, and the cells left out with the reason in Swedish.</summary>
public sealed record StaffingCopyResult(IReadOnlyList<StaffingAssignment> Created, IReadOnlyList<StaffingCopySkip> Skipped);

/// <summary>A cell that copying a week left out, and why ("tisdag 1 december förmiddag: Bord 1 är redan bemannad …").</summary>
public sealed record StaffingCopySkip(DateOnly Date, DayPart DayPart, int PlaceId, string StaffName, string Reason);
