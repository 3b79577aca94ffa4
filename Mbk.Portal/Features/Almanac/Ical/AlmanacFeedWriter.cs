using System.Globalization;
using Ical.Net.CalendarComponents;
using CalendarEvent = Mbk.Domain.Almanac.CalendarEvent;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Mbk.Domain.Almanac;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Mbk.Portal.Features.Almanac.Ical;

/// <summary>
/// Writes an office's almanac events as one RFC 5545 calendar: a VTIMEZONE for the office's zone (with its DST rules),
/// one VEVENT per event or series with its RRULE (not expanded copies), EXDATE for cancelled occurrences and an extra
/// VEVENT with RECURRENCE-ID for each changed occurrence. Local times carry TZID; all-day events are VALUE=DATE.
/// </summary>
public static class AlmanacFeedWriter
{
    public const string ProductId = "-//Mbk Portal//Gemensam almanacka//SV";

    /// <summary>How far back the feed reaches: series and events that ended before this are left out.</summary>
    public const int DaysBack = 366;

    public static string Write(string officeName, string timeZoneId, IEnumerable<CalendarEvent> events, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(events);
        var from = today.AddDays(-DaysBack);
        var calendar = new IcalCalendar { ProductId = ProductId };
        calendar.AddProperty("X-WR-CALNAME", officeName);
        calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZoneId, from.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        foreach (var calendarEvent in events.Where(e => EndsOnOrAfter(e, from)))
        {
            calendar.Events.Add(Master(calendarEvent));
            foreach (var changed in calendarEvent.Overrides.Where(o => !o.IsCancelled).OrderBy(o => o.OriginalDate))
            {
                calendar.Events.Add(ChangedOccurrence(calendarEvent, changed));
            }
        }

        return InvariantCulture(() => new CalendarSerializer().SerializeToString(calendar)!);
    }

    /// <summary>
    /// Runs Ical.Net under the invariant culture: it formats numbers with the current one, and Swedish writes a minus
    /// as U+2212 ("BYDAY=−1SU"), which no other parser reads. Requests run in sv-SE, so this matters.
    /// </summary>
    internal static T InvariantCulture<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static IcalEvent Master(CalendarEvent calendarEvent)
    {
        var vevent = Common(calendarEvent);
        vevent.DtStart = Time(calendarEvent, calendarEvent.StartDate, calendarEvent.StartTime);
        vevent.DtEnd = End(calendarEvent, calendarEvent.EndDate, calendarEvent.EndTime);
        vevent.Summary = calendarEvent.Title;
        vevent.Location = calendarEvent.Location;
        vevent.Description = calendarEvent.Description;
        if (calendarEvent.Recurrence is { } recurrence)
        {
            // The stored rule; only UNTIL becomes the UTC end of its day for timed events, as RFC 5545 requires.
            vevent.RecurrenceRule = new RecurrencePattern(recurrence.ToRRule(calendarEvent.TimeZone, calendarEvent.AllDay));
            foreach (var cancelled in calendarEvent.Overrides.Where(o => o.IsCancelled).OrderBy(o => o.OriginalDate))
            {
                vevent.ExceptionDates.Add(Time(calendarEvent, cancelled.OriginalDate, calendarEvent.StartTime));
            }
        }

        return vevent;
    }

    private static IcalEvent ChangedOccurrence(CalendarEvent calendarEvent, CalendarEventOverride changed)
    {
        var span = calendarEvent.EndDate.DayNumber - calendarEvent.StartDate.DayNumber;
        var date = changed.Date ?? changed.OriginalDate;
        var vevent = Common(calendarEvent);
        vevent.RecurrenceIdentifier = new RecurrenceIdentifier(Time(calendarEvent, changed.OriginalDate, calendarEvent.StartTime), null);
        vevent.DtStart = Time(calendarEvent, date, changed.StartTime);
        vevent.DtEnd = End(calendarEvent, date.AddDays(span), changed.EndTime);
        vevent.Summary = changed.Title;
        vevent.Location = changed.Location;
        vevent.Description = changed.Description;
        return vevent;
    }

    private static IcalEvent Common(CalendarEvent calendarEvent)
    {
        var vevent = new IcalEvent
        {
            Uid = calendarEvent.Uid,
            Sequence = calendarEvent.Sequence,
            DtStamp = new CalDateTime(calendarEvent.ChangedAt.UtcDateTime, CalDateTime.UtcTzId),
            Created = new CalDateTime(calendarEvent.CreatedAt.UtcDateTime, CalDateTime.UtcTzId),
            LastModified = new CalDateTime(calendarEvent.ChangedAt.UtcDateTime, CalDateTime.UtcTzId),
        };
        vevent.Categories.Add(calendarEvent.Kind.SwedishName());
        return vevent;
    }

    private static CalDateTime Time(CalendarEvent calendarEvent, DateOnly date, TimeOnly? time) =>
        calendarEvent.AllDay ? new CalDateTime(date) : new CalDateTime(date, time, calendarEvent.TimeZoneId);

    /// <summary>DTEND: the end time on the last day, or (all-day) the day after the last day, as RFC 5545 counts it.</summary>
    private static CalDateTime End(CalendarEvent calendarEvent, DateOnly lastDay, TimeOnly? endTime) =>
        calendarEvent.AllDay ? new CalDateTime(lastDay.AddDays(1)) : new CalDateTime(lastDay, endTime, calendarEvent.TimeZoneId);

    private static bool EndsOnOrAfter(CalendarEvent calendarEvent, DateOnly from)
    {
        if (calendarEvent.Overrides.Any(o => !o.IsCancelled && o.Date >= from))
        {
            return true;
        }

        if (calendarEvent.Recurrence is not { } recurrence)
        {
            return calendarEvent.EndDate >= from;
        }

        if (recurrence.Until is { } until)
        {
            return until >= from;
        }

        // A counted series has at most Recurrence.MaxCount dates: find its last.
        return recurrence.Count is null || recurrence.Dates(calendarEvent.StartDate, calendarEvent.StartDate, DateOnly.MaxValue.AddDays(-1)).Last() >= from;
    }
}
