using Mbk.Domain.Common;

namespace Mbk.Domain.Feedback;

/// <summary>What staff type when registering an item; the contact is optional and needs the visitor's consent.</summary>
public sealed record FeedbackDraft(
    FeedbackKind Kind,
    FeedbackChannel Channel,
    DateOnly ReceivedOn,
    string Summary,
    string? Area,
    FeedbackContact? Contact,
    bool ContactConsent);

/// <summary>The visitor's contact for the answer: personal data, shown to the office's managers only.</summary>
public sealed record FeedbackContact(string? Name, string? Email, string? Phone, string? PostalAddress)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(PostalAddress);
}

/// <summary>Who did something to an item (a staff member; never the visitor).</summary>
public sealed record FeedbackActor(string UserId, string Name);

/// <summary>One line of an item's history: what happened, the status after it, who and when.</summary>
public sealed class FeedbackHistoryEntry
{
    public const int TextMaxLength = 500;

    private FeedbackHistoryEntry()
    {
        Text = string.Empty;
        ByUserId = string.Empty;
        ByName = string.Empty;
    }

    internal FeedbackHistoryEntry(DateTimeOffset at, FeedbackActor by, FeedbackStatus status, string text)
    {
        At = at;
        ByUserId = by.UserId;
        ByName = by.Name;
        Status = status;
        Text = text.Length <= TextMaxLength ? text : text[..(TextMaxLength - 1)] + "…";
    }

    public DateTimeOffset At { get; private set; }

    public string ByUserId { get; private set; }

    public string ByName { get; private set; }

    public FeedbackStatus Status { get; private set; }

    public string Text { get; private set; }
}

/// <summary>An internal note by a manager (never shown to the visitor).</summary>
public sealed class FeedbackNote
{
    private FeedbackNote()
    {
        Text = string.Empty;
        ByName = string.Empty;
    }

    internal FeedbackNote(DateTimeOffset at, string byName, string text)
    {
        At = at;
        ByName = byName;
        Text = text;
    }

    public DateTimeOffset At { get; private set; }

    public string ByName { get; private set; }

    public string Text { get; private set; }
}

/// <summary>
/// A visitor's complaint, praise, suggestion, citizen proposal, service card or other feedback (synpunkt), followed
/// up to an answer. Any staff member registers it; managers move it through the workflow
/// (<see cref="CanMove"/>), answer it and keep internal notes. The deadline is fixed at registration in working days
/// (<see cref="FeedbackDeadline"/>). The contact is personal data: erased on demand or a retention period after
/// closing, and then gone (null in the database), while the anonymous record stays for statistics.
/// </summary>
public sealed class FeedbackItem : Entity
{
    public const int SummaryMaxLength = 2000;
    public const int AreaMaxLength = 200;
    public const int AnswerMaxLength = 4000;
    public const int NoteMaxLength = 2000;
    public const int ForwardedToMaxLength = 200;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int PhoneMaxLength = 40;
    public const int AddressMaxLength = 500;
    public const int UserIdMaxLength = 450;

    private static readonly HashSet<(FeedbackStatus From, FeedbackStatus To)> Allowed =
    [
        (FeedbackStatus.Mottagen, FeedbackStatus.UnderHandlaggning),
        (FeedbackStatus.Mottagen, FeedbackStatus.Vidarebefordrad),
        (FeedbackStatus.UnderHandlaggning, FeedbackStatus.Besvarad),
        (FeedbackStatus.UnderHandlaggning, FeedbackStatus.Vidarebefordrad),
        (FeedbackStatus.UnderHandlaggning, FeedbackStatus.Avslutad),
        (FeedbackStatus.Besvarad, FeedbackStatus.Avslutad),
        (FeedbackStatus.Vidarebefordrad, FeedbackStatus.Avslutad),
    ];

    private readonly List<FeedbackHistoryEntry> _history = [];
    private readonly List<FeedbackNote> _notes = [];

    private FeedbackItem()
    {
        Summary = string.Empty;
        RegisteredByName = string.Empty;
        RegisteredByUserId = string.Empty;
    }

    public int OfficeId { get; private set; }

    public FeedbackKind Kind { get; private set; }

