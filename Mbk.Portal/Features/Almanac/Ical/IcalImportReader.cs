using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.DataTypes;
using Mbk.Domain.Almanac;
using Mbk.Domain.Common;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>A changed occurrence read from a VEVENT with RECURRENCE-ID.</summary>
public sealed record ImportedOccurrenceChange(DateOnly OriginalDate, OccurrenceDetails Details);

/// <summary>One event or series read from an .ics file, in the office's local time, checked against the domain's rules.</summary>
public sealed record ImportedEvent(
    string Uid,
    CalendarEventDetails Details,
    IReadOnlyList<DateOnly> Cancelled,
    IReadOnlyList<ImportedOccurrenceChange> Changed)
{
    /// <summary>Applies the file's EXDATE (cancelled) and RECURRENCE-ID (changed) occurrences to the event.</summary>
    public void ApplyExceptions(CalendarEvent calendarEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        if (!calendarEvent.IsRecurring)
        {
            if (Changed.Count > 0)
            {
                throw new DomainException("ett ändrat tillfälle (RECURRENCE-ID) hör till en händelse som inte upprepas.");
            }

            return;
        }

        foreach (var date in Cancelled.Where(calendarEvent.HasOccurrence))
        {
            // EXDATE entries that name no occurrence are ignored, as RFC 5545 says.
            calendarEvent.CancelOccurrence(date, calendarEvent.Sequence, now);
        }

        foreach (var change in Changed)
        {
            if (!calendarEvent.HasOccurrence(change.OriginalDate))
            {
                throw new DomainException($"det ändrade tillfället {change.OriginalDate:yyyy-MM-dd} (RECURRENCE-ID) finns inte i serien.");
            }

            calendarEvent.ChangeOccurrence(change.OriginalDate, change.Details, calendarEvent.Sequence, now);
        }
    }
}

/// <summary>
/// Reads an RFC 5545 file with Ical.Net into almanac events for an office: every VEVENT becomes an event (its UID
/// kept), RRULE is kept when <see cref="Recurrence.Parse"/> supports it, EXDATE becomes cancelled occurrences and
/// VEVENTs with RECURRENCE-ID changed occurrences. Times with a zone or in UTC are converted to the office's zone,
/// floating times are taken as office-local. Anything wrong refuses the whole file with a Swedish message.
/// </summary>
public static class IcalImportReader
{
    public static IReadOnlyList<ImportedEvent> Read(string text, string officeTimeZoneId, CalendarEventKind defaultKind, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(officeTimeZoneId);
        var calendar = Load(text);
        var vevents = calendar.Events.ToList();
        if (vevents.Count == 0)
        {
            throw new DomainException("Filen innehåller inga händelser (VEVENT). Ingenting lästes in.");
        }

        var result = new List<ImportedEvent>();
        foreach (var group in vevents.GroupBy(UidOf, StringComparer.Ordinal))
        {
            var masters = group.Where(e => e.RecurrenceIdentifier is null).ToList();
            var name = Name(masters.FirstOrDefault() ?? group.First());
            if (masters.Count != 1)
            {
                throw new DomainException(masters.Count == 0
                    ? $"Händelsen {name} har bara ändrade tillfällen (RECURRENCE-ID) men ingen serie i filen."
                    : $"Händelsen {name}: UID {group.Key} förekommer {masters.Count} gånger.");
            }

            var imported = Guard(name, () => ReadEvent(group.Key, masters[0], group.Where(e => e.RecurrenceIdentifier is not null), zone, defaultKind));

            // Check the domain's rules now, so a preview already refuses what the import would.
            Guard(name, () =>
            {
                var check = CalendarEvent.Create(0, officeTimeZoneId, imported.Details, "import", "import", now, imported.Uid);
                imported.ApplyExceptions(check, now);
                return check;
            });
            result.Add(imported);
        }

        return result;
    }

    private static IcalCalendar Load(string text)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\r', '\n', '\t');
        if (!trimmed.StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException("Filen är ingen iCalendar-fil (.ics): den börjar inte med BEGIN:VCALENDAR. Ingenting lästes in.");
        }

