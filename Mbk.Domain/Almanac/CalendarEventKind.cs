namespace Mbk.Domain.Almanac;

/// <summary>What an almanac entry is about. Each kind has its own colour on the almanac pages.</summary>
public enum CalendarEventKind
{
    /// <summary>Öppettider: regular opening hours (derived from the office's opening schedule).</summary>
    OpeningHours = 0,

    /// <summary>Kvällsöppet: the evening opening.</summary>
    EveningOpening = 1,

    /// <summary>Partnerbesök: Skatteverket, Försäkringskassan, Arbetsförmedlingen, advokatjour, SYV, närpolis, …</summary>
    PartnerVisit = 2,

    /// <summary>Kurs, e.g. datakurs.</summary>
    Course = 3,

    /// <summary>Informationsmöte.</summary>
    InformationMeeting = 4,

    /// <summary>Utställning.</summary>
    Exhibition = 5,

    /// <summary>Studiebesök.</summary>
    StudyVisit = 6,

    /// <summary>Planeringsdag.</summary>
    PlanningDay = 7,

    /// <summary>Handledning (external supervision, e.g. every fourth week).</summary>
    Supervision = 8,

    /// <summary>Frånvaro (a staff member away).</summary>
    Absence = 9,

    /// <summary>Bemanning: who is at the desk and which table.</summary>
    Staffing = 10,

    /// <summary>Helgdag or a day the office is closed (derived from the opening schedule).</summary>
    Holiday = 11,
}

public static class CalendarEventKinds
{
    /// <summary>The kinds staff add as events themselves; the others are derived from opening hours and staffing.</summary>
    public static IReadOnlyList<CalendarEventKind> Plannable { get; } =
    [
        CalendarEventKind.PartnerVisit, CalendarEventKind.Course, CalendarEventKind.InformationMeeting,
        CalendarEventKind.Exhibition, CalendarEventKind.StudyVisit, CalendarEventKind.PlanningDay,
        CalendarEventKind.Supervision, CalendarEventKind.Absence, CalendarEventKind.EveningOpening,
    ];

    /// <summary>The Swedish name shown to staff.</summary>
    public static string SwedishName(this CalendarEventKind kind) => kind switch
    {
        CalendarEventKind.OpeningHours => "Öppettider",
        CalendarEventKind.EveningOpening => "Kvällsöppet",
        CalendarEventKind.PartnerVisit => "Partnerbesök",
        CalendarEventKind.Course => "Kurs",
        CalendarEventKind.InformationMeeting => "Informationsmöte",
        CalendarEventKind.Exhibition => "Utställning",
        CalendarEventKind.StudyVisit => "Studiebesök",
        CalendarEventKind.PlanningDay => "Planeringsdag",
        CalendarEventKind.Supervision => "Handledning",
        CalendarEventKind.Absence => "Frånvaro",
        CalendarEventKind.Staffing => "Bemanning",
        CalendarEventKind.Holiday => "Helgdag/stängt",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
