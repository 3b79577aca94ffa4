using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>
/// A decision in the binder (morgonmötespärmen). It is recorded and may be corrected only while its meeting runs
/// (every earlier version is kept in <see cref="Revisions"/>); once the meeting is closed it never changes. A correction is a new decision in a later meeting that supersedes it
/// (this one becomes <see cref="DecisionStatus.Ersatt"/>) or repeals it (<see cref="DecisionStatus.Upphavd"/>);
/// both stay, linked both ways.
/// </summary>
public sealed class Decision : Entity
{
    public const int TextMaxLength = 4000;
    public const int NameMaxLength = 200;
    public const int UserIdMaxLength = 450;

    /// <summary>Shown as the responsible when the whole office is.</summary>
    public const string EveryoneName = "Alla";

    private readonly List<DecisionRevision> _revisions = [];

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

    /// <summary>The responsible's name as shown (a staff member's name when chosen among the staff, "Alla", or legacy text).</summary>
    public string? ResponsibleName { get; private set; }

    /// <summary>The staff account responsible, when one was chosen (null for "Alla" and for legacy free text).</summary>
    public string? ResponsibleUserId { get; private set; }

    /// <summary>When the decision should be reviewed; from that day it is put on the agenda.</summary>
    public DateOnly? ReviewDate { get; private set; }

    /// <summary>The meeting day the review was done (its review item was reached); null until then.</summary>
    public DateOnly? ReviewedOn { get; private set; }

    public DecisionStatus Status { get; private set; }

    public string RecordedByUserId { get; private set; }

    public string RecordedByName { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>1 when recorded; raised by every correction during the meeting.</summary>
    public int Version { get; private set; }

    /// <summary>Who made the latest correction (null while the decision is as recorded).</summary>
    public string? CorrectedByName { get; private set; }

    public DateTimeOffset? CorrectedAt { get; private set; }

    /// <summary>The earlier versions, oldest first (empty while the decision is as recorded).</summary>
    public IReadOnlyList<DecisionRevision> Revisions => _revisions.OrderBy(r => r.Version).ToList();

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
        string recordedByUserId, string recordedByName, DateTimeOffset now, string? responsibleUserId = null)
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
            Version = 1,
        };
        decision.SetContent(meeting, text, category, responsibleName, responsibleUserId, reviewDate);
        return decision;
    }

    /// <summary>
    /// A later running meeting replaces <paramref name="old"/> with a new decision: the old one becomes Ersatt and
    /// points to the new one once it is saved (<see cref="LinkSuccessor"/>).
    /// </summary>
    public static Decision Supersede(
        Decision old, MorningMeeting meeting, int itemIndex, string text, DecisionCategory category, string? responsibleName,
        DateOnly? reviewDate, string recordedByUserId, string recordedByName, DateTimeOffset now, string? responsibleUserId = null)
    {
        ArgumentNullException.ThrowIfNull(old);
        old.RequireReplaceableBy(meeting, "ersättas");
        var replacement = Record(meeting, itemIndex, text, category, responsibleName, reviewDate, recordedByUserId, recordedByName, now, responsibleUserId);
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

    /// <summary>
    /// Corrects the decision during its own running meeting (text, category, responsible, review date); the version
    /// it replaces is kept in <see cref="Revisions"/>. Refused once that meeting is closed: then only a later meeting
    /// can supersede or repeal it.
    /// </summary>
    public void Correct(
        MorningMeeting meeting, string text, DecisionCategory category, string? responsibleName, string? responsibleUserId, DateOnly? reviewDate,
        string correctedByName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        if (meeting.Id != MeetingId)
        {
            throw new DomainException("Ett beslut kan bara rättas under mötet där det fattades. Ta upp det på ett senare möte och ersätt eller upphäv det där.");
        }

        RequireEditable(meeting);
        var by = Common.Text.Required(correctedByName, "Den som rättar", NameMaxLength);
        var previous = new DecisionRevision(
            Version, Text, Category, ResponsibleName, ResponsibleUserId, ReviewDate, CorrectedAt ?? RecordedAt, CorrectedByName ?? RecordedByName);
        SetContent(meeting, text, category, responsibleName, responsibleUserId, reviewDate);
        if (previous.Text == Text && previous.Category == Category && previous.ResponsibleName == ResponsibleName
            && previous.ResponsibleUserId == ResponsibleUserId && previous.ReviewDate == ReviewDate)
        {
            return;
        }

        _revisions.Add(previous);
        Version++;
        CorrectedByName = by;
        CorrectedAt = now;
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

    private void SetContent(
        MorningMeeting meeting, string text, DecisionCategory category, string? responsibleName, string? responsibleUserId, DateOnly? reviewDate)
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
        ResponsibleUserId = Common.Text.Optional(responsibleUserId, "Ansvarig", UserIdMaxLength);
        if (ResponsibleUserId is not null && ResponsibleName is null)
        {
            throw new DomainException("Ange namnet på den ansvariga.");
        }

        ReviewDate = reviewDate;
    }
}
