using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>
/// A länkning target: an agency or unit visitors are referred on to. Retired, never deleted, and renamed with history,
/// like <see cref="QuestionCategory"/>.
/// </summary>
public sealed class ReferralTarget : NamedCatalogItem
{
    private ReferralTarget()
    {
    }

    protected override string NameField => "Länkningens namn";

    public static ReferralTarget Create(int officeId, string name, int sortOrder)
    {
        var target = new ReferralTarget();
        target.Initialize(officeId, name, sortOrder);
        return target;
    }

    protected override IOfficeEvent Changed() => new ReferralTargetsChanged(OfficeId);
}

public sealed record ReferralTargetsChanged(int OfficeId) : IOfficeEvent
{
    public string Topic => "ReferralTargetsChanged";
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
