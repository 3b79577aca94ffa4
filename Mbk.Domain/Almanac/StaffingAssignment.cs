using Mbk.Domain.Common;

namespace Mbk.Domain.Almanac;

/// <summary>
/// Bemanning: one staff member at one position (a queue place of the office: the information desk or a table) for
/// one part of one day. Created, changed and removed through <see cref="StaffingRoster"/>, which checks the rules
/// that need the other assignments of the day part.
/// </summary>
public sealed class StaffingAssignment : Entity
{
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 200;
    public const int NoteMaxLength = 200;

    private StaffingAssignment()
    {
        StaffUserId = string.Empty;
        StaffName = string.Empty;
        ChangedByName = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>The office-local day.</summary>
    public DateOnly Date { get; private set; }

    public DayPart DayPart { get; private set; }

    /// <summary>The position: a <see cref="Queue.Place"/> of the office.</summary>
    public int PlaceId { get; private set; }

    public string StaffUserId { get; private set; }

    /// <summary>The staff member's name when assigned, so the schedule stays readable if the account changes.</summary>
    public string StaffName { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public string ChangedByName { get; private set; }

    internal static StaffingAssignment Create(
        int officeId, DateOnly date, DayPart dayPart, int placeId, StaffMember staff, string? note, StaffingEditor editor)
    {
        if (!Enum.IsDefined(dayPart))
        {
            throw new DomainException("Välj förmiddag, eftermiddag eller kväll.");
        }

        var assignment = new StaffingAssignment
        {
            OfficeId = officeId,
            Date = date,
            DayPart = dayPart,
            PlaceId = placeId,
        };
        assignment.Set(staff, note, editor);
        return assignment;
    }

    internal void Change(StaffMember staff, string? note, StaffingEditor editor)
    {
        var newNote = Text.Optional(note, "Anteckningen", NoteMaxLength);
        if (staff.UserId == StaffUserId && newNote == Note)
        {
            return;
        }

        Set(staff, newNote, editor);
    }

    internal void MarkRemoved() => Raise(new AlmanacChanged(OfficeId, AlmanacArea.Staffing));

    private void Set(StaffMember staff, string? note, StaffingEditor editor)
    {
        StaffUserId = Text.Required(staff.UserId, "Personen", UserIdMaxLength);
        StaffName = Text.Required(staff.DisplayName, "Personens namn", NameMaxLength);
        Note = Text.Optional(note, "Anteckningen", NoteMaxLength);
        ChangedAt = editor.Now;
        ChangedByName = Text.Required(editor.Name, "Ändrad av", NameMaxLength);
        Raise(new AlmanacChanged(OfficeId, AlmanacArea.Staffing));
    }
}

/// <summary>A staff member who can be placed: an active account of the office.</summary>
public sealed record StaffMember(string UserId, string DisplayName);

/// <summary>Who changes the staffing, and when: managers may also correct days that have passed.</summary>
public sealed record StaffingEditor(string Name, bool IsManager, DateOnly Today, DateTimeOffset Now);
