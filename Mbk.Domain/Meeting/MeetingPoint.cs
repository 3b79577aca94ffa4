using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>A point any staff member proposes for the next morning meeting; it rolls over until a meeting reaches it.</summary>
public sealed class MeetingPoint : Entity
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 200;

    private MeetingPoint()
    {
        Title = string.Empty;
        ProposedByUserId = string.Empty;
        ProposedByName = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Title { get; private set; }

    public string? Text { get; private set; }

    public string ProposedByUserId { get; private set; }

    public string ProposedByName { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    /// <summary>The feedback item (synpunkt) the point is about, once feedback exists.</summary>
    public int? FeedbackId { get; private set; }

    public MeetingPointStatus Status { get; private set; }

    /// <summary>The meeting that reached the point, once handled.</summary>
    public int? HandledInMeetingId { get; private set; }

    public DateTimeOffset? HandledAt { get; private set; }

    public static MeetingPoint Propose(
        int officeId, string title, string? text, string proposedByUserId, string proposedByName, DateTimeOffset now, int? feedbackId = null)
    {
        var point = new MeetingPoint
        {
            OfficeId = officeId,
            Title = Common.Text.Required(title, "Rubriken", TitleMaxLength),
            Text = Common.Text.Optional(text, "Texten", TextMaxLength),
            ProposedByUserId = Common.Text.Required(proposedByUserId, "Förslagsställare", UserIdMaxLength),
            ProposedByName = Common.Text.Required(proposedByName, "Förslagsställarens namn", NameMaxLength),
            ProposedAt = now,
            FeedbackId = feedbackId,
            Status = MeetingPointStatus.Open,
        };
        point.Raise(new MeetingPointProposed(officeId, point.Id, point.Title));
        return point;
    }

    /// <summary>A closed meeting reached the point. Handling a handled point changes nothing.</summary>
    public void MarkHandled(int meetingId, DateTimeOffset now)
    {
        if (Status == MeetingPointStatus.Handled)
        {
            return;
        }

        Status = MeetingPointStatus.Handled;
        HandledInMeetingId = meetingId;
        HandledAt = now;
    }
}
