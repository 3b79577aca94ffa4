using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>
/// A länkning target: an agency or unit visitors are referred on to. Retired, never deleted, and renamed with history,
/// like <see cref="QuestionCategory"/>.
/// </summary>
public sealed class ReferralTarget : Entity
{
    public const int NameMaxLength = 100;

    private const string NameField = "Länkningens namn";

    private readonly List<CategoryNameChange> _nameHistory = [];

    private ReferralTarget()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>The current name (the last entry of <see cref="NameHistory"/>).</summary>
    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>When the target was (last) retired; null while active.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Every name the target has had, oldest first; the first is valid from <see cref="DateTimeOffset.MinValue"/>.</summary>
    public IReadOnlyList<CategoryNameChange> NameHistory => _nameHistory;

    public static ReferralTarget Create(int officeId, string name, int sortOrder)
    {
        var target = new ReferralTarget
        {
            OfficeId = officeId,
            Name = Text.Required(name, NameField, NameMaxLength),
            SortOrder = QuestionCategory.CheckSortOrder(sortOrder),
            IsActive = true,
        };
        target._nameHistory.Add(new CategoryNameChange(target.Name, DateTimeOffset.MinValue));
        target.Raise(new ReferralTargetsChanged(officeId));
        return target;
    }

    /// <summary>Gives the target a new name from <paramref name="now"/> on; earlier referrals keep the old name in reports.</summary>
    public void Rename(string name, DateTimeOffset now)
    {
        var trimmed = Text.Required(name, NameField, NameMaxLength);
        if (NameHistoryRules.Rename(_nameHistory, trimmed, now))
        {
            Name = trimmed;
            Raise(new ReferralTargetsChanged(OfficeId));
        }
    }

    /// <summary>The name the target had at <paramref name="instant"/>.</summary>
    public string NameAt(DateTimeOffset instant) => NameHistoryRules.NameAt(_nameHistory, instant);

    public void Reorder(int sortOrder)
    {
        if (QuestionCategory.CheckSortOrder(sortOrder) != SortOrder)
        {
            SortOrder = sortOrder;
            Raise(new ReferralTargetsChanged(OfficeId));
        }
    }

    /// <summary>Stops new referrals to the target; its history stays. Retiring a retired target changes nothing.</summary>
    public void Retire(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        RetiredAt = now;
        Raise(new ReferralTargetsChanged(OfficeId));
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        RetiredAt = null;
        Raise(new ReferralTargetsChanged(OfficeId));
    }
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