    public FeedbackChannel Channel { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public string Summary { get; private set; }

    /// <summary>A queue service or question category the feedback is about (its name), optional.</summary>
    public string? Area { get; private set; }

    public FeedbackStatus Status { get; private set; }

    /// <summary>The last day to answer, counted in working days from <see cref="ReceivedOn"/>.</summary>
    public DateOnly DueOn { get; private set; }

    /// <summary>The working days the office allowed for this kind when the item was registered.</summary>
    public int DeadlineWorkingDays { get; private set; }

    public string RegisteredByUserId { get; private set; }

    public string RegisteredByName { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public string? ContactPostalAddress { get; private set; }

    /// <summary>The visitor agreed that the office keeps the contact to answer.</summary>
    public bool ContactConsent { get; private set; }

    /// <summary>When the contact was erased (on demand or by the retention job); the contact fields are null since.</summary>
    public DateTimeOffset? ContactErasedAt { get; private set; }

    public string? Answer { get; private set; }

    /// <summary>How the answer was given (letter, e-mail, phone, at the desk).</summary>
    public FeedbackChannel? AnswerChannel { get; private set; }

    public string? AnsweredByName { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The office-local day of the answer, compared with <see cref="DueOn"/>.</summary>
    public DateOnly? AnsweredOn { get; private set; }

    public string? ForwardedTo { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>The office-local day of closing: the retention period runs from it.</summary>
    public DateOnly? ClosedOn { get; private set; }

    /// <summary>The morning-meeting point that raised the item, once "Ta upp på morgonmötet" was used.</summary>
    public int? MeetingPointId { get; private set; }

    public IReadOnlyList<FeedbackHistoryEntry> History => _history.OrderBy(h => h.At).ToList();

    public IReadOnlyList<FeedbackNote> Notes => _notes.OrderBy(n => n.At).ToList();

    public bool HasContact => ContactName is not null || ContactEmail is not null || ContactPhone is not null || ContactPostalAddress is not null;

    public bool IsOpen => Status is FeedbackStatus.Mottagen or FeedbackStatus.UnderHandlaggning;

    /// <summary>Open (not answered, forwarded or closed) after its last day.</summary>
    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>Answered on or before its last day; null while it has no answer.</summary>
    public bool? AnsweredInTime => AnsweredOn is { } answered ? answered <= DueOn : null;

    /// <summary>Whether the workflow allows moving from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(FeedbackStatus from, FeedbackStatus to) => Allowed.Contains((from, to));

    /// <summary>Registers a received item with its deadline (computed by the caller with the office's schedule).</summary>
    public static FeedbackItem Register(int officeId, FeedbackDraft draft, FeedbackDeadline deadline, FeedbackActor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(by);
        if (!Enum.IsDefined(draft.Kind))
        {
            throw new DomainException("Välj vilket slag av synpunkt det är.");
        }

        if (!Enum.IsDefined(draft.Channel))
        {
            throw new DomainException("Välj hur synpunkten kom in.");
        }

        if (deadline.ReceivedOn != draft.ReceivedOn)
        {
            throw new ArgumentException("The deadline must be computed from the day the item was received.", nameof(deadline));
        }

        var item = new FeedbackItem
        {
            OfficeId = officeId,
            Kind = draft.Kind,
            Channel = draft.Channel,
            ReceivedOn = draft.ReceivedOn,
            Summary = Text.Required(draft.Summary, "Sammanfattningen", SummaryMaxLength),
            Area = Text.Optional(draft.Area, "Området", AreaMaxLength),
            Status = FeedbackStatus.Mottagen,
            DueOn = deadline.DueOn,
            DeadlineWorkingDays = deadline.WorkingDays,
            RegisteredByUserId = Text.Required(by.UserId, "Registrerad av", UserIdMaxLength),
            RegisteredByName = Text.Required(by.Name, "Registrerad av (namn)", NameMaxLength),
            RegisteredAt = now,
        };
        if (draft.Contact is { IsEmpty: false } contact)
        {
            if (!draft.ContactConsent)
            {
                throw new DomainException("Kontaktuppgifter får bara sparas om besökaren har samtyckt. Kryssa i samtycket eller ta bort uppgifterna.");
            }

            item.ContactName = Text.Optional(contact.Name, "Namnet", NameMaxLength);
            item.ContactEmail = Text.Optional(contact.Email, "E-postadressen", EmailMaxLength);
            item.ContactPhone = Text.Optional(contact.Phone, "Telefonnumret", PhoneMaxLength);
            item.ContactPostalAddress = Text.Optional(contact.PostalAddress, "Postadressen", AddressMaxLength);
            item.ContactConsent = true;
            if (item.ContactEmail is { } email && !email.Contains('@', StringComparison.Ordinal))
            {
                throw new DomainException("E-postadressen ser inte ut som en e-postadress.");
            }
        }

        item._history.Add(new FeedbackHistoryEntry(now, by, FeedbackStatus.Mottagen,
            $"Registrerad ({draft.Kind.DisplayName().ToLowerInvariant()}, {draft.Channel.DisplayName().ToLowerInvariant()}), svar senast {deadline.DueOn:yyyy-MM-dd}"));
        return item;
    }

    /// <summary>Tells open screens about the item once it is saved (so its id is known). No personal data.</summary>
    public void Announce()
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("A feedback item is announced after it has been saved.");
        }

        Raise(new FeedbackChanged(OfficeId, Id, Kind, Status));
    }

    /// <summary>"Under handläggning": a manager takes the item.</summary>
    public void StartHandling(FeedbackActor by, DateTimeOffset now)
    {
        Move(FeedbackStatus.UnderHandlaggning, by, now, "Under handläggning");
    }

    /// <summary>Records the answer (text, how, by whom, when): the item becomes Besvarad. An answer is never removed.</summary>
    public void RecordAnswer(string answer, FeedbackChannel how, FeedbackActor by, DateTimeOffset now, DateOnly localToday)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (Answer is not null)
        {
            throw new DomainException("Synpunkten är redan besvarad; svaret kan inte ändras eller tas bort.");
        }

        if (!Enum.IsDefined(how))
        {
            throw new DomainException("Välj hur svaret gavs.");
        }

        var text = Text.Required(answer, "Svaret", AnswerMaxLength);
        RequireMove(FeedbackStatus.Besvarad);
        Answer = text;
        AnswerChannel = how;
        AnsweredByName = by.Name;
        AnsweredAt = now;
        AnsweredOn = localToday;
        Move(FeedbackStatus.Besvarad, by, now, $"Besvarad ({how.DisplayName().ToLowerInvariant()}) av {by.Name}");
    }

    /// <summary>Forwarded to another authority ("Vidarebefordrad"), naming to whom.</summary>
    public void Forward(string to, FeedbackActor by, DateTimeOffset now)
    {
        var recipient = Text.Required(to, "Mottagaren", ForwardedToMaxLength);
        RequireMove(FeedbackStatus.Vidarebefordrad);
        ForwardedTo = recipient;
        Move(FeedbackStatus.Vidarebefordrad, by, now, $"Vidarebefordrad till {recipient}");
    }

    /// <summary>"Avslutad": the retention period of the contact starts on <paramref name="localToday"/>.</summary>
    public void Close(FeedbackActor by, DateTimeOffset now, DateOnly localToday)
    {
        RequireMove(FeedbackStatus.Avslutad);
        ClosedAt = now;
        ClosedOn = localToday;
        Move(FeedbackStatus.Avslutad, by, now, "Avslutad");
    }

    /// <summary>An internal note; the status does not change.</summary>
    public void AddNote(string text, FeedbackActor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        var note = Text.Required(text, "Anteckningen", NoteMaxLength);
        _notes.Add(new FeedbackNote(now, by.Name, note));
        _history.Add(new FeedbackHistoryEntry(now, by, Status, "Intern anteckning"));
        Raise(new FeedbackChanged(OfficeId, Id, Kind, Status));
    }

    /// <summary>"Ta upp på morgonmötet": remembers the meeting point (once).</summary>
    public void MarkRaisedAtMeeting(int meetingPointId, FeedbackActor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (MeetingPointId is not null)
        {
            throw new DomainException("Synpunkten är redan uppsatt på morgonmötet.");
        }

        MeetingPointId = meetingPointId;
        _history.Add(new FeedbackHistoryEntry(now, by, Status, "Föreslagen som punkt på morgonmötet"));
        Raise(new FeedbackChanged(OfficeId, Id, Kind, Status));
    }

    /// <summary>
    /// Erases the visitor's contact (the fields become null, so it is gone from the database). Returns false when
    /// there was nothing to erase. The history records that it happened, never what was erased.
    /// </summary>
    public bool EraseContact(FeedbackActor by, DateTimeOffset now, string reason)
    {
        ArgumentNullException.ThrowIfNull(by);
        if (!HasContact)
        {
            return false;
        }

        ContactName = null;
        ContactEmail = null;
        ContactPhone = null;
        ContactPostalAddress = null;
        ContactErasedAt = now;
        _history.Add(new FeedbackHistoryEntry(now, by, Status, reason));
        Raise(new FeedbackChanged(OfficeId, Id, Kind, Status));
        return true;
    }

    /// <summary>The day the contact must be erased: <paramref name="retentionMonths"/> after closing; null while not closed.</summary>
    public DateOnly? ContactRetentionEndsOn(int retentionMonths) =>
        ClosedOn is { } closed ? FeedbackRetention.EndsOn(closed, retentionMonths) : null;

    private void RequireMove(FeedbackStatus to)
    {
        if (!CanMove(Status, to))
        {
            throw new DomainException(Status == to
                ? $"Synpunkten är redan {to.DisplayName().ToLowerInvariant()}."
                : $"Synpunkten kan inte gå från \"{Status.DisplayName()}\" till \"{to.DisplayName()}\".{Hint(Status, to)}");
        }
    }

    private static string Hint(FeedbackStatus from, FeedbackStatus to) => (from, to) switch
    {
        (FeedbackStatus.Besvarad, FeedbackStatus.UnderHandlaggning) or (FeedbackStatus.Besvarad, FeedbackStatus.Mottagen) =>
            " En besvarad synpunkt kan inte förlora sitt svar.",
        (FeedbackStatus.Mottagen, FeedbackStatus.Besvarad) => " Sätt den under handläggning först.",
        (FeedbackStatus.Avslutad, _) => " Den är avslutad.",
        _ => string.Empty,
    };

    private void Move(FeedbackStatus to, FeedbackActor by, DateTimeOffset now, string text)
    {
        ArgumentNullException.ThrowIfNull(by);
        RequireMove(to);
        Status = to;
        _history.Add(new FeedbackHistoryEntry(now, by, to, text));
        Raise(new FeedbackChanged(OfficeId, Id, Kind, Status));
    }
}
