namespace Mbk.Domain.Common;

/// <summary>Base for entities that raise office events when their rules change them.</summary>
public abstract class Entity
{
    private readonly List<IOfficeEvent> _events = [];

    public int Id { get; protected set; }

    public IReadOnlyList<IOfficeEvent> PendingEvents => _events;

    protected void Raise(IOfficeEvent officeEvent) => _events.Add(officeEvent);

    /// <summary>Hands out the events raised so far and forgets them, so each is published once.</summary>
    public IReadOnlyList<IOfficeEvent> TakeEvents()
    {
        var taken = _events.ToArray();
        _events.Clear();
        return taken;
    }
}
