using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>A serving place of an office (Bord 1–4, Informationsdisken) that calls and serves tickets.</summary>
public sealed class Place : Entity
{
    public const int NameMaxLength = 60;

    private Place()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Retired places are kept so history still names them; they no longer call tickets.</summary>
    public bool IsActive { get; private set; }

    public static Place Create(int officeId, string name, int sortOrder) => new()
    {
        OfficeId = officeId,
        Name = Text.Required(name, "Platsens namn", NameMaxLength),
        SortOrder = sortOrder,
        IsActive = true,
    };

    public void Rename(string name)
    {
        Name = Text.Required(name, "Platsens namn", NameMaxLength);
        Raise(new QueueSetupChanged(OfficeId));
    }

    public void ChangeSortOrder(int sortOrder)
    {
        SortOrder = sortOrder;
        Raise(new QueueSetupChanged(OfficeId));
    }

    public void Deactivate()
    {
        IsActive = false;
        Raise(new QueueSetupChanged(OfficeId));
    }

    public void Activate()
    {
        IsActive = true;
        Raise(new QueueSetupChanged(OfficeId));
    }
}
