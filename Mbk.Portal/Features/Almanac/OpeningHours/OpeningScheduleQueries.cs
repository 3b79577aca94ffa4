using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Almanac.OpeningHours;

using WeeklyHours = Mbk.Domain.Queue.OpeningHours;

public sealed record OpeningHoursExceptionRow(int Id, DateOnly Date, DayHours? Hours, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A holiday or eve as the opening-hours page lists it, with what applies and whether a manager has answered.</summary>
public sealed record HolidayRow(
    DateOnly Date,
    string Name,
    bool IsEve,
    DayHours? WeeklyHours,
    DayHours? Hours,
    ScheduleSource Source,
    bool IsConfirmed,
    string? DecidedBy,
    DateTimeOffset? DecidedAt)
{
    /// <summary>Open on a normal week, so a manager must say whether the office closes.</summary>
    public bool NeedsConfirmation => Source == ScheduleSource.UnconfirmedHoliday;
}

public sealed record OpeningScheduleOverview(
    DateOnly Today,
    WeeklyHours Weekly,
    IReadOnlyList<OpeningHoursExceptionRow> Exceptions,
    IReadOnlyList<HolidayRow> Holidays);

/// <summary>
/// The one source of an office's opening hours: the weekly hours with exceptions, holidays and holiday decisions.
/// The kiosk, the display, the end of day and the statistics all read them through here.
/// </summary>
public sealed class OpeningScheduleQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>How many days back <see cref="GetAsync(int, CancellationToken)"/> loads exceptions and decisions.</summary>
    public const int DaysBack = 7;

    /// <summary>How many days ahead <see cref="GetAsync(int, CancellationToken)"/> loads them.</summary>
    public const int DaysAhead = 400;

    /// <summary>How far ahead the page lists holidays.</summary>
    public const int HolidayMonthsAhead = 12;

    /// <summary>The schedule of the office around today (from <see cref="DaysBack"/> days back to <see cref="DaysAhead"/> ahead).</summary>
    public async Task<OpeningSchedule> GetAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        return await LoadAroundAsync(db, office, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The schedule of the office with the exceptions and decisions from <paramref name="first"/> to <paramref name="last"/>.</summary>
    public async Task<OpeningSchedule> GetAsync(int officeId, DateOnly first, DateOnly last, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        return await LoadAsync(db, office, first, last, cancellationToken);
    }

    /// <summary>What the opening-hours page shows: weekly hours, exceptions from today on, holidays of the next 12 months.</summary>
    public async Task<OpeningScheduleOverview> GetOverviewAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var office = await db.Offices.AsNoTracking().SingleAsync(o => o.Id == officeId, cancellationToken);
        var today = ServiceDayCalculator.ServiceDay(clock.GetUtcNow(), office.TimeZone);
        var last = today.AddMonths(HolidayMonthsAhead);
        var exceptions = await db.OpeningHoursExceptions.AsNoTracking()
            .Where(e => e.OfficeId == officeId && e.Date >= today)
            .OrderBy(e => e.Date)
            .ToListAsync(cancellationToken);
        var schedule = await LoadAsync(db, office, today, last, cancellationToken);
        var holidays = SwedishHolidays.Between(today, last)
            .Select(h => schedule.Day(h.Date))
            .Select(d => new HolidayRow(
                d.Date, d.Holiday!.Name, d.Holiday.IsEve, d.WeeklyHours, d.Hours, d.Source, d.IsHolidayConfirmed,
                d.Decision?.DecidedBy, d.Decision?.DecidedAt))
            .ToList();
        return new OpeningScheduleOverview(
            today,
            schedule.Weekly,
            exceptions.Select(e => new OpeningHoursExceptionRow(e.Id, e.Date, e.Hours, e.Reason, e.ChangedBy, e.ChangedAt)).ToList(),
            holidays);
    }

    /// <summary>The schedule around <paramref name="now"/> on an open context (for services that already hold one).</summary>
    public static Task<OpeningSchedule> LoadAroundAsync(PortalDbContext db, Office office, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(office);
        var today = ServiceDayCalculator.ServiceDay(now, office.TimeZone);
        return LoadAsync(db, office, today.AddDays(-DaysBack), today.AddDays(DaysAhead), cancellationToken);
    }

    /// <summary>The schedule with the exceptions and decisions from <paramref name="first"/> to <paramref name="last"/>, on an open context.</summary>
    public static async Task<OpeningSchedule> LoadAsync(PortalDbContext db, Office office, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(office);
        var exceptions = await db.OpeningHoursExceptions.AsNoTracking()
            .Where(e => e.OfficeId == office.Id && e.Date >= first && e.Date <= last)
            .ToListAsync(cancellationToken);
        var decisions = await db.HolidayDecisions.AsNoTracking()
            .Where(d => d.OfficeId == office.Id && d.Date >= first && d.Date <= last)
            .ToListAsync(cancellationToken);
        return new OpeningSchedule(office.OpeningHours, exceptions, decisions);
    }
}
