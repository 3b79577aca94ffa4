using Mbk.Domain.Common;

namespace Mbk.Domain.Offices;

/// <summary>A medborgarkontor: the unit of the queue, almanac, meeting and statistics.</summary>
public sealed class Office : Entity
{
    public const int NameMaxLength = 100;
    public const int MessageMaxLength = 1000;

    private Office()
    {
        Name = string.Empty;
        Slug = string.Empty;
        TimeZoneId = DefaultTimeZoneId;
    }

    public const string DefaultTimeZoneId = "Europe/Stockholm";

    public string Name { get; private set; }

    public string Slug { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>IANA time zone of the office; all office-local times (opening hours, days) are in it.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>"Dagens meddelande": shown on every staff screen of the office.</summary>
    public string? MessageOfTheDay { get; private set; }

    public DateTimeOffset? MessageChangedAt { get; private set; }

    public string? MessageChangedBy { get; private set; }

    /// <summary>Weekly opening hours in <see cref="Queue.OpeningHours"/>' storage form: the weekly part of the almanac's opening schedule.</summary>
    public string OpeningHoursText { get; private set; } = Queue.OpeningHours.Default.ToStorageString();

    public Queue.OpeningHours OpeningHours => Queue.OpeningHours.Parse(OpeningHoursText);

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>Door passages per visitor (in and out): the reading is divided by this. Recorded readings keep their own copy.</summary>
    public decimal PassagesPerVisitor { get; private set; } = Statistics.DoorCounterReading.DefaultPassagesPerVisitor;

    /// <summary>Share of passages that are staff, subtracted from visitors (0.10 = 10 %).</summary>
    public decimal StaffShare { get; private set; } = Statistics.DoorCounterReading.DefaultStaffShare;

    /// <summary>SHA-256 (hex) of the key an automatic door counter sends; null when none is issued.</summary>
    public string? DoorCounterKeyHash { get; private set; }

    /// <summary>More door passages than this per hour are refused as a counter fault (office setting).</summary>
    public int MaxDoorPassagesPerHour { get; private set; } = Statistics.DoorCounterReading.DefaultMaxPassagesPerHour;

    /// <summary>The day the office opened, when known: no door reading may start before it.</summary>
    public DateOnly? OpenedOn { get; private set; }

    public void SetDoorCounterLimits(int maxPassagesPerHour, DateOnly? openedOn)
    {
        if (maxPassagesPerHour is < 1 or > 100_000)
        {
            throw new DomainException("Högsta antal passager per timme måste vara mellan 1 och 100 000.");
        }

        if (openedOn is { } date && date < Statistics.DoorCounterReading.EarliestReadingDate)
        {
            throw new DomainException("Kontorets startdatum kan inte vara före år 2000.");
        }

        MaxDoorPassagesPerHour = maxPassagesPerHour;
        OpenedOn = openedOn;
    }

    public void SetVisitorFactors(decimal passagesPerVisitor, decimal staffShare)
    {
        if (passagesPerVisitor is < 1 or > 10)
        {
            throw new DomainException("Antal passager per besökare måste vara mellan 1 och 10.");
        }

        if (staffShare is < 0 or >= 1)
        {
            throw new DomainException("Personalens andel måste vara mellan 0 och 100 % (t.ex. 10 %).");
        }

        PassagesPerVisitor = passagesPerVisitor;
        StaffShare = staffShare;
    }

    public void SetDoorCounterKeyHash(string? keyHash) => DoorCounterKeyHash = keyHash;

    public void SetOpeningHours(Queue.OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        OpeningHoursText = hours.ToStorageString();
        Raise(new Queue.QueueSetupChanged(Id));
        Raise(new Almanac.AlmanacChanged(Id, Almanac.AlmanacArea.OpeningHours));
    }

    public static Office Create(string name, string slug)
    {
        return new Office
        {
            Name = Text.Required(name, "Kontorets namn", NameMaxLength),
            Slug = OfficeSlug.Parse(slug),
            IsActive = true,
        };
    }

    public void Rename(string name, string slug)
    {
        Name = Text.Required(name, "Kontorets namn", NameMaxLength);
        Slug = OfficeSlug.Parse(slug);
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>Sets (or clears, with an empty text) the message of the day and tells every open screen.</summary>
    public void SetMessageOfTheDay(string? text, string changedBy, DateTimeOffset now)
    {
        var message = Text.Optional(text, "Dagens meddelande", MessageMaxLength);
        if (message == MessageOfTheDay)
        {
            return;
        }

        MessageOfTheDay = message;
        MessageChangedAt = now;
        MessageChangedBy = Text.Required(changedBy, "Ändrad av", 200);
        Raise(new MessageOfTheDayChanged(Id, message, now, MessageChangedBy));
    }
}

public sealed record MessageOfTheDayChanged(int OfficeId, string? Text, DateTimeOffset ChangedAt, string ChangedBy) : IOfficeEvent
{
    public string Topic => "MessageOfTheDayChanged";
}
