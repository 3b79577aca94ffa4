using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Almanac;

/// <summary>
/// A manager's answer to "is the office closed on this holiday?": closed, or open at given hours. Kept apart from
/// <see cref="OpeningHoursException"/> because it answers a question the portal asks (every holiday needs one) and
/// records who confirmed it, while an exception is a change a manager makes on her own initiative; an exception on the
/// same date still wins.
/// </summary>
public sealed class HolidayDecision : Entity
{
    public const int NameMaxLength = 200;

    private HolidayDecision() => DecidedBy = string.Empty;

    public int OfficeId { get; private set; }

    public DateOnly Date { get; private set; }

    public bool IsClosed { get; private set; }

    public TimeOnly? Opens { get; private set; }

    public TimeOnly? Closes { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    /// <summary>The hours when confirmed open, else null.</summary>
    public DayHours? Hours => !IsClosed && Opens is { } opens && Closes is { } closes ? new DayHours(opens, closes) : null;

    /// <summary>Confirms <paramref name="date"/> (a Swedish holiday or eve) closed, or open at <paramref name="openHours"/>.</summary>
    public static HolidayDecision Confirm(int officeId, DateOnly date, DayHours? openHours, string decidedBy, DateTimeOffset now)
    {
        if (SwedishHolidays.On(date) is null)
        {
            throw new DomainException($"{date:yyyy-MM-dd} är ingen helgdag eller aftonen före en helgdag.");
        }

        var decision = new HolidayDecision { OfficeId = officeId, Date = date };
        decision.Change(openHours, decidedBy, now);
        return decision;
    }

    /// <summary>Changes the answer: closed when <paramref name="openHours"/> is null.</summary>
    public void Change(DayHours? openHours, string decidedBy, DateTimeOffset now)
    {
        IsClosed = openHours is null;
        Opens = openHours?.Opens;
        Closes = openHours?.Closes;
        DecidedBy = Text.Required(decidedBy, "Beslutad av", NameMaxLength);
        DecidedAt = now;
        Raise(new AlmanacChanged(OfficeId, AlmanacArea.OpeningHours));
        Raise(new QueueSetupChanged(OfficeId));
    }

    /// <summary>Withdraws the answer: the holiday is "ej bekräftad" again (and so closed until answered).</summary>
    public void Withdraw()
    {
        Raise(new AlmanacChanged(OfficeId, AlmanacArea.OpeningHours));
        Raise(new QueueSetupChanged(OfficeId));
    }
}
