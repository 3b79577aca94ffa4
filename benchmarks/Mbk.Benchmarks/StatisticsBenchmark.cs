using System.Diagnostics;
using System.Globalization;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Features.Statistics.Report;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Benchmarks;

/// <summary>
/// The statistics year view over ten years of tallies for ten offices (about 3.5 million rows, generated straight
/// into the portal's SQLite file), timed through <see cref="StatisticsQueries.GetReportAsync"/>.
/// </summary>
internal static class StatisticsBenchmark
{
    public static async Task RunAsync(int offices, int years, int tapsPerOfficeDay)
    {
        await using var portal = new BenchmarkPortal();
        portal.Start();
        var admin = await portal.StaffAsync("admin@demo.mbk.se");
        using var scope = portal.Services.CreateScope();
        var officeCommands = scope.ServiceProvider.GetRequiredService<OfficeCommands>();
        var officeIds = new List<int> { admin.Offices.Count > 0 ? admin.Offices[0].Id : (await portal.StaffAsync("chef@demo.mbk.se")).CurrentOffice!.Id };
        for (var i = officeIds.Count; i < offices; i++)
        {
            officeIds.Add(await officeCommands.CreateOfficeAsync(admin, $"Benchkontor {i}", $"bench-{i}"));
        }

        var lastYear = DateTime.UtcNow.Year - 1;
        var firstYear = lastYear - years + 1;
        var watch = Stopwatch.StartNew();
        var rows = await GenerateAsync(portal, officeIds, firstYear, lastYear, tapsPerOfficeDay);
        Console.WriteLine($"Generated {rows.ToString("N0", CultureInfo.InvariantCulture)} tally rows for {offices} offices × {years} years in {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");

        var queries = scope.ServiceProvider.GetRequiredService<StatisticsQueries>();
        var timings = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var officeId = officeIds[round % officeIds.Count];
            var run = Stopwatch.StartNew();
            var report = await queries.GetReportAsync(officeId, StatisticsPeriod.Year(lastYear - round), CancellationToken.None);
            timings.Add(run.Elapsed.TotalMilliseconds);
            Console.WriteLine($"  year view {lastYear - round}, office {officeId}: {report.QuestionsTotal.ToString("N0", CultureInfo.InvariantCulture)} questions, {run.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
        }

        timings.Sort();
        Console.WriteLine($"Year view (GetReportAsync, all sections incl. two trend years): median {timings[timings.Count / 2].ToString("0", CultureInfo.InvariantCulture)} ms, max {timings[^1].ToString("0", CultureInfo.InvariantCulture)} ms");
    }

    private static async Task<long> GenerateAsync(BenchmarkPortal portal, IReadOnlyList<int> officeIds, int firstYear, int lastYear, int perDay)
    {
        Dictionary<int, int[]> categories;
        string connectionString;
        await using (var db = await portal.DbFactory.CreateDbContextAsync())
        {
            categories = (await db.QuestionCategories.Select(c => new { c.OfficeId, c.Id }).ToListAsync())
                .GroupBy(c => c.OfficeId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
            connectionString = db.Database.GetConnectionString()!;
        }

        var random = new Random(2006);
        long rows = 0;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var officeId in officeIds)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = "INSERT INTO QuestionTallies (OfficeId, QuestionCategoryId, RecordedAt, Channel, Count, Source, Granularity) VALUES ($o, $c, $t, 'Disk', 1, 'Tap', 'Instant')";
            var office = insert.Parameters.Add("$o", SqliteType.Integer);
            var category = insert.Parameters.Add("$c", SqliteType.Integer);
            var time = insert.Parameters.Add("$t", SqliteType.Integer);
            office.Value = officeId;
            var ids = categories[officeId];
            for (var day = new DateTime(firstYear, 1, 1, 8, 0, 0, DateTimeKind.Utc); day.Year <= lastYear; day = day.AddDays(1))
            {
                if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                {
                    continue;
                }

                for (var i = 0; i < perDay; i++)
                {
                    // Skewed towards the first categories, like real offices.
                    category.Value = ids[(int)(Math.Pow(random.NextDouble(), 2) * ids.Length)];
                    time.Value = day.AddMinutes(random.Next(0, 8 * 60)).Ticks;
                    await insert.ExecuteNonQueryAsync();
                    rows++;
                }
            }

            await transaction.CommitAsync();
        }

        return rows;
    }
}
