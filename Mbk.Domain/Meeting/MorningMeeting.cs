using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>
/// An office's morning meeting of one day: planned with its agenda, started by a chair who steps through the items
/// (every screen follows), and closed, after which its decisions are part of the binder and can no longer change.
/// </summary>
public sealed class MorningMeeting : Entity
{
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 200;

    private readonly List<AgendaItem> _items = [];
    private readonly List<MeetingAttendee> _attendees = [];

    private MorningMeeting()
    {
    }

    public int OfficeId { get; private set; }

    public DateOnly Date { get; private set; }

    public MeetingStatus Status { get; private set; }

    public string? ChairUserId { get; private set; }

    public string? ChairName { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The item every screen shows while the meeting runs.</summary>
    public int CurrentItemIndex { get; private set; }

    /// <summary>The furthest item the meeting has reached; points up to it are handled when the meeting closes.</summary>
    public int FurthestItemIndex { get; private set; }

    /// <summary>The agenda in order; an item's <see cref="AgendaItem.Index"/> is its position.</summary>
    public IReadOnlyList<AgendaItem> Items => _items.OrderBy(i => i.Index).ToList();

    public IReadOnlyList<MeetingAttendee> Attendees => _attendees;

    public static MorningMeeting Plan(int officeId, DateOnly date, IEnumerable<AgendaItemDraft> agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        var meeting = new MorningMeeting { OfficeId = officeId, Date = date, Status = MeetingStatus.Planned };
        foreach (var draft in agenda)
        {
            meeting._items.Add(new AgendaItem(draft, meeting._items.Count));
        }

        if (meeting._items.Count == 0)
        {
            throw new DomainException("Mötet måste ha minst en punkt på dagordningen.");
        }

        return meeting;
    }

    /// <summary>A point proposed after the agenda was built but before the meeting started joins it, after the other points.</summary>
    public bool AddPointBeforeStart(MeetingPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (Status != MeetingStatus.Planned || point.OfficeId != OfficeId || _items.Any(i => i.PointId == point.Id))
        {
            return false;
        }

        var ordered = Items;
        var position = ordered.Count;
        var lastPoint = ordered.LastOrDefault(i => i.Kind == AgendaItemKind.Point);
        if (lastPoint is not null)
        {
            position = lastPoint.Index + 1;
        }
        else if (ordered.FirstOrDefault(i => i.Kind is AgendaItemKind.DecisionReview or AgendaItemKind.ActionFollowUp) is { } firstDynamic)
        {
            position = firstDynamic.Index;
        }
        else if (ordered[^1].Kind == AgendaItemKind.Standing && string.Equals(ordered[^1].Title, AgendaBuilder.OtherTitle, StringComparison.OrdinalIgnoreCase))
        {
            position = ordered[^1].Index;
        }

        foreach (var item in _items.Where(i => i.Index >= position))
        {
            item.Index++;
        }

        _items.Add(new AgendaItem(new AgendaItemDraft(point.Title, AgendaItemKind.Point, PointId: point.Id), position));
        return true;
    }

    public AgendaItem ItemAt(int index) =>
        _items.SingleOrDefault(i => i.Index == index) ?? throw new DomainException("Punkten finns inte på dagordningen.");

    /// <summary>Whether the meeting got to the item (it was shown at some point).</summary>
    public bool IsReached(int index) => Status != MeetingStatus.Planned && index <= FurthestItemIndex;

    /// <summary>A staff member presses "Starta mötet" and becomes the chair.</summary>
    public void Start(string chairUserId, string chairName, DateTimeOffset now)
    {
        if (Status != MeetingStatus.Planned)
        {
            throw new DomainException(Status == MeetingStatus.Running ? "Mötet har redan startats." : "Mötet är redan avslutat.");
        }

        ChairUserId = Text.Required(chairUserId, "Ordförande", UserIdMaxLength);
        ChairName = Text.Required(chairName, "Ordförandens namn", NameMaxLength);
        Status = MeetingStatus.Running;
        StartedAt = now;
        CurrentItemIndex = 0;
        FurthestItemIndex = 0;
        Raise(new MeetingStarted(OfficeId, Id, ChairUserId, now));
        Raise(new MeetingPointChanged(OfficeId, Id, 0));
    }

    /// <summary>The chair moves to another item; every screen follows.</summary>
    public void GoTo(int index)
    {
        RequireRunning("byta punkt");
        ItemAt(index);
        if (index == CurrentItemIndex)
        {
            return;
        }

        CurrentItemIndex = index;
        FurthestItemIndex = Math.Max(FurthestItemIndex, index);
        Raise(new MeetingPointChanged(OfficeId, Id, index));
    }

    /// <summary>
    /// Saves an item's notes if nobody else saved them since <paramref name="expectedVersion"/>; otherwise refuses
    /// with the current text, so nothing is silently overwritten. Returns the new version.
    /// </summary>
    public int SaveNotes(int itemIndex, string? text, int expectedVersion)
    {
        RequireRunning("ändra anteckningar");
        var item = ItemAt(itemIndex);
        if (item.NotesVersion != expectedVersion)
        {
            var current = string.IsNullOrWhiteSpace(item.Notes) ? "(tomt)" : item.Notes;
            throw new DomainException(
                $"Anteckningarna för \"{item.Title}\" har ändrats av någon annan medan du skrev, så din text sparades inte. " +
                $"Nuvarande text: \"{current}\". Läs in den, lägg till dina ändringar och spara igen.");
        }

        var notes = Text.Optional(text, "Anteckningarna", AgendaItem.NotesMaxLength);
        if (notes == item.Notes)
        {
            return item.NotesVersion;
        }

        item.SetNotes(notes);
        Raise(new MeetingNotesSaved(OfficeId, Id, itemIndex, item.NotesVersion));
        return item.NotesVersion;
    }

    /// <summary>Ticks (or unticks) a staff member as present, until the meeting is closed.</summary>
    public void MarkAttendance(string userId, string displayName, bool present)
    {
        if (Status == MeetingStatus.Closed)
        {
            throw new DomainException("Mötet är avslutat och närvaron kan inte längre ändras.");
        }

        var id = Text.Required(userId, "Deltagare", UserIdMaxLength);
        var existing = _attendees.SingleOrDefault(a => a.UserId == id);
        if (present && existing is null)
        {
            _attendees.Add(new MeetingAttendee(id, Text.Required(displayName, "Deltagarens namn", NameMaxLength)));
        }
        else if (!present && existing is not null)
        {
            _attendees.Remove(existing);
        }
        else
        {
            return;
        }

        Raise(new MeetingAttendanceChanged(OfficeId, Id));
    }

    /// <summary>
    /// "Avsluta mötet": the points reached are handled; the others stay open and roll over to the next meeting.
    /// Pass the meeting's points (others are ignored).
    /// </summary>
    public void Close(DateTimeOffset now, IEnumerable<MeetingPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        RequireRunning("avsluta det");
        var reached = _items.Where(i => i.PointId is not null && i.Index <= FurthestItemIndex).Select(i => i.PointId!.Value).ToHashSet();
        foreach (var point in points.Where(p => reached.Contains(p.Id)))
        {
            point.MarkHandled(Id, now);
        }

        Status = MeetingStatus.Closed;
        ClosedAt = now;
        Raise(new MeetingClosed(OfficeId, Id, now));
    }

    /// <summary>Ids of the decisions whose review item the meeting reached (checked when it closes).</summary>
    public IReadOnlyList<int> ReviewedDecisionIds() =>
        _items.Where(i => i.DecisionId is not null && IsReached(i.Index)).Select(i => i.DecisionId!.Value).ToList();

    internal void RequireRunning(string action)
    {
        if (Status != MeetingStatus.Running)
        {
            throw new DomainException(Status == MeetingStatus.Planned
                ? $"Mötet har inte startats än, så det går inte att {action}."
                : $"Mötet är avslutat, så det går inte att {action}.");
        }
    }
}
