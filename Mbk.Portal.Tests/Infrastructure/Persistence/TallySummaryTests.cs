using Mbk.Domain.Offices;
using Mbk.Domain.Statistics;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.Features.Statistics;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// The day and hour summaries that the database keeps beside the tallies (triggers, migration <c>TallySummaries</c>)
/// always equal the GROUP BY of the tallies themselves, computed here in C# with the office's time zone: after taps on
/// both sides of local midnight and of the change to summer time, a paper sheet's day total, an undone tap and a
/// historical import.
/// </summary>
[Trait("Providers", "Both")]
public sealed class TallySummaryTests
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId);

    [Fact]
    public async Task ShouldKeepDayAndHourSummariesEqualToTheTalliesThroughTapsUndoBatchesAndImports()
    {
        var tally = await TallyScenario.CreateAsync();
        // Around local midnight in winter (23:30 local is 22:30 UTC), and the night summer time starts (30 March 2025).
        foreach (var utc in new[]
        {
            new DateTimeOffset(2025, 3, 4, 22, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 4, 23, 10, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 29, 22, 59, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 30, 0, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 30, 1, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 3, 30, 22, 30, 0, TimeSpan.Zero),
        })
        {
            tally.Clock.SetUtcNow(utc);
            await tally.TapAsync(tally.Migration);
            await tally.TapAsync(tally.Housing);
            await tally.TapAsync(tally.Migration, tally.Colleague);
        }

        await tally.Commands.BatchAsync(tally.Advisor, new DateOnly(2025, 3, 28), [(tally.Housing.Id, 40), (tally.Fax.Id, 7)]);
        await tally.Commands.UndoLastAsync(tally.Advisor);
        await using (var db = tally.Database.CreateDbContext())
        {
            db.QuestionTallies.Add(QuestionTally.Import(tally.Migration, 2024, 5, 300, Stockholm));
            db.QuestionTallies.Add(QuestionTally.Import(tally.Housing, 2023, null, 1200, Stockholm));
            await db.SaveChangesAsync();
        }

        await ShouldMatchTheTalliesAsync(tally.Database);

        // Every tally gone: no summary row is left at 0 (a day without tallies has no data, not 0 questions).
        await using (var db = tally.Database.CreateDbContext())
        {
            db.QuestionTallies.RemoveRange(await db.QuestionTallies.ToListAsync());
            await db.SaveChangesAsync();
            (await db.QuestionTallyDays.CountAsync()).ShouldBe(0);
            (await db.QuestionTallyHours.CountAsync()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task ShouldCountTalliesPerHourAlikeFromTheHourSummaryAndFromTheTalliesWhenTheBoundsAreNotWholeHours()
    {
        var tally = await TallyScenario.CreateAsync();
        foreach (var (hour, minute) in new[] { (8, 10), (8, 40), (9, 5), (9, 50), (10, 20), (12, 0) })
        {
            tally.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 5, hour, minute, 0, TimeSpan.Zero));
            await tally.TapAsync(tally.Migration);
            await tally.TapAsync(tally.Housing, tally.Colleague);
        }

        static DateTimeOffset At(int hour, int minute) => new(2025, 3, 5, hour, minute, 0, TimeSpan.Zero);
        static long HourOf(int hour) => At(hour, 0).UtcTicks / TimeSpan.TicksPerHour;
        await using var db = tally.Database.CreateDbContext();

        // Whole UTC hours (a Swedish office's days): read from the hour summary.
        var whole = await HourlyCounts.TalliesAsync(db, tally.Office.Id, At(8, 0), At(11, 0), CancellationToken.None);
        // Half hours (an office in a zone such as India's, UTC+05:30): grouped from the tallies themselves.
        var half = await HourlyCounts.TalliesAsync(db, tally.Office.Id, At(8, 30), At(10, 30), CancellationToken.None);

        whole.OrderBy(b => b.Hour).Select(b => (b.Hour, b.Count, b.Unlinked)).ShouldBe([(HourOf(8), 4L, 4L), (HourOf(9), 4L, 4L), (HourOf(10), 2L, 2L)]);
        half.OrderBy(b => b.Hour).Select(b => (b.Hour, b.Count, b.Unlinked)).ShouldBe([(HourOf(8), 2L, 2L), (HourOf(9), 4L, 4L), (HourOf(10), 2L, 2L)]);
    }

    internal static async Task ShouldMatchTheTalliesAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.TimeZone);
        var tallies = await db.QuestionTallies.AsNoTracking().ToListAsync();
        tallies.ShouldNotBeEmpty();

        var expectedDays = tallies
            .GroupBy(t => (t.OfficeId, Day: DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.RecordedAt, offices[t.OfficeId]).DateTime), t.Granularity, t.QuestionCategoryId))
            .Select(g => (g.Key.OfficeId, g.Key.Day, g.Key.Granularity, g.Key.QuestionCategoryId, Count: g.Sum(t => (long)t.Count)))
            .OrderBy(x => x.OfficeId).ThenBy(x => x.Day).ThenBy(x => x.Granularity).ThenBy(x => x.QuestionCategoryId)
            .ToList();
        var days = (await db.QuestionTallyDays.AsNoTracking().ToListAsync())
            .Select(d => (d.OfficeId, d.Day, d.Granularity, d.QuestionCategoryId, d.Count))
            .OrderBy(x => x.OfficeId).ThenBy(x => x.Day).ThenBy(x => x.Granularity).ThenBy(x => x.QuestionCategoryId)
            .ToList();
        days.ShouldBe(expectedDays);
        // The taps at 23:10 UTC on 4 March (00:10 local) belong to 5 March; the one at 22:30 UTC to 4 March.
        days.ShouldContain(d => d.Day == new DateOnly(2025, 3, 5) && d.Granularity == TallyGranularity.Instant);

        var expectedHours = tallies
            .GroupBy(t => (t.OfficeId, Hour: t.RecordedAt.UtcTicks / TimeSpan.TicksPerHour, t.Granularity))
            .Select(g => (g.Key.OfficeId, g.Key.Hour, g.Key.Granularity, Count: g.Sum(t => (long)t.Count), Unlinked: g.Where(t => t.TicketId is null).Sum(t => (long)t.Count)))
            .OrderBy(x => x.OfficeId).ThenBy(x => x.Hour).ThenBy(x => x.Granularity)
            .ToList();
        var hours = (await db.QuestionTallyHours.AsNoTracking().ToListAsync())
            .Select(h => (h.OfficeId, h.Hour, h.Granularity, h.Count, h.Unlinked))
            .OrderBy(x => x.OfficeId).ThenBy(x => x.Hour).ThenBy(x => x.Granularity)
            .ToList();
        hours.ShouldBe(expectedHours);
    }
}

