using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>
/// A decision in the binder (morgonmötespärmen). It is recorded and may be edited only while its meeting runs; once
/// the meeting is closed it never changes. A correction is a new decision in a later meeting that supersedes it
/// (this one becomes <see cref="DecisionStatus.Ersatt"/>) or repeals it (<see cref="DecisionStatus.Upphavd"/>);
/// both stay, linked both ways.
/// </summary>
public sealed class Decision : Entity
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int UserIdMaxLength = 450;

    private Decision()
    {
        Text = string.Empty;
        RecordedByUserId = string.Empty;
        RecordedByName = string.Empty;
    }

    public int OfficeId { get; private set; }

    public int MeetingId { get; private set; }

    /// <summary>The agenda item of <see cref="MeetingId"/> the decision was made under.</summary>
    public int ItemIndex { get; private set; }

    public string Text { get; private set; }

    public DecisionCategory Category { get; private set; }

    public string? ResponsibleName { get; private set; }

    /// <summary>When the decision should be reviewed; from that day it is put on the agenda.</summary>
    public DateOnly? ReviewDate { get; private set; }

    /// <summary>The meeting day the review was done (its review item was reached); null until then.</summary>
    public DateOnly? ReviewedOn { get; private set; }

    public DecisionStatus Status { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The later decision that superseded or repealed this one.</summary>
    public int? SupersededById { get; private set; }

    /// <summary>The earlier decision this one supersedes or repeals.</summary>
    public int? SupersedesId { get; private set; }

    /// <summary>In force, with a review date that has come and no review yet.</summary>
    public bool IsDueForReview(DateOnly date) =>
        Status == DecisionStatus.Gallande && ReviewDate is { } review && review <= date && (ReviewedOn is null || ReviewedOn < review);

    /// <summary>Records a decision under an item of a running meeting.</summary>
    public static Decision Record(
        MorningMeeting meeting, int itemIndex, string text, DecisionCategory category, string? responsibleName, DateOnly? reviewDate,
        string recordedByUserId, string recordedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        meeting.RequireRunning("fatta beslut");
        meeting.ItemAt(itemIndex);
        var decision = new Decision
        {
            OfficeId = meeting.OfficeId,
            MeetingId = meeting.Id,
            ItemIndex = itemIndex,
            Status = DecisionStatus.Gallande,
            RecordedByUserId = Common.Text.Required(recordedByUserId, "Protokollförare", UserIdMaxLength),
            RecordedByName = Common.Text.Required(recordedByName, "Protokollförarens namn", NameMaxLength),
            RecordedAt = now,
        };
        decision.SetContent(meeting, text, category, responsibleName, reviewDate);
        return decision;
    }

    /// <summary>
    /// A later running meeting replaces <paramref name="old"/> with a new decision: the old one becomes Ersatt and
    /// points to the new one once it is saved (<see cref="LinkSuccessor"/>).
    /// </summary>
    public static Decision Supersede(
        Decision old, MorningMeeting meeting, int itemIndex, string text, DecisionCategory category, string? responsibleName,
        DateOnly? reviewDate, string recordedByUserId, string recordedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(old);
        old.RequireReplaceableBy(meeting, "ersättas");
        var replacement = Record(meeting, itemIndex, text, category, responsibleName, reviewDate, recordedByUserId, recordedByName, now);
        replacement.SupersedesId = old.Id;
        old.Status = DecisionStatus.Ersatt;
        return replacement;
    }

    /// <summary>
    /// A later running meeting repeals <paramref name="old"/>: the returned decision records the repeal and why, and
    /// the old one becomes Upphävd (linked like a supersession).
    /// </summary>
    public static Decision Repeal(
        Decision old, MorningMeeting meeting, int itemIndex, string reason, string recordedByUserId, string recordedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(old);
        old.RequireReplaceableBy(meeting, "upphävas");
        var why = Common.Text.Required(reason, "Skälet", TextMaxLength - 100);
        var repeal = Record(meeting, itemIndex, $"Upphäver beslutet från {old.RecordedAt:yyyy-MM-dd}: {why}", old.Category, null, null,
            recordedByUserId, recordedByName, now);
        repeal.SupersedesId = old.Id;
        old.Status = DecisionStatus.Upphavd;
        return repeal;
    }

    /// <summary>Links this (superseded or repealed) decision to its saved successor.</summary>
    public void LinkSuccessor(Decision successor)
    {
        ArgumentNullException.ThrowIfNull(successor);
        if (successor.Id == 0 || successor.SupersedesId != Id || Status == DecisionStatus.Gallande)
        {
            throw new InvalidOperationException("Only a saved decision that supersedes this one can be linked as its successor.");
        }

        SupersededById = successor.Id;
    }

    /// <summary>Changes the decision during its own meeting; refused once that meeting is closed.</summary>
    public void Edit(MorningMeeting meeting, string text, DecisionCategory category, string? responsibleName, DateOnly? reviewDate)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Id != MeetingId)
        {
            throw new DomainException("Ett beslut kan bara ändras under mötet där det fattades. Rätta det med ett nytt beslut som ersätter det.");
        }

        RequireEditable(meeting);
        SetContent(meeting, text, category, responsibleName, reviewDate);
    }

    /// <summary>The meeting reached the decision's review item. Not an edit: allowed whatever the meeting's state.</summary>
    public void MarkReviewed(DateOnly on)
    {
        if (ReviewDate is { } review && on >= review)
        {
            ReviewedOn = on;
        }
    }

    /// <summary>Tells open screens about the decision once it is saved, so they get its id.</summary>
    public void Announce()
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("A decision is announced after it has been saved.");
        }

        Raise(new DecisionRecorded(OfficeId, Id, MeetingId, ItemIndex, Status));
    }

    private void RequireEditable(MorningMeeting meeting)
    {
        if (meeting.Status == MeetingStatus.Closed)
        {
            throw new DomainException(
                "Beslutet fattades på ett avslutat möte och kan inte ändras. Rätta det med ett nytt beslut på ett kommande möte som ersätter det.");
        }

        if (Status != DecisionStatus.Gallande)
        {
            throw new DomainException($"Beslutet är {Status.DisplayName()} och kan inte ändras.");
        }

        meeting.RequireRunning("ändra beslut");
    }

    private void RequireReplaceableBy(MorningMeeting meeting, string action)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.OfficeId != OfficeId)
        {
            throw new DomainException("Beslutet hör till ett annat kontor.");
        }

        if (meeting.Id == MeetingId)
        {
            throw new DomainException("Under samma möte ändrar du beslutet direkt i stället för att ersätta det.");
        }

        if (Status != DecisionStatus.Gallande)
        {
            throw new DomainException($"Beslutet är redan {Status.DisplayName()} och kan inte {action}.");
        }
    }

    private void SetContent(MorningMeeting meeting, string text, DecisionCategory category, string? responsibleName, DateOnly? reviewDate)
    {
        if (!Enum.IsDefined(category))
        {
            throw new DomainException("Välj en kategori för beslutet.");
        }

        if (reviewDate is { } review && review <= meeting.Date)
        {
            throw new DomainException("Datumet för uppföljning måste ligga efter mötet.");
        }

        Text = Common.Text.Required(text, "Beslutstexten", TextMaxLength);
        Category = category;
        ResponsibleName = Common.Text.Optional(responsibleName, "Ansvarig", NameMaxLength);
        ReviewDate = reviewDate;
    }
}
