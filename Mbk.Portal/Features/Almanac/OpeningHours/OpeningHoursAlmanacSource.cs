using Mbk.Domain.Almanac;
using Mbk.Domain.Queue;

namespace Mbk.Portal.Features.Almanac.OpeningHours;

/// <summary>
/// Puts the opening schedule in the almanac: each open day's hours, the evening opening, holidays and closed days,
/// changed hours, and holidays still waiting for a manager's answer (linked to the opening-hours page).
/// </summary>
public sealed class OpeningHoursAlmanacSource(OpeningScheduleQueries queries) : IAlmanacEntrySource
{
    public const string PageHref = "/almanac/opening-hours";

    public async Task<IReadOnlyList<AlmanacEntry>> GetEntriesAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        var schedule = await queries.GetAsync(officeId, first, last, cancellationToken);
        return schedule.Days(first, last).SelectMany(Entries).ToList();
    }

    /// <summary>The entries of one day of the schedule.</summary>
    public static IEnumerable<AlmanacEntry> Entries(ScheduledDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Hours is { } hours)
        {
            var text = OpeningSchedule.Format(hours);
            var (title, detail) = day.Source switch
            {
                ScheduleSource.Exception => ($"Ändrade öppettider {text}", string.IsNullOrEmpty(day.Exception!.Reason) ? null : day.Exception.Reason),
                ScheduleSource.ConfirmedHoliday => ($"Öppet {text}", $"{day.Holiday!.Name} – öppet (bekräftat)"),
                _ => ($"Öppet {text}", day.Holiday?.Name),
            };
            yield return new AlmanacEntry(day.Date, hours.Opens, hours.Closes, CalendarEventKind.OpeningHours, title, detail,
                day.Source == ScheduleSource.Weekly ? null : PageHref);
            if (hours.Closes > OpeningSchedule.EveningStarts)
            {
                var evening = hours.Opens > OpeningSchedule.EveningStarts ? hours.Opens : OpeningSchedule.EveningStarts;
                yield return new AlmanacEntry(day.Date, evening, hours.Closes, CalendarEventKind.EveningOpening,
                    $"Kvällsöppet till {OpeningSchedule.Clock(hours.Closes)}");
            }

            yield break;
        }

        switch (day.Source)
        {
            case ScheduleSource.UnconfirmedHoliday:
                yield return new AlmanacEntry(day.Date, null, null, CalendarEventKind.Holiday, $"{day.Holiday!.Name} – ej bekräftat",
                    "Stängt tills enhetschefen bekräftar om kontoret är stängt eller öppet.", PageHref);
                break;
            case ScheduleSource.Exception:
                yield return new AlmanacEntry(day.Date, null, null, CalendarEventKind.Holiday, $"Stängt – {day.Exception!.Reason}",
                    day.Holiday?.Name, PageHref);
                break;
            case ScheduleSource.ConfirmedHoliday:
                yield return new AlmanacEntry(day.Date, null, null, CalendarEventKind.Holiday, $"Stängt – {day.Holiday!.Name}", null, PageHref);
                break;
            default:
                if (day.Holiday is not null)
                {
                    yield return new AlmanacEntry(day.Date, null, null, CalendarEventKind.Holiday, $"Stängt – {day.Holiday.Name}");
                }

                break;
        }
    }
}
