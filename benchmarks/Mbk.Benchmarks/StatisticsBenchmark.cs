using System.Diagnostics;
using System.Globalization;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Benchmarks;

/// <summary>
/// The statistics year view over years of tallies for many offices (134 questions per office and weekday, generated
/// straight into the portal's SQLite file) with a realistic volume beside them: 48 tickets (taken, called, served),
/// 13 referrals and one door-counter reading per office and weekday. Times
/// <see cref="StatisticsQueries.GetReportAsync"/> (the year view) and <see cref="StatisticsQueries.CompareOfficesAsync"/>
/// (every office's year, the förvaltning's comparison).
/// </summary>
internal static class StatisticsBenchmark
{
    public static async Task RunAsync(int offices, int years, int tapsPerOfficeDay, string? dataDirectory)
    {
        await using var portal = new BenchmarkPortal();
        var reuse = dataDirectory is not null && File.Exists(Path.Combine(dataDirectory, "mbk-portal.db"));
        if (dataDirectory is not null)
        {
            portal.UseDataDirectory(dataDirectory);
        }

        portal.Start();
        var admin = await portal.StaffAsync("admin@demo.mbk.se");
        using var scope = portal.Services.CreateScope();
        var officeCommands = scope.ServiceProvider.GetRequiredService<OfficeCommands>();
        var lastYear = DateTime.UtcNow.Year - 1;
        var firstYear = lastYear - years + 1;
        List<int> officeIds;
        if (reuse)
        {
            await using var db = await portal.DbFactory.CreateDbContextAsync();
            officeIds = await db.Offices.Where(o => db.QuestionTallies.Any(t => t.OfficeId == o.Id)).OrderBy(o => o.Id).Select(o => o.Id).Take(offices).ToListAsync();
            Console.WriteLine($"Timing the database generated earlier in {portal.DataDirectory} ({officeIds.Count} offices)");
        }
        else
        {
            officeIds = [admin.Offices.Count > 0 ? admin.Offices[0].Id : (await portal.StaffAsync("chef@demo.mbk.se")).CurrentOffice!.Id];
            for (var i = officeIds.Count; i < offices; i++)
            {
                officeIds.Add(await officeCommands.CreateOfficeAsync(admin, $"Benchkontor {i}", $"bench-{i}"));
            }

            var watch = Stopwatch.StartNew();
            var rows = await GenerateAsync(portal, officeIds, firstYear, lastYear, tapsPerOfficeDay);
            Console.WriteLine($"Generated {rows.Tallies.ToString("N0", CultureInfo.InvariantCulture)} tally rows, {rows.Tickets.ToString("N0", CultureInfo.InvariantCulture)} tickets, {rows.Referrals.ToString("N0", CultureInfo.InvariantCulture)} referrals and {rows.Readings.ToString("N0", CultureInfo.InvariantCulture)} door readings for {offices} offices × {years} years in {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        }

        var queries = scope.ServiceProvider.GetRequiredService<StatisticsQueries>();
        var timings = new List<double>();
        for (var round = 0; round < 8; round++)
        {
            // Different offices and (when there are several) different years, each with data.
            var officeId = officeIds[(round * 7) % officeIds.Count];
            var year = lastYear - (round % years);
            var run = Stopwatch.StartNew();
            var report = await queries.GetReportAsync(officeId, StatisticsPeriod.Year(year), CancellationToken.None);
            timings.Add(run.Elapsed.TotalMilliseconds);
            Console.WriteLine($"  year view {year}, office {officeId}: {report.QuestionsTotal.ToString("N0", CultureInfo.InvariantCulture)} questions, {run.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
        }

        timings.Sort();
        Console.WriteLine($"Year view (GetReportAsync, all sections incl. two trend years): median {timings[timings.Count / 2].ToString("0", CultureInfo.InvariantCulture)} ms, max {timings[^1].ToString("0", CultureInfo.InvariantCulture)} ms");

        var comparisons = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var year = lastYear - (round % years);
            var run = Stopwatch.StartNew();
            var rowsCompared = await queries.CompareOfficesAsync(officeIds, StatisticsPeriod.Year(year), CancellationToken.None);
            comparisons.Add(run.Elapsed.TotalMilliseconds);
            Console.WriteLine($"  office comparison {year}: {rowsCompared.Count} offices, {rowsCompared.Sum(r => r.Questions ?? 0).ToString("N0", CultureInfo.InvariantCulture)} questions, {run.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms");
        }

        comparisons.Sort();
        Console.WriteLine($"Office comparison (CompareOfficesAsync, {officeIds.Count} offices, one year): median {comparisons[comparisons.Count / 2].ToString("0", CultureInfo.InvariantCulture)} ms, max {comparisons[^1].ToString("0", CultureInfo.InvariantCulture)} ms");
    }

    private sealed record Generated(long Tallies, long Tickets, long Referrals, long Readings);

    private static async Task<Generated> GenerateAsync(BenchmarkPortal portal, IReadOnlyList<int> officeIds, int firstYear, int lastYear, int perDay)
    {
        Dictionary<int, int[]> categories;
        Dictionary<int, int[]> targets;
        Dictionary<int, int> services;
        string connectionString;
        await using (var db = await portal.DbFactory.CreateDbContextAsync())
        {
            categories = (await db.QuestionCategories.Select(c => new { c.OfficeId, c.Id }).ToListAsync())
                .GroupBy(c => c.OfficeId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
            targets = (await db.ReferralTargets.Select(c => new { c.OfficeId, c.Id }).ToListAsync())
                .GroupBy(c => c.OfficeId).ToDictionary(g => g.Key, g => g.Select(c => c.Id).ToArray());
            services = (await db.ServiceLines.Select(s => new { s.OfficeId, s.Id }).ToListAsync())
                .GroupBy(s => s.OfficeId).ToDictionary(g => g.Key, g => g.Min(s => s.Id));
            connectionString = db.Database.GetConnectionString()!;
        }

        var random = new Random(2006);
        long rows = 0;
        long tickets = 0;
        long referrals = 0;
        long readings = 0;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // The tally summary triggers call mbk_local_day, as on the portal's own connections.
        SqliteFunctions.Register(connection);
        await using (var pragma = connection.CreateCommand())
        {
            // The portal in this process writes now and then (its jobs): wait for it instead of failing.
            pragma.CommandText = "PRAGMA busy_timeout = 60000;";
            await pragma.ExecuteNonQueryAsync();
        }

        // Tens of millions of rows go in faster without the summary triggers; the summaries are then built in one
        // pass, as migration TallySummaries builds them for an existing database, and the triggers put back.
        var triggers = await SummaryTriggersAsync(connection);
        foreach (var (name, _) in triggers)
        {
            await ExecuteAsync(connection, $"DROP TRIGGER \"{name}\";");
        }

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

                tickets += await InsertTicketsAsync(connection, transaction, officeId, services[officeId], day, random);
                referrals += await InsertReferralsAsync(connection, transaction, officeId, targets[officeId], day, random);
                readings += await InsertReadingAsync(connection, transaction, officeId, day, random);
            }

            await transaction.CommitAsync();
        }

        await ExecuteAsync(connection, """
            DELETE FROM "QuestionTallyDays";
            DELETE FROM "QuestionTallyHours";
            INSERT INTO "QuestionTallyDays" ("OfficeId", "Day", "Granularity", "QuestionCategoryId", "Count")
            SELECT t."OfficeId", mbk_local_day(t."RecordedAt", o."TimeZoneId"), t."Granularity", t."QuestionCategoryId", SUM(t."Count")
            FROM "QuestionTallies" AS t JOIN "Offices" AS o ON o."Id" = t."OfficeId"
            GROUP BY 1, 2, 3, 4;
            INSERT INTO "QuestionTallyHours" ("OfficeId", "Hour", "Granularity", "Count", "Unlinked")
            SELECT "OfficeId", "RecordedAt" / 36000000000, "Granularity", SUM("Count"), SUM(CASE WHEN "TicketId" IS NULL THEN "Count" ELSE 0 END)
            FROM "QuestionTallies"
            GROUP BY 1, 2, 3;
            """);
        foreach (var (_, sql) in triggers)
        {
            await ExecuteAsync(connection, sql + ";");
        }

        return new Generated(rows, tickets, referrals, readings);
    }

    private static async Task<List<(string Name, string Sql)>> SummaryTriggersAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'QuestionTallies'";
        var triggers = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            triggers.Add((reader.GetString(0), reader.GetString(1)));
        }

