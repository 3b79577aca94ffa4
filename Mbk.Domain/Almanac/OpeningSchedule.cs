using System.Globalization;
using Mbk.Domain.Queue;

namespace Mbk.Domain.Almanac;

/// <summary>Why a day has the hours it has.</summary>
public enum ScheduleSource
{
    /// <summary>The office's weekly hours.</summary>
    Weekly = 0,

    /// <summary>An <see cref="OpeningHoursException"/> for the date.</summary>
    Exception = 1,

    /// <summary>A holiday a manager has confirmed closed or open.</summary>
    ConfirmedHoliday = 2,

    /// <summary>A holiday or eve on a normally open day nobody has confirmed yet: closed until a manager says otherwise.</summary>
    UnconfirmedHoliday = 3,
}

/// <summary>One office-local day of the schedule: its hours (null = closed), why, and the holiday on it if any.</summary>
public sealed record ScheduledDay(
    DateOnly Date,
    DayHours? Hours,
    ScheduleSource Source,
    SwedishHoliday? Holiday,
    OpeningHoursException? Exception,
    HolidayDecision? Decision,
    DayHours? WeeklyHours)
{
    public bool IsOpen => Hours is not null;

    /// <summary>A holiday on a normally open day without a manager's answer ("ej bekräftad").</summary>
    public bool NeedsConfirmation => Source == ScheduleSource.UnconfirmedHoliday;

    /// <summary>
    /// Why the office is closed, as visitors may read it on the kiosk: the holiday's name or the manager's reason for a
    /// closed day; null when open or on an ordinary closed weekday (nothing to explain), never the internal status.
    /// </summary>
    public string? VisitorClosedReason => Hours is not null
        ? null
        : Source == ScheduleSource.Exception ? Exception!.Reason : Holiday?.Name;

    /// <summary>A holiday a manager has answered for (closed or open).</summary>
    public bool IsHolidayConfirmed => Holiday is not null && Decision is not null;

    /// <summary>Why the office is closed this day, in Swedish; null when it is open.</summary>
    public string? ClosedReason => Hours is not null
        ? null
        : Source switch
        {
            ScheduleSource.Exception => Exception!.Reason,
            ScheduleSource.ConfirmedHoliday => Holiday!.Name,
            ScheduleSource.UnconfirmedHoliday => $"{Holiday!.Name} (ej bekräftad)",
            _ => Holiday?.Name ?? $"Stängt på {OpeningSchedule.SwedishDayName(Date.DayOfWeek)}ar",
        };
}

/// <summary>
/// An office's opening hours as the almanac keeps them: the weekly hours, the exceptions, Swedish public holidays and
/// the manager's decisions about them. Precedence per day: an exception; else a confirmed holiday decision; else an
/// unconfirmed holiday or eve on a normally open day is closed (the safe default, flagged "ej bekräftad"); else the
/// weekly hours. Immutable: built from what was loaded for a window of dates; days outside it have no exceptions.
/// </summary>
public sealed class OpeningSchedule
{
    /// <summary>How far ahead <see cref="NextOpening"/> looks (a Christmas closure plus a weekend fits).</summary>
    public const int LookAheadDays = 31;

    /// <summary>Where the evening starts: a day open past it has an evening opening.</summary>
    public static readonly TimeOnly EveningStarts = new(17, 0);

    private static readonly string[] DayNames = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

    private readonly Dictionary<DateOnly, OpeningHoursException> _exceptions;
    private readonly Dictionary<DateOnly, HolidayDecision> _decisions;

    public OpeningSchedule(OpeningHours weekly, IEnumerable<OpeningHoursException> exceptions, IEnumerable<HolidayDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(weekly);
        ArgumentNullException.ThrowIfNull(exceptions);
        ArgumentNullException.ThrowIfNull(decisions);
        Weekly = weekly;
        _exceptions = exceptions.ToDictionary(e => e.Date);
        _decisions = decisions.ToDictionary(d => d.Date);
    }

    /// <summary>The weekly part (stored on the office).</summary>
    public OpeningHours Weekly { get; }

    public IReadOnlyCollection<OpeningHoursException> Exceptions => _exceptions.Values;

