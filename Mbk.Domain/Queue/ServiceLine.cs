using Mbk.Domain.Common;

namespace Mbk.Domain.Queue;

/// <summary>
/// A tjänst visitors take a ticket for (A = Samhällsvägledning, B = Konsumentvägledning, …).
/// Its one-letter prefix starts every ticket number of the service.
/// </summary>
public sealed class ServiceLine : Entity
{
    public const int NameMaxLength = 80;

    private ServiceLine()
    {
        Name = string.Empty;
    }

    public int OfficeId { get; private set; }

    public string Name { get; private set; }

    public char Prefix { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Waiting-time target in minutes; a wait beyond it is flagged on staff screens.</summary>
    public int WaitTargetMinutes { get; private set; }

    public static ServiceLine Create(int officeId, string name, char prefix, int sortOrder, int waitTargetMinutes = 20)
    {
        var line = new ServiceLine { OfficeId = officeId, SortOrder = sortOrder, IsActive = true };
        line.Change(name, prefix, waitTargetMinutes);
        return line;
    }

    public void Change(string name, char prefix, int waitTargetMinutes)
    {
        var upper = char.ToUpperInvariant(prefix);
        if (upper is < 'A' or > 'Z')
        {
            throw new DomainException($"Prefixet måste vara en bokstav A–Z (inte \"{prefix}\").");
        }

        if (waitTargetMinutes is < 1 or > 480)
        {
            throw new DomainException("Måltiden för väntan måste vara mellan 1 och 480 minuter.");
        }

        Name = Text.Required(name, "Tjänstens namn", NameMaxLength);
        Prefix = upper;
        WaitTargetMinutes = waitTargetMinutes;
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
