using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>The chair started the meeting: every screen switches to the running meeting.</summary>
public sealed record MeetingStarted(int OfficeId, int MeetingId, string ChairUserId, DateTimeOffset StartedAt) : IOfficeEvent
{
    public string Topic => "MeetingStarted";
}

/// <summary>The chair moved to another agenda item; screens follow <see cref="ItemIndex"/>.</summary>
public sealed record MeetingPointChanged(int OfficeId, int MeetingId, int ItemIndex) : IOfficeEvent
{
    public string Topic => "MeetingPointChanged";
}

/// <summary>The notes of an agenda item were saved; <see cref="Version"/> is the new version.</summary>
public sealed record MeetingNotesSaved(int OfficeId, int MeetingId, int ItemIndex, int Version) : IOfficeEvent
{
    public string Topic => "MeetingNotesSaved";
}

/// <summary>Someone was ticked (or unticked) as present.</summary>
public sealed record MeetingAttendanceChanged(int OfficeId, int MeetingId) : IOfficeEvent
{
    public string Topic => "MeetingAttendanceChanged";
}

/// <summary>
/// A decision was recorded, edited during its meeting, superseded or repealed. Raised after the decision is saved
/// (see <see cref="Decision.Announce"/>), so <see cref="DecisionId"/> is known.
/// </summary>
public sealed record DecisionRecorded(int OfficeId, int DecisionId, int MeetingId, int ItemIndex, DecisionStatus Status) : IOfficeEvent
{
    public string Topic => "DecisionRecorded";
}

/// <summary>An action item was added or completed. <see cref="ActionItemId"/> is 0 when raised before the first save.</summary>
public sealed record ActionItemChanged(int OfficeId, int ActionItemId, int MeetingId, bool Done) : IOfficeEvent
{
    public string Topic => "ActionItemChanged";
}

/// <summary>The meeting was closed: its decisions are now part of the binder.</summary>
public sealed record MeetingClosed(int OfficeId, int MeetingId, DateTimeOffset ClosedAt) : IOfficeEvent
{
    public string Topic => "MeetingClosed";
}

/// <summary>A staff member proposed a point for the next meeting. <see cref="PointId"/> is 0 when raised before the first save.</summary>
public sealed record MeetingPointProposed(int OfficeId, int PointId, string Title) : IOfficeEvent
{
    public string Topic => "MeetingPointProposed";
}

/// <summary>A manager changed the office's standing agenda.</summary>
public sealed record AgendaTemplateChanged(int OfficeId, AgendaTemplateKind Kind) : IOfficeEvent
{
    public string Topic => "AgendaTemplateChanged";
}
