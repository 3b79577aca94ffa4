using Mbk.Domain.Common;

namespace Mbk.Domain.Statistics;

/// <summary>
/// An office's list entry that counts are kept under (an ärendeslag, a länkning target): retired, never deleted,
/// and renamed with history (<see cref="NameHistory"/>), so old reports still show the name it had then.
/// </summary>
public abstract class NamedCatalogItem : Entity
{
    public const int NameMaxLength = 100;

    private readonly List<CategoryNameChange> _nameHistory = [];

    protected NamedCatalogItem()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>The current name (the last entry of <see cref="NameHistory"/>).</summary>
    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>When the item was (last) retired; null while active.</summary>
    public DateTimeOffset? RetiredAt { get; private set; }

    /// <summary>Every name the item has had, oldest first; the first is valid from <see cref="DateTimeOffset.MinValue"/>.</summary>
    public IReadOnlyList<CategoryNameChange> NameHistory => _nameHistory;

    /// <summary>What the name is called in messages, e.g. "Ärendeslagets namn".</summary>
    protected abstract string NameField { get; }

    /// <summary>The event that tells open screens the office's list changed.</summary>
    protected abstract IOfficeEvent Changed();

    protected void Initialize(int officeId, string name, int sortOrder)
    {
        OfficeId = officeId;
        Name = Text.Required(name, NameField, NameMaxLength);
        SortOrder = CheckSortOrder(sortOrder);
        IsActive = true;
        _nameHistory.Add(new CategoryNameChange(Name, DateTimeOffset.MinValue));
        Raise(Changed());
    }

    /// <summary>Gives the item a new name from <paramref name="now"/> on; earlier counts keep the old name in reports.</summary>
    public void Rename(string name, DateTimeOffset now)
    {
        var trimmed = Text.Required(name, NameField, NameMaxLength);
        if (NameHistoryRules.Rename(_nameHistory, trimmed, now))
        {
            Name = trimmed;
            Raise(Changed());
        }
    }

    /// <summary>The name the item had at <paramref name="instant"/>.</summary>
    public string NameAt(DateTimeOffset instant) => NameHistoryRules.NameAt(_nameHistory, instant);

    public void Reorder(int sortOrder)
    {
        if (CheckSortOrder(sortOrder) != SortOrder)
        {
            SortOrder = sortOrder;
            Raise(Changed());
        }
    }

    /// <summary>Stops new counts under the item; its history stays. Retiring a retired item changes nothing.</summary>
    public void Retire(DateTimeOffset now)
    {
        if (!IsActive)
        {
            return;
        }

        IsActive = false;
        RetiredAt = now;
        Raise(Changed());
    }

    public void Reactivate()
    {
        if (IsActive)
        {
            return;
        }

        IsActive = true;
        RetiredAt = null;
        Raise(Changed());
    }

    internal static int CheckSortOrder(int sortOrder) =>
        sortOrder >= 0 ? sortOrder : throw new DomainException("Sorteringsordningen kan inte vara negativ.");
}
