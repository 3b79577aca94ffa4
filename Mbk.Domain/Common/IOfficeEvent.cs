namespace Mbk.Domain.Common;

/// <summary>
/// Something that happened in one office and that open screens of that office should learn about.
/// Events are published only after the change that raised them has been saved.
/// </summary>
public interface IOfficeEvent
{
    /// <summary>The office the event belongs to; live updates are delivered per office.</summary>
    int OfficeId { get; }

    /// <summary>A stable name for the kind of event, used as the SignalR method name for hub clients.</summary>
    string Topic { get; }
}
