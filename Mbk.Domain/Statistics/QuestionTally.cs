using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>One question, tallied by category. No personal data: a time, an office, a category, a channel.</summary>
public sealed class QuestionTally : Entity
{
    private QuestionTally()
    {
    }

    public int OfficeId { get; private set; }

    public int QuestionCategoryId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public TallyChannel Channel { get; private set; }

    /// <summary>The staff member who recorded it (staff, not visitor, data).</summary>
    public string? StaffUserId { get; private set; }

    /// <summary>Set when recorded while finishing a queue ticket.</summary>
    public int? TicketId { get; private set; }

    public static QuestionTally Record(QuestionCategory category, TallyChannel channel, string? staffUserId, DateTimeOffset now, int? ticketId = null)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (!category.IsActive)
        {
            throw new DomainException($"Ärendeslaget \"{category.Name}\" används inte längre.");
        }

        var tally = new QuestionTally
        {
            OfficeId = category.OfficeId,
            QuestionCategoryId = category.Id,
            RecordedAt = now,
            Channel = channel,
            StaffUserId = staffUserId,
            TicketId = ticketId,
        };
        tally.Raise(new QuestionTallied(category.OfficeId, category.Id, now));
        return tally;
    }
}

public sealed record QuestionTallied(int OfficeId, int QuestionCategoryId, DateTimeOffset RecordedAt) : IOfficeEvent
{
    public string Topic => "QuestionTallied";
}