    public IReadOnlyCollection<HolidayDecision> Decisions => _decisions.Values;

    /// <summary>Weekly hours only: no exceptions, holidays still apply (closed until confirmed).</summary>
    public static OpeningSchedule FromWeekly(OpeningHours weekly) => new(weekly, [], []);

    public static string SwedishDayName(DayOfWeek day) => DayNames[(int)day];

    /// <summary>Everything about one day.</summary>
    public ScheduledDay Day(DateOnly date)
    {
        var weekly = Weekly.For(date.DayOfWeek);
        var holiday = SwedishHolidays.On(date);
        _decisions.TryGetValue(date, out var decision);
        if (holiday is null)
        {
            decision = null;
        }

        if (_exceptions.TryGetValue(date, out var exception))
        {
            return new ScheduledDay(date, exception.Hours, ScheduleSource.Exception, holiday, exception, decision, weekly);
        }

        if (decision is not null)
        {
            return new ScheduledDay(date, decision.Hours, ScheduleSource.ConfirmedHoliday, holiday, null, decision, weekly);
        }

        if (holiday is not null && weekly is not null)
        {
            return new ScheduledDay(date, null, ScheduleSource.UnconfirmedHoliday, holiday, null, null, weekly);
        }

        return new ScheduledDay(date, weekly, ScheduleSource.Weekly, holiday, null, null, weekly);
    }

    /// <summary>The day's hours, or null when the office is closed.</summary>
    public DayHours? HoursOn(DateOnly date) => Day(date).Hours;

    /// <summary>Why the office is closed on <paramref name="date"/> (Swedish), or null when it is open.</summary>
    public string? ClosedReason(DateOnly date) => Day(date).ClosedReason;

    /// <summary>When the office closes on <paramref name="date"/>, or null when it is closed all day.</summary>
    public TimeOnly? ClosingTime(DateOnly date) => HoursOn(date)?.Closes;

    /// <summary>When the office opens on <paramref name="date"/>, or null when it is closed all day.</summary>
    public TimeOnly? OpeningTime(DateOnly date) => HoursOn(date)?.Opens;

    /// <summary>Whether <paramref name="date"/> is a holiday a manager has confirmed (closed or open).</summary>
    public bool IsHolidayConfirmed(DateOnly date) => Day(date).IsHolidayConfirmed;

    /// <summary>Whether the office is open past <see cref="EveningStarts"/> on <paramref name="date"/> (kvällsöppet).</summary>
    public bool HasEveningOpening(DateOnly date) => ClosingTime(date) is { } closes && closes > EveningStarts;

    /// <summary>Whether the office is open at <paramref name="now"/>: opening time inclusive, closing time exclusive.</summary>
    public bool IsOpen(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        return HoursOn(DateOnly.FromDateTime(local))?.Contains(TimeOnly.FromDateTime(local)) ?? false;
    }

    /// <summary>
    /// The next opening strictly after <paramref name="now"/> (while open, a later day's opening), skipping closed
    /// days and holidays, at most <see cref="LookAheadDays"/> ahead; null when the office does not open in that time.
    /// </summary>
    public DateTimeOffset? NextOpening(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = ServiceDayCalculator.ServiceDay(now, zone);
        for (var offset = 0; offset <= LookAheadDays; offset++)
        {
            var day = today.AddDays(offset);
            if (HoursOn(day) is { } hours)
            {
                var opening = ServiceDayCalculator.ToInstant(day, hours.Opens, zone);
                if (opening > now)
                {
                    return opening;
                }
            }
        }

        return null;
    }

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public IEnumerable<ScheduledDay> Days(DateOnly first, DateOnly last)
    {
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            yield return Day(date);
        }
    }

    /// <summary>"09:00–16:00" (24:00 for midnight).</summary>
    public static string Format(DayHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return $"{Clock(hours.Opens)}–{Clock(hours.Closes)}";
    }

    /// <summary>"16:00", or "24:00" for <see cref="DayHours.EndOfDay"/>.</summary>
    public static string Clock(TimeOnly time) =>
        time == DayHours.EndOfDay ? "24:00" : time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
