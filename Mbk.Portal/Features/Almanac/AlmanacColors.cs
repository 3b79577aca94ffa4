using Mbk.Domain.Almanac;

namespace Mbk.Portal.Features.Almanac;

/// <summary>One colour per kind of almanac entry, chosen to stay readable with white text (contrast ≥ 4.5:1).</summary>
public static class AlmanacColors
{
    public static string For(CalendarEventKind kind) => kind switch
    {
        CalendarEventKind.OpeningHours => "#2e7d32",
        CalendarEventKind.EveningOpening => "#1b5e20",
        CalendarEventKind.PartnerVisit => "#1565c0",
        CalendarEventKind.Course => "#6a1b9a",
        CalendarEventKind.InformationMeeting => "#00695c",
        CalendarEventKind.Exhibition => "#ad1457",
        CalendarEventKind.StudyVisit => "#4e342e",
        CalendarEventKind.PlanningDay => "#bf360c",
        CalendarEventKind.Supervision => "#37474f",
        CalendarEventKind.Absence => "#616161",
        CalendarEventKind.Staffing => "#283593",
        CalendarEventKind.Holiday => "#b71c1c",
        _ => "#424242",
    };
}