        try
        {
            return AlmanacFeedWriter.InvariantCulture(() => IcalCalendar.Load(trimmed)) ?? throw new DomainException("Filen innehåller ingen kalender (VCALENDAR). Ingenting lästes in.");
        }
        catch (DomainException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The parser's own (English) message stays in the inner exception for the log, not on the page.
            throw new DomainException("Filen kunde inte läsas som iCalendar: innehållet följer inte kalenderformatet (t.ex. en händelse som inte avslutas med END:VEVENT). Exportera filen på nytt från kalenderprogrammet. Ingenting lästes in.", ex);
        }
    }

    private static ImportedEvent ReadEvent(string uid, IcalEvent master, IEnumerable<IcalEvent> changes, TimeZoneInfo zone, CalendarEventKind defaultKind)
    {
        if (master.DtStart is null)
        {
            throw new DomainException("saknar ett giltigt startdatum (DTSTART).");
        }

        if (master.RecurrenceDates.GetAllDates().Any() || master.Properties.Any(p => p.Name is "EXRULE") || master.Properties.Count(p => p.Name is "RRULE") > 1)
        {
            throw new DomainException("använder RDATE, EXRULE eller flera RRULE, som almanackan inte stöder.");
        }

        var allDay = !master.DtStart.HasTime;
        var (startDate, startTime) = Local(master.DtStart, zone);
        var (endDate, endTime) = EndOf(master, allDay, startDate, startTime, zone);
        Recurrence? recurrence = null;
        if (master.RecurrenceRule is { } rule)
        {
            var ruleText = AlmanacFeedWriter.InvariantCulture(() => rule.ToString()) ?? string.Empty;
            try
            {
                recurrence = Recurrence.Parse(ruleText, startDate, zone);
            }
            catch (DomainException ex)
            {
                throw new DomainException($"har upprepningen RRULE:{ruleText}, som almanackan inte stöder: {ex.Message}", ex);
            }
        }

        var details = new CalendarEventDetails(
            KindOf(master, defaultKind), TitleOf(master), startDate, startTime, endTime, allDay ? endDate : null,
            Blank(master.Location), Blank(master.Description), recurrence);
        var cancelled = master.ExceptionDates.GetAllDates().Select(d => Local(d, zone).Date).Distinct().Order().ToList();
        var changed = changes.Select(change =>
        {
            if (change.DtStart is null)
            {
                throw new DomainException("har ett ändrat tillfälle utan giltigt startdatum (DTSTART).");
            }

            var original = Local(change.RecurrenceIdentifier!.StartTime, zone).Date;
            var (date, time) = Local(change.DtStart, zone);
            var (_, end) = EndOf(change, allDay, date, time, zone);
            return new ImportedOccurrenceChange(original, new OccurrenceDetails(
                TitleOf(change), date, allDay ? null : time, allDay ? null : end, Blank(change.Location), Blank(change.Description)));
        }).ToList();
        return new ImportedEvent(uid, details, cancelled, changed);
    }

    /// <summary>The last day and end time: DTEND, or DTSTART + DURATION, or (none) one day / the start itself.</summary>
    private static (DateOnly Date, TimeOnly? Time) EndOf(IcalEvent vevent, bool allDay, DateOnly startDate, TimeOnly? startTime, TimeZoneInfo zone)
    {
        var end = vevent.DtEnd ?? (vevent.Duration is { } duration ? vevent.DtStart!.Add(duration) : null);
        if (allDay)
        {
            // DTEND of an all-day event is the day after its last day.
            var exclusive = end is null ? startDate.AddDays(1) : end.Date;
            return (exclusive > startDate ? exclusive.AddDays(-1) : startDate, null);
        }

        if (end is null)
        {
            return (startDate, startTime);
        }

        var (date, time) = Local(end, zone);
        if (time == TimeOnly.MinValue && date == startDate.AddDays(1))
        {
            // Ends at midnight: the almanac's timed events lie within their day.
            return (startDate, new TimeOnly(23, 59));
        }

        return (date, time);
    }

    private static (DateOnly Date, TimeOnly? Time) Local(CalDateTime value, TimeZoneInfo zone)
    {
        if (!value.HasTime)
        {
            return (value.Date, null);
        }

        if (value.IsFloating)
        {
            return (value.Date, value.Time);
        }

        DateTime utc;
        try
        {
            utc = DateTime.SpecifyKind(value.AsUtc, DateTimeKind.Utc);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DomainException($"har tidszonen \"{value.TzId}\", som inte känns igen.", ex);
        }

        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        return (DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private static CalendarEventKind KindOf(IcalEvent vevent, CalendarEventKind defaultKind)
    {
        foreach (var category in vevent.Categories)
        {
            foreach (var kind in CalendarEventKinds.Plannable)
            {
                if (string.Equals(kind.SwedishName(), category?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    return kind;
                }
            }
        }

        return defaultKind;
    }

    private static string TitleOf(IcalEvent vevent) => Blank(vevent.Summary) ?? "(Utan rubrik)";

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Name(IcalEvent vevent)
    {
        var title = Blank(vevent.Summary) ?? "(utan rubrik)";
        return vevent.DtStart is { } start
            ? $"\"{title}\" ({start.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})"
            : $"\"{title}\"";
    }

    /// <summary>A file's UID, or (none) a stable one from the summary and start, so a re-import still updates.</summary>
    private static string UidOf(IcalEvent vevent)
    {
        if (Blank(vevent.Uid) is { } uid)
        {
            return uid;
        }

        var seed = $"{vevent.Summary}|{vevent.DtStart}";
        return "import-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)))[..32] + "@mbk-portal";
    }

    private static T Guard<T>(string name, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DomainException ex)
        {
            // Our own fragments read on from the name ("… saknar DTSTART."); the domain's sentences follow a colon.
            var separator = ex.Message.Length > 0 && char.IsLower(ex.Message[0]) ? " " : ": ";
            throw new DomainException($"Händelsen {name}{separator}{ex.Message} Ingenting lästes in.", ex);
        }
    }
}
