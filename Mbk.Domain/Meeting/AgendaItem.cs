namespace Mbk.Domain.Meeting;

/// <summary>One point on a meeting's agenda; <see cref="Index"/> is its place (from 0).</summary>
public sealed class AgendaItem
{
    public const int TitleMaxLength = 200;
    public const int NotesMaxLength = 8000;

    private AgendaItem()
    {
        Title = string.Empty;
    }

    internal AgendaItem(AgendaItemDraft draft, int index)
    {
        Index = index;
        Title = draft.Title.Length > TitleMaxLength ? draft.Title[..TitleMaxLength] : draft.Title;
        Kind = draft.Kind;
        PointId = draft.PointId;
        DecisionId = draft.DecisionId;
        ActionItemId = draft.ActionItemId;
    }

    public int Index { get; internal set; }

    public string Title { get; private set; }

    public AgendaItemKind Kind { get; private set; }

    public int? PointId { get; private set; }

    public int? DecisionId { get; private set; }

    public int? ActionItemId { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>Increased on every save of <see cref="Notes"/>; a save must name the version it started from.</summary>
    public int NotesVersion { get; private set; }

    internal void SetNotes(string? notes)
    {
        Notes = notes;
        NotesVersion++;
    }
}

/// <summary>An agenda item before it belongs to a meeting: what <see cref="AgendaBuilder"/> produces.</summary>
public sealed record AgendaItemDraft(string Title, AgendaItemKind Kind, int? PointId = null, int? DecisionId = null, int? ActionItemId = null);

/// <summary>A staff member ticked as present at a meeting.</summary>
public sealed class MeetingAttendee
{
    private MeetingAttendee()
    {
        UserId = string.Empty;
        DisplayName = string.Empty;
    }

    internal MeetingAttendee(string userId, string displayName)
    {
        UserId = userId;
        DisplayName = displayName;
    }

    public string UserId { get; private set; }

    public string DisplayName { get; private set; }
}
