using Mbk.Domain.Common;

namespace Mbk.Domain.Feedback;

/// <summary>
/// A feedback item was registered or changed. It carries no personal data (never the visitor's contact), because
/// office events go to every screen and hub client of the office.
/// </summary>
public sealed record FeedbackChanged(int OfficeId, int FeedbackId, FeedbackKind Kind, FeedbackStatus Status) : IOfficeEvent
{
    public string Topic => "FeedbackChanged";
}