        if (triggers.Count == 0)
        {
            throw new InvalidOperationException("The tally summary triggers are missing: is the database migrated?");
        }

        return triggers;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>48 tickets of a weekday, each called after 0–30 minutes and served for 4–20 minutes.</summary>
    private static async Task<long> InsertTicketsAsync(SqliteConnection connection, SqliteTransaction transaction, int officeId, int serviceLineId, DateTime day, Random random)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Tickets (OfficeId, ServiceLineId, Prefix, Number, ServiceDay, Status, TakenAt, CalledAt, ServingStartedAt, FinishedAt, RecallCount, IsWalkIn)
            VALUES ($o, $s, 'A', $n, $d, 'Done', $t, $c, $c, $f, 0, 0)
            """;
        insert.Parameters.AddWithValue("$o", officeId);
        insert.Parameters.AddWithValue("$s", serviceLineId);
        insert.Parameters.AddWithValue("$d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var number = insert.Parameters.Add("$n", SqliteType.Integer);
        var taken = insert.Parameters.Add("$t", SqliteType.Integer);
        var called = insert.Parameters.Add("$c", SqliteType.Integer);
        var finished = insert.Parameters.Add("$f", SqliteType.Integer);
        for (var i = 1; i <= 48; i++)
        {
            var at = day.AddMinutes(random.Next(0, 8 * 60));
            var call = at.AddMinutes(random.Next(0, 31));
            number.Value = i;
            taken.Value = at.Ticks;
            called.Value = call.Ticks;
            finished.Value = call.AddMinutes(random.Next(4, 21)).Ticks;
            await insert.ExecuteNonQueryAsync();
        }

        return 48;
    }

    private static async Task<long> InsertReferralsAsync(SqliteConnection connection, SqliteTransaction transaction, int officeId, int[] targetIds, DateTime day, Random random)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO Referrals (OfficeId, ReferralTargetId, RecordedAt) VALUES ($o, $r, $t)";
        insert.Parameters.AddWithValue("$o", officeId);
        var target = insert.Parameters.Add("$r", SqliteType.Integer);
        var time = insert.Parameters.Add("$t", SqliteType.Integer);
        for (var i = 0; i < 13; i++)
        {
            target.Value = targetIds[random.Next(targetIds.Length)];
            time.Value = day.AddMinutes(random.Next(0, 8 * 60)).Ticks;
            await insert.ExecuteNonQueryAsync();
        }

        return 13;
    }

    /// <summary>One hand-read door-counter reading for the day (about 350 visitors: 780 passages).</summary>
    private static async Task<long> InsertReadingAsync(SqliteConnection connection, SqliteTransaction transaction, int officeId, DateTime day, Random random)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO DoorCounterReadings (OfficeId, Start, End, Reading, Source, PassagesPerVisitor, StaffShare, RecordedAt)
            VALUES ($o, $s, $e, $r, 'Manual', '2.0', '0.10', $e)
            """;
        insert.Parameters.AddWithValue("$o", officeId);
        insert.Parameters.AddWithValue("$s", day.Date.AddHours(-1).Ticks);
        insert.Parameters.AddWithValue("$e", day.Date.AddHours(23).Ticks);
        insert.Parameters.AddWithValue("$r", 700 + random.Next(0, 160));
        await insert.ExecuteNonQueryAsync();
        return 1;
    }
}
