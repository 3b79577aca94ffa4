using Mbk.Domain.Common;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Almanac;

/// <summary>
/// An event in an office's shared almanac, once or as a series (a recurrence rule), in the office's local time: 18:00
/// stays 18:00 across the DST changes. Maps one-to-one to an iCalendar VEVENT: <see cref="Uid"/>, <see cref="Sequence"/>,
/// RRULE (<see cref="RecurrenceRule"/>), EXDATE and RECURRENCE-ID (<see cref="Overrides"/>). Every change raises
/// <see cref="AlmanacChanged"/> so open almanacs and start pages reload.
/// </summary>
public sealed class CalendarEvent : Entity
{
    public const int TitleMaxLength = 200;
    public const int LocationMaxLength = 200;
    public const int DescriptionMaxLength = 4000;
    public const int UidMaxLength = 255;
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 200;
    public const int MaxDaysLong = 366;
    public const string StaleMessage = "Händelsen har ändrats av någon annan – ladda om.";

    private static readonly DateOnly EarliestDate = new(2000, 1, 1);
    private static readonly DateOnly LatestDate = new(2100, 12, 31);

    private readonly List<CalendarEventOverride> _overrides = [];

    private CalendarEvent()
    {
        Uid = string.Empty;
        Title = string.Empty;
        TimeZoneId = string.Empty;
        CreatedByUserId = string.Empty;
        CreatedByName = string.Empty;
    }

    public int OfficeId { get; private set; }

    /// <summary>Stable identity for iCalendar (UID); a "this and following" split starts a series with a new one.</summary>
    public string Uid { get; private set; }

    public CalendarEventKind Kind { get; private set; }

    public string Title { get; private set; }

    public string? Location { get; private set; }

    public string? Description { get; private set; }

    /// <summary>The first occurrence's date (office-local).</summary>
    public DateOnly StartDate { get; private set; }

    /// <summary>The first occurrence's last day: the same day for a timed event, later for a multi-day all-day event.</summary>
    public DateOnly EndDate { get; private set; }

    public TimeOnly? StartTime { get; private set; }

    public TimeOnly? EndTime { get; private set; }

    public bool AllDay => StartTime is null;

    /// <summary>The office's zone (IANA id) in which the local dates and times are meant.</summary>
    public string TimeZoneId { get; private set; }

    /// <summary>The recurrence as an RRULE value (UNTIL as a local DATE), or null for a one-off event.</summary>
    public string? RecurrenceRule { get; private set; }

    /// <summary>iCalendar SEQUENCE: increased on every change; an edit must name the one it started from.</summary>
    public int Sequence { get; private set; }

    /// <summary>Partner visits: the queue service visitors can take tickets for during the visit.</summary>
    public int? ServiceLineId { get; private set; }

    /// <summary>Partner visits: the place where the visiting officer calls the service's tickets.</summary>
    public int? PlaceId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedByUserId { get; private set; }

