using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>Something a meeting decided someone should do by a date; raised again on every agenda until done.</summary>
public sealed class ActionItem : Entity
{
    public const int WhatMaxLength = 1000;
    public const int NameMaxLength = 200;
    public const int UserIdMaxLength = 450;

    private ActionItem()
    {
        What = string.Empty;
        WhoName = string.Empty;
    }

    public int OfficeId { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>The agenda item it was added under, if any.</summary>
    public int? ItemIndex { get; private set; }

    public string What { get; private set; }

    public string WhoName { get; private set; }

    /// <summary>The staff member responsible, when it is one of the staff.</summary>
    public string? WhoUserId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public bool Done { get; private set; }

    public DateTimeOffset? DoneAt { get; private set; }

    public string? DoneByUserId { get; private set; }

    public bool IsOverdue(DateOnly today) => !Done && DueDate < today;

    /// <summary>Adds an action item during a running meeting.</summary>
    public static ActionItem Add(
        MorningMeeting meeting, int? itemIndex, string what, string whoName, string? whoUserId, DateOnly dueDate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        meeting.RequireRunning("lägga till åtgärder");
        if (itemIndex is { } index)
        {
            meeting.ItemAt(index);
        }

        if (dueDate < meeting.Date)
        {
            throw new DomainException("Datumet för åtgärden kan inte ligga före mötet.");
        }

        var item = new ActionItem
        {
            OfficeId = meeting.OfficeId,
            MeetingId = meeting.Id,
            ItemIndex = itemIndex,
            What = Text.Required(what, "Vad", WhatMaxLength),
            WhoName = Text.Required(whoName, "Vem", NameMaxLength),
            WhoUserId = Text.Optional(whoUserId, "Vem", UserIdMaxLength),
            DueDate = dueDate,
            CreatedAt = now,
        };
        item.Raise(new ActionItemChanged(item.OfficeId, item.Id, item.MeetingId, Done: false));
        return item;
    }

    /// <summary>Done with one click, any time; completing a done item changes nothing.</summary>
    public void Complete(string byUserId, DateTimeOffset now)
    {
        if (Done)
        {
            return;
        }

        Done = true;
        DoneAt = now;
        DoneByUserId = Text.Optional(byUserId, "Klarmarkerad av", UserIdMaxLength);
        Raise(new ActionItemChanged(OfficeId, Id, MeetingId, Done: true));
    }
}
