using Mbk.Domain.Common;

namespace Mbk.Domain.Meeting;

/// <summary>A staff member has read a decision: unread ones make the "new decisions" badge; managers see who has read.</summary>
public sealed class DecisionRead
{
    private DecisionRead()
    {
        UserId = string.Empty;
    }

    public int DecisionId { get; private set; }

    public string UserId { get; private set; }

    public DateTimeOffset ReadAt { get; private set; }

    public static DecisionRead Create(int decisionId, string userId, DateTimeOffset now) => new()
    {
        DecisionId = decisionId,
        UserId = Text.Required(userId, "Läsare", Decision.UserIdMaxLength),
        ReadAt = now,
    };
}
