using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>A länkning target: an agency or unit visitors are referred on to.</summary>
public sealed class ReferralTarget : Entity
{
    public const int NameMaxLength = 100;

    private ReferralTarget()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    public static ReferralTarget Create(int officeId, string name, int sortOrder) => new()
    {
        OfficeId = officeId,
        Name = Text.Required(name, "Länkningens namn", NameMaxLength),
        SortOrder = sortOrder,
        IsActive = true,
    };

    public void Retire() => IsActive = false;
}

/// <summary>One visitor referred on to a target. No personal data.</summary>
public sealed class Referral : Entity
{
    private Referral()
    {
    }

    public int OfficeId { get; private set; }

    public int ReferralTargetId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public string? StaffUserId { get; private set; }

    public int? TicketId { get; private set; }

    public static Referral Record(ReferralTarget target, string? staffUserId, DateTimeOffset now, int? ticketId = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsActive)
        {
            throw new DomainException($"Länkningen \"{target.Name}\" används inte längre.");
        }

        return new Referral
        {
            OfficeId = target.OfficeId,
            ReferralTargetId = target.Id,
            RecordedAt = now,
            StaffUserId = staffUserId,
            TicketId = ticketId,
        };
    }
}