/// <summary>
/// The migration <c>TallySummaries</c> on a SQLite file that already has tallies (and back down): the summaries start
/// out equal to the tallies, by office-local day across midnight, and new tallies keep them so.
/// </summary>
public sealed class TallySummariesMigrationTests : IAsyncLifetime
{
    private const string PreviousMigration = "20261201202910_KioskDevices";
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task ShouldSummariseTheTalliesRecordedBeforeTheMigration()
    {
        var office = await _database.AddOfficeAsync();
        var category = QuestionCategory.Create(office.Id, "Migrationsfrågor", 1);
        await using (var db = _database.CreateDbContext())
        {
            db.QuestionCategories.Add(category);
            await db.SaveChangesAsync();
            await db.GetService<IMigrator>().MigrateAsync(PreviousMigration);
            (await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'QuestionTallyDays'").SingleAsync()).ShouldBe(0);
            foreach (var (at, count) in new[]
            {
                (new DateTimeOffset(2025, 3, 4, 22, 30, 0, TimeSpan.Zero), 1), // 23:30 local, 4 March
                (new DateTimeOffset(2025, 3, 4, 23, 30, 0, TimeSpan.Zero), 1), // 00:30 local, 5 March
                (new DateTimeOffset(2025, 3, 4, 23, 45, 0, TimeSpan.Zero), 5),
            })
            {
                await db.Database.ExecuteSqlAsync($"""
                    INSERT INTO QuestionTallies (OfficeId, QuestionCategoryId, RecordedAt, Channel, Count, Source, Granularity)
                    VALUES ({office.Id}, {category.Id}, {at.UtcTicks}, 'Disk', {count}, 'Batch', 'Instant')
                    """);
            }

            await db.GetService<IMigrator>().MigrateAsync();
        }

        await using (var db = _database.CreateDbContext())
        {
            var days = await db.QuestionTallyDays.AsNoTracking().OrderBy(d => d.Day).Select(d => new { d.Day, d.Count }).ToListAsync();
            days.Select(d => (d.Day, d.Count)).ShouldBe([(new DateOnly(2025, 3, 4), 1L), (new DateOnly(2025, 3, 5), 6L)]);
            (await db.QuestionTallyHours.AsNoTracking().SumAsync(h => h.Count)).ShouldBe(7);
            db.QuestionTallies.Add(QuestionTally.Import(category, 2024, 5, 300, TimeZoneInfo.FindSystemTimeZoneById(Office.DefaultTimeZoneId)));
            await db.SaveChangesAsync();
        }

        await TallySummaryTests.ShouldMatchTheTalliesAsync(_database);
    }
}