    public string CreatedByName { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public IReadOnlyList<CalendarEventOverride> Overrides => _overrides;

    public Recurrence? Recurrence => RecurrenceRule is null ? null : Recurrence.Parse(RecurrenceRule, StartDate);

    public bool IsRecurring => RecurrenceRule is not null;

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    /// <summary>
    /// A new event or series. A series' start date moves forward to the rule's first matching day (a weekly
    /// Wednesday series entered on a Monday starts that Wednesday), so the stored start always is an occurrence.
    /// </summary>
    public static CalendarEvent Create(
        int officeId, string timeZoneId, CalendarEventDetails details, string userId, string userName, DateTimeOffset now, string? uid = null)
    {
        ArgumentNullException.ThrowIfNull(details);
        var calendarEvent = new CalendarEvent
        {
            OfficeId = officeId,
            Uid = uid is null ? NewUid() : Text.Required(uid, "UID", UidMaxLength),
            TimeZoneId = Text.Required(timeZoneId, "Tidszonen", 64),
            CreatedByUserId = Text.Required(userId, "Användaren", UserIdMaxLength),
            CreatedByName = Text.Required(userName, "Namnet", NameMaxLength),
            CreatedAt = now,
        };
        calendarEvent.Apply(details, now);
        return calendarEvent;
    }

    private static string NewUid() => Guid.NewGuid().ToString("N") + "@mbk-portal";

    /// <summary>"Hela serien": changes the event or every occurrence of the series.</summary>
    public void Change(CalendarEventDetails details, int expectedSequence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireSequence(expectedSequence);
        Apply(details, now);
        Sequence++;
    }

    /// <summary>
    /// An iCalendar import of the same UID again: the event takes the file's details and drops its exceptions (the
    /// file's EXDATE and RECURRENCE-ID entries are applied again after this), so a re-import updates, never duplicates.
    /// </summary>
    public void ReplaceFromImport(CalendarEventDetails details, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        Apply(details, now);
        _overrides.Clear();
        Sequence++;
    }

    /// <summary>"Bara denna": one occurrence of the series gets another date, time, title, place or description.</summary>
    public void ChangeOccurrence(DateOnly originalDate, OccurrenceDetails details, int expectedSequence, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireSequence(expectedSequence);
        RequireOccurrence(originalDate);
        var title = Text.Required(details.Title, "Rubriken", TitleMaxLength);
        var location = Text.Optional(details.Location, "Platsen", LocationMaxLength);
        var description = Text.Optional(details.Description, "Beskrivningen", DescriptionMaxLength);
        RequireDateInRange(details.Date);
        if (AllDay && (details.StartTime is not null || details.EndTime is not null))
        {
            throw new DomainException("Serien är heldag; ett enskilt tillfälle kan inte få tider. Ändra hela serien i stället.");
        }

        if (!AllDay)
        {
            RequireTimes(details.StartTime, details.EndTime);
        }

        OverrideFor(originalDate).Change(title, details.Date, details.StartTime, details.EndTime, location, description);
        Sequence++;
        Touch(now);
    }

    /// <summary>"Bara denna" cancelled: the occurrence disappears from the almanac (iCal EXDATE).</summary>
    public void CancelOccurrence(DateOnly originalDate, int expectedSequence, DateTimeOffset now)
    {
        RequireSequence(expectedSequence);
        RequireOccurrence(originalDate);
        OverrideFor(originalDate).Cancel();
        Sequence++;
        Touch(now);
    }

    /// <summary>
    /// "Denna och följande": the series ends the day before <paramref name="originalDate"/> and a new series (new UID)
    /// with <paramref name="details"/> continues from there, taking the later exceptions that still fit its rule. From
    /// the first occurrence this is the same as changing the whole series, and <c>this</c> is returned; otherwise the
    /// new series, which the caller adds.
    /// </summary>
    public CalendarEvent ChangeFromOccurrence(
        DateOnly originalDate, CalendarEventDetails details, int expectedSequence, string userId, string userName, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        RequireSequence(expectedSequence);
        RequireSeriesOccurrence(originalDate);
        if (originalDate == StartDate)
        {
            Change(details, expectedSequence, now);
            return this;
        }

        var following = Create(OfficeId, TimeZoneId, details, userId, userName, now);
        foreach (var moved in _overrides.Where(o => o.OriginalDate >= originalDate).ToList())
        {
            _overrides.Remove(moved);
            if (following.HasOccurrence(moved.OriginalDate))
            {
                following._overrides.Add(moved.Copy());
            }
        }

        EndBefore(originalDate, now);
        return following;
    }

    /// <summary>
    /// "Denna och följande" cancelled: the series ends the day before <paramref name="originalDate"/>. Returns true
    /// when that leaves nothing (it was the first occurrence), so the caller deletes the event.
    /// </summary>
    public bool CancelFromOccurrence(DateOnly originalDate, int expectedSequence, DateTimeOffset now)
    {
        RequireSequence(expectedSequence);
        RequireSeriesOccurrence(originalDate);
        if (originalDate == StartDate)
        {
            Delete(expectedSequence);
            return true;
        }

        _overrides.RemoveAll(o => o.OriginalDate >= originalDate);
        EndBefore(originalDate, now);
        return false;
    }

    /// <summary>The rule for the rest of the series from <paramref name="originalDate"/>: a count shrinks by the occurrences before it.</summary>
    public Recurrence? RecurrenceFrom(DateOnly originalDate)
    {
        var recurrence = Recurrence;
        if (recurrence?.Count is not { } count)
        {
            return recurrence;
        }

        var before = recurrence.Dates(StartDate, StartDate, originalDate.AddDays(-1)).Count();
        return recurrence.WithCount(Math.Max(1, count - before));
    }

    /// <summary>Marks the event as removed (the caller deletes it), so screens reload.</summary>
    public void Delete(int expectedSequence)
    {
        RequireSequence(expectedSequence);
        Raise(new AlmanacChanged(OfficeId, AlmanacArea.Events));
    }

    /// <summary>Whether the series (or the one-off event) has an occurrence with this original date.</summary>
    public bool HasOccurrence(DateOnly originalDate) =>
        Recurrence is { } recurrence ? recurrence.OccursOn(StartDate, originalDate) : originalDate == StartDate;

    /// <summary>The occurrence with this original date as the almanac shows it, or null when cancelled or not in the series.</summary>
    public CalendarOccurrence? Occurrence(DateOnly originalDate)
    {
        if (!HasOccurrence(originalDate))
        {
            return null;
        }

        var date = _overrides.FirstOrDefault(o => o.OriginalDate == originalDate)?.Date ?? originalDate;
        var (from, to) = date < originalDate ? (date, originalDate) : (originalDate, date);
        return Occurrences(from, to).FirstOrDefault(o => o.OriginalDate == originalDate);
    }

    /// <summary>
    /// The occurrences overlapping <paramref name="from"/>–<paramref name="to"/> (office-local dates, both included),
    /// cancelled ones left out, changed ones as changed, ordered by start. Local times are turned into instants in the
    /// office's zone: a time that does not exist on the spring DST day (02:00–03:00) moves forward by the gap.
    /// </summary>
    public IReadOnlyList<CalendarOccurrence> Occurrences(DateOnly from, DateOnly to)
    {
        var span = EndDate.DayNumber - StartDate.DayNumber;
        var recurrence = Recurrence;
        var originals = recurrence is null
            ? (StartDate <= to && EndDate >= from ? [StartDate] : new List<DateOnly>())
            : recurrence.Dates(StartDate, from.AddDays(-span), to).ToList();
        var byDate = _overrides.ToDictionary(o => o.OriginalDate);
        var candidates = originals.Concat(_overrides.Where(o => !o.IsCancelled).Select(o => o.OriginalDate)).Distinct();
        var zone = TimeZone;
        var result = new List<CalendarOccurrence>();
        foreach (var original in candidates)
        {
            byDate.TryGetValue(original, out var changed);
            if (changed?.IsCancelled == true)
            {
                continue;
            }

            var date = changed?.Date ?? original;
            var endDate = date.AddDays(span);
            if (date > to || endDate < from)
            {
                continue;
            }

            var startTime = changed is null ? StartTime : changed.StartTime;
            var endTime = changed is null ? EndTime : changed.EndTime;
            var start = ServiceDayCalculator.ToInstant(date, startTime ?? TimeOnly.MinValue, zone);
            var end = endTime is { } time
                ? ServiceDayCalculator.ToInstant(endDate, time, zone)
                : ServiceDayCalculator.ToInstant(endDate.AddDays(1), TimeOnly.MinValue, zone);
            result.Add(new CalendarOccurrence(
                Id, Uid, original, date, endDate, startTime, endTime, start, end, Kind,
                changed?.Title ?? Title,
                changed is null ? Location : changed.Location,
                changed is null ? Description : changed.Description,
                recurrence is not null, changed is not null, ServiceLineId, PlaceId));
        }

        return result.OrderBy(o => o.Start).ThenBy(o => o.Title, StringComparer.Ordinal).ToList();
    }

    private void EndBefore(DateOnly originalDate, DateTimeOffset now)
    {
        RecurrenceRule = Recurrence!.EndingOn(originalDate.AddDays(-1)).ToRRule();
        Sequence++;
        Touch(now);
    }

    private void Apply(CalendarEventDetails details, DateTimeOffset now)
    {
        if (!CalendarEventKinds.Plannable.Contains(details.Kind))
        {
            throw new DomainException($"{(Enum.IsDefined(details.Kind) ? details.Kind.SwedishName() : "Okänd typ")} kan inte läggas in som händelse; det kommer från öppettider och bemanning.");
        }

        var title = Text.Required(details.Title, "Rubriken", TitleMaxLength);
        var location = Text.Optional(details.Location, "Platsen", LocationMaxLength);
        var description = Text.Optional(details.Description, "Beskrivningen", DescriptionMaxLength);
        RequireDateInRange(details.StartDate);
        var endDate = details.EndDate ?? details.StartDate;
        if (details.AllDay)
        {
            if (endDate < details.StartDate)
            {
                throw new DomainException("Slutdatumet får inte vara före startdatumet.");
            }

            if (endDate.DayNumber - details.StartDate.DayNumber >= MaxDaysLong)
            {
                throw new DomainException($"En händelse kan vara högst {MaxDaysLong} dagar lång.");
            }
        }
        else
        {
            RequireTimes(details.StartTime, details.EndTime);
            if (endDate != details.StartDate)
            {
                throw new DomainException("En händelse med tider ligger inom en dag; välj heldag för en händelse över flera dagar.");
            }
        }

        if ((details.ServiceLineId is not null || details.PlaceId is not null) && details.Kind != CalendarEventKind.PartnerVisit)
        {
            throw new DomainException("Kötjänst och plats kan bara anges för partnerbesök.");
        }

        if (details.PlaceId is not null && details.ServiceLineId is null)
        {
            throw new DomainException("Välj vilken kötjänst besökaren öppnar när du anger en plats.");
        }

        if (details.ServiceLineId is not null && details.AllDay)
        {
            throw new DomainException("Ett partnerbesök som öppnar en kötjänst behöver start- och sluttid.");
        }

        var startDate = details.StartDate;
        if (details.Recurrence is { } recurrence)
        {
            if (recurrence.Until is { } until && until < startDate)
            {
                throw new DomainException("Upprepningens slutdatum får inte vara före startdatumet.");
            }

            startDate = recurrence.FirstOnOrAfter(startDate);
            if (recurrence.Until is { } last && startDate > last)
            {
                throw new DomainException("Upprepningen har inget tillfälle före sitt slutdatum.");
            }

            RequireDateInRange(startDate);
        }

        var shift = startDate.DayNumber - details.StartDate.DayNumber;
        Kind = details.Kind;
        Title = title;
        Location = location;
        Description = description;
        StartDate = startDate;
        EndDate = endDate.AddDays(shift);
        StartTime = details.StartTime;
        EndTime = details.EndTime;
        RecurrenceRule = details.Recurrence?.ToRRule();
        ServiceLineId = details.ServiceLineId;
        PlaceId = details.PlaceId;

        // Exceptions for occurrences the new rule no longer has are dropped (iCal would ignore them too).
        _overrides.RemoveAll(o => !HasOccurrence(o.OriginalDate));
        Touch(now);
    }

    private static void RequireTimes(TimeOnly? start, TimeOnly? end)
    {
        if (start is null || end is null)
        {
            throw new DomainException("Ange både start- och sluttid, eller ingen av dem för en heldagshändelse.");
        }

        if (end <= start)
        {
            throw new DomainException("Sluttiden måste vara efter starttiden.");
        }
    }

    private static void RequireDateInRange(DateOnly date)
    {
        if (date < EarliestDate || date > LatestDate)
        {
            throw new DomainException($"Datumet måste ligga mellan {EarliestDate:yyyy-MM-dd} och {LatestDate:yyyy-MM-dd}.");
        }
    }

    private void RequireSequence(int expectedSequence)
    {
        if (expectedSequence != Sequence)
        {
            throw new DomainException(StaleMessage);
        }
    }

    private void RequireSeriesOccurrence(DateOnly originalDate)
    {
        if (!IsRecurring)
        {
            throw new DomainException("Händelsen upprepas inte; ändra hela händelsen i stället.");
        }

        RequireOccurrence(originalDate);
    }

    private void RequireOccurrence(DateOnly originalDate)
    {
        if (!IsRecurring)
        {
            throw new DomainException("Händelsen upprepas inte; ändra hela händelsen i stället.");
        }

        if (!HasOccurrence(originalDate))
        {
            throw new DomainException($"Serien har inget tillfälle {originalDate:yyyy-MM-dd}.");
        }
    }

    private CalendarEventOverride OverrideFor(DateOnly originalDate)
    {
        var existing = _overrides.SingleOrDefault(o => o.OriginalDate == originalDate);
        if (existing is null)
        {
            existing = new CalendarEventOverride(originalDate);
            _overrides.Add(existing);
        }

        return existing;
    }

    private void Touch(DateTimeOffset now)
    {
        ChangedAt = now;
        Raise(new AlmanacChanged(OfficeId, AlmanacArea.Events));
    }
}
