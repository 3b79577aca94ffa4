using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mbk.Portal.Features.Statistics.Visitors;

/// <summary>A reading as listed: office-local start and end, the figures and the visitors it gives.</summary>
public sealed record ReadingView(
    int Id, DateTimeOffset Start, DateTimeOffset End, int Reading, DoorCounterSource Source,
    decimal PassagesPerVisitor, decimal StaffShare, int Visitors);

/// <summary>Estimated visitors by gender summed over a period, and on how many days.</summary>
public sealed record GenderTotals(int Women, int Men, int Other, int Unknown, int Days)
{
    public int Total => Women + Men + Other + Unknown;
}

/// <summary>The office's visitor settings: the current factors and whether a door-counter key is issued.</summary>
public sealed record VisitorSettings(string OfficeSlug, string TimeZoneId, decimal PassagesPerVisitor, decimal StaffShare, bool HasDoorCounterKey,
    int MaxDoorPassagesPerHour = DoorCounterReading.DefaultMaxPassagesPerHour, DateOnly? OpenedOn = null);

/// <summary>
/// Visitor figures for a period: readings whose start lies in the period's office-local bounds (filtered in the
/// database), summed by <see cref="VisitorCalculator"/>.
/// </summary>
public sealed class VisitorQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public async Task<VisitorSettings> GetSettingsAsync(int officeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Offices.AsNoTracking().Where(o => o.Id == officeId)
            .Select(o => new VisitorSettings(o.Slug, o.TimeZoneId, o.PassagesPerVisitor, o.StaffShare, o.DoorCounterKeyHash != null, o.MaxDoorPassagesPerHour, o.OpenedOn))
            .SingleAsync(cancellationToken);
    }

    /// <summary>The period's readings, oldest first, with start and end in the office's time zone.</summary>
    public async Task<IReadOnlyList<ReadingView>> GetReadingsAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var (zone, readings) = await LoadAsync(officeId, period, cancellationToken);
        return readings
            .Select(r => new ReadingView(
                r.Id, TimeZoneInfo.ConvertTime(r.Start, zone), TimeZoneInfo.ConvertTime(r.End, zone), r.Reading, r.Source,
                r.PassagesPerVisitor, r.StaffShare, VisitorCalculator.Visitors([r])))
            .ToList();
    }

    /// <summary>The period's visitors: every reading's exact visitors summed and rounded once.</summary>
    public async Task<int> GetVisitorsAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        var (_, readings) = await LoadAsync(officeId, period, cancellationToken);
        return VisitorCalculator.Visitors(readings);
    }

    /// <summary>Whether the door counter sent (automatic, typically hourly) readings in the period, so a day/evening/weekend split is possible.</summary>
    public async Task<bool> HasHourlyReadingsAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (start, end) = await BoundsAsync(db, officeId, period, cancellationToken);
        return await db.DoorCounterReadings.AnyAsync(
            r => r.OfficeId == officeId && r.Source == DoorCounterSource.Automatic && r.Start >= start && r.Start < end, cancellationToken);
    }

    /// <summary>The gender estimates of the period's days, summed.</summary>
    public async Task<GenderTotals> GetGenderTotalsAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var totals = await db.VisitorGenderEstimates.AsNoTracking()
            .Where(e => e.OfficeId == officeId && e.Day >= period.From && e.Day <= period.To)
            .GroupBy(e => 1)
            .Select(g => new GenderTotals(g.Sum(e => e.Women), g.Sum(e => e.Men), g.Sum(e => e.Other), g.Sum(e => e.Unknown), g.Count()))
            .SingleOrDefaultAsync(cancellationToken);
        return totals ?? new GenderTotals(0, 0, 0, 0, 0);
    }

    /// <summary>The gender estimate of one day, if any.</summary>
    public async Task<VisitorGenderEstimate?> GetGenderEstimateAsync(int officeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.VisitorGenderEstimates.AsNoTracking().SingleOrDefaultAsync(e => e.OfficeId == officeId && e.Day == day, cancellationToken);
    }

    private async Task<(TimeZoneInfo Zone, List<DoorCounterReading> Readings)> LoadAsync(int officeId, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var (start, end) = Bounds(period, zone);
        var readings = await db.DoorCounterReadings.AsNoTracking()
            .Where(r => r.OfficeId == officeId && r.Start >= start && r.Start < end)
            .OrderBy(r => r.Start)
            .ToListAsync(cancellationToken);
        return (zone, readings);
    }

    private static async Task<(DateTimeOffset Start, DateTimeOffset End)> BoundsAsync(PortalDbContext db, int officeId, StatisticsPeriod period, CancellationToken cancellationToken)
    {
        var zoneId = await db.Offices.Where(o => o.Id == officeId).Select(o => o.TimeZoneId).SingleAsync(cancellationToken);
        return Bounds(period, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    private static (DateTimeOffset Start, DateTimeOffset End) Bounds(StatisticsPeriod period, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(period);
        return period.Bounds(zone);
    }
}
