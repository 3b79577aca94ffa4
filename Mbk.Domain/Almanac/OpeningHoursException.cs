using System.Diagnostics.CodeAnalysis;
using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Almanac;

/// <summary>
/// A day on which the office keeps other hours than its weekly ones: closed (with a reason staff and visitors can
/// read, e.g. "Planeringsdag") or open at changed hours. One per office and date; it wins over everything else.
/// </summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Domain term: an exception to the opening hours (avvikelse), not a System.Exception.")]
public sealed class OpeningHoursException : Entity
{
    public const int ReasonMaxLength = 200;
    public const int NameMaxLength = 200;

    private OpeningHoursException()
    {
        Reason = string.Empty;
        ChangedBy = string.Empty;
    }

    public int OfficeId { get; private set; }

    public DateOnly Date { get; private set; }

    public TimeOnly? Opens { get; private set; }

    public TimeOnly? Closes { get; private set; }

    /// <summary>Why (required when closed): shown in the almanac and on the kiosk's closed notice.</summary>
    public string Reason { get; private set; }

    public string ChangedBy { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The day's hours, or null when the office is closed all day.</summary>
    public DayHours? Hours => Opens is { } opens && Closes is { } closes ? new DayHours(opens, closes) : null;

    public bool IsClosed => Hours is null;

    /// <summary>A closed day (<paramref name="hours"/> null) or a day with changed hours.</summary>
    public static OpeningHoursException Create(int officeId, DateOnly date, DayHours? hours, string? reason, string changedBy, DateTimeOffset now)
    {
        var exception = new OpeningHoursException { OfficeId = officeId, Date = date };
        exception.Apply(hours, reason, changedBy, now);
        return exception;
    }

    public void Change(DayHours? hours, string? reason, string changedBy, DateTimeOffset now) => Apply(hours, reason, changedBy, now);

    /// <summary>Call before removing it, so open screens learn that the day has its usual hours again.</summary>
    public void Remove() => RaiseChanged();

    private void Apply(DayHours? hours, string? reason, string changedBy, DateTimeOffset now)
    {
        Reason = hours is null
            ? Text.Required(reason, "Orsaken till att kontoret är stängt", ReasonMaxLength)
            : Text.Optional(reason, "Orsaken", ReasonMaxLength) ?? string.Empty;
        Opens = hours?.Opens;
        Closes = hours?.Closes;
        ChangedBy = Text.Required(changedBy, "Ändrad av", NameMaxLength);
        ChangedAt = now;
        RaiseChanged();
    }

    private void RaiseChanged()
    {
        Raise(new AlmanacChanged(OfficeId, AlmanacArea.OpeningHours));
        Raise(new QueueSetupChanged(OfficeId));
    }
}
