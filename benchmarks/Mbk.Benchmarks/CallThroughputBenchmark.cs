using System.Globalization;
using System.Collections.Concurrent;
using System.Diagnostics;
using Mbk.Domain.Almanac;
using Mbk.Domain.Offices;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Almanac.OpeningHours;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mbk.Benchmarks;

/// <summary>
/// Call-next throughput: N places (each a staff member at a place of their own, taking services A and B) call and
/// finish in parallel until the office's queue is empty, through the real <see cref="QueueCommands"/> of one or more
/// portal hosts on one database (a SQLite file, or PostgreSQL). Reports calls per second, call latency, failures (a
/// "database is locked"/busy refusal would reach a user) and checks that every ticket was called exactly once.
/// </summary>
internal static class CallThroughputBenchmark
{
    public static async Task RunAsync(int places, int ticketsPerService, string? postgres, int instances, int historyDays = 0)
    {
        if (historyDays > 0 && postgres is not null)
        {
            throw new ArgumentException("--history-days fills the SQLite file only.", nameof(historyDays));
        }

        string? database = null;
        if (postgres is not null)
        {
            database = await NewPostgreSqlDatabaseAsync(postgres);
        }

        var portals = Enumerable.Range(0, Math.Max(1, instances)).Select(_ => new BenchmarkPortal(database)).ToList();
        try
        {
            // The first host migrates and seeds (SQLite: every host shares the first one's data folder).
            portals[0].Start();
            foreach (var other in portals.Skip(1))
            {
                other.ShareDataWith(portals[0]);
                other.Start();
            }

            var provider = database is null ? "SQLite file (WAL)" : "PostgreSQL";
            Console.WriteLine($"Call-next throughput: {places} places, {2 * ticketsPerService} tickets, {portals.Count} host(s) on {provider}");
            var (staff, serviceIds, categoryId) = await PrepareAsync(portals[0], places, ticketsPerService);
            if (historyDays > 0)
            {
                await AddHistoryAsync(portals[0], serviceIds[0], historyDays);
            }

            var calls = new ConcurrentBag<(string Number, double Ms)>();
            var failures = new ConcurrentDictionary<string, int>();
            using var go = new ManualResetEventSlim(false);
            var workers = staff.Select((member, i) => Task.Run(async () =>
            {
                using var scope = portals[i % portals.Count].Services.CreateScope();
                var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
                go.Wait();
                while (true)
                {
                    var watch = Stopwatch.StartNew();
                    string? number;
                    try
                    {
                        number = await commands.CallNextAsync(member);
                    }
                    catch (Exception ex)
                    {
                        // A busy refusal is retried as a user would; anything else is a bug that retrying would only repeat.
                        failures.AddOrUpdate(Describe(ex), 1, (_, n) => n + 1);
                        if (!DatabaseErrors.IsBusy(ex))
                        {
                            return;
                        }

                        continue;
                    }

                    if (number is null)
                    {
                        return;
                    }

                    calls.Add((number, watch.Elapsed.TotalMilliseconds));
                    await FinishAsync(commands, member, categoryId, failures);
                }
            })).ToList();
            var total = Stopwatch.StartNew();
            go.Set();
            await Task.WhenAll(workers);
            total.Stop();

            var expected = 2 * ticketsPerService;
            var numbers = calls.Select(c => c.Number).ToList();
            var duplicates = numbers.Count - numbers.Distinct().Count();
            await using var db = await portals[0].DbFactory.CreateDbContextAsync();
            var officeId = staff[0].CurrentOffice!.Id;
            var notDone = await db.Tickets.CountAsync(t => t.OfficeId == officeId && serviceIds.Contains(t.ServiceLineId) && t.Status != TicketStatus.Done);
            var recalled = await db.Tickets.CountAsync(t => t.OfficeId == officeId && t.RecallCount > 0);
            var latencies = calls.Select(c => c.Ms).Order().ToList();
            Console.WriteLine($"  calls: {calls.Count} of {expected} tickets in {total.Elapsed.TotalSeconds:F2} s = {calls.Count / total.Elapsed.TotalSeconds:F0} calls/s (each call followed by a finish at its place)");
            Console.WriteLine($"  call latency: median {Percentile(latencies, 50):F2} ms, p95 {Percentile(latencies, 95):F2} ms, p99 {Percentile(latencies, 99):F2} ms, max {latencies[^1]:F2} ms");
            Console.WriteLine($"  duplicates: {duplicates}, tickets not done: {notDone}, recalled: {recalled}");
            Console.WriteLine(failures.IsEmpty
                ? "  failures reaching a user: 0"
                : "  failures reaching a user: " + string.Join(", ", failures.Select(f => $"{f.Value} × {f.Key}")));
        }
        finally
        {
            foreach (var portal in portals)
            {
                await portal.DisposeAsync();
            }
        }
    }

    private static async Task FinishAsync(QueueCommands commands, StaffContext member, int categoryId, ConcurrentDictionary<string, int> failures)
    {
        while (true)
        {
            try
            {
                await commands.FinishAsync(member, [categoryId], null);
                return;
            }
            catch (Exception ex)
            {
                failures.AddOrUpdate("finish: " + Describe(ex), 1, (_, n) => n + 1);
                if (!DatabaseErrors.IsBusy(ex))
                {
                    throw;
                }
            }
        }
    }

    private static string Describe(Exception ex) =>
        DatabaseErrors.IsBusy(ex) ? "database busy (refused with \"Försök igen\")" : $"{ex.GetType().Name}: {ex.Message}";

    private static double Percentile(List<double> sorted, int percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];

    private static async Task<(List<StaffContext> Staff, List<int> ServiceIds, int CategoryId)> PrepareAsync(BenchmarkPortal portal, int places, int ticketsPerService)
    {
        var manager = await portal.StaffAsync("chef@demo.mbk.se");
        var office = manager.CurrentOffice!;
        await BenchmarkQueue.OpenAroundTheClockAsync(portal, manager);
        await using var db = await portal.DbFactory.CreateDbContextAsync();
        var services = await db.ServiceLines.Where(s => s.OfficeId == office.Id && s.IsActive).OrderBy(s => s.SortOrder).Take(2).ToListAsync();
        var categoryId = await db.QuestionCategories.Where(c => c.OfficeId == office.Id).Select(c => c.Id).FirstAsync();
        var newPlaces = Enumerable.Range(1, places).Select(i => Place.Create(office.Id, $"Prestanda {i}", 100 + i)).ToList();
        db.Places.AddRange(newPlaces);
        var staff = new List<StaffContext>();
        var membership = new OfficeSummary(office.Id, office.Name, office.Slug, StaffRoles.Advisor);
        for (var i = 1; i <= places; i++)
        {
            var id = $"bench-{i}-{Guid.NewGuid():N}";
            db.Users.Add(new StaffUser { Id = id, UserName = id, Email = id + "@bench.se", DisplayName = $"Vägledare {i}" });
            staff.Add(new StaffContext(id, $"Vägledare {i}", new HashSet<string>(), membership, [membership]));
        }

        var today = ServiceDayCalculator.ServiceDay(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        for (var n = 1; n <= ticketsPerService; n++)
        {
            foreach (var service in services)
            {
                db.Tickets.Add(Ticket.Issue(office.Id, service, 900 + n, today, start.AddMilliseconds(n)));
            }
        }

        await db.SaveChangesAsync();
        using (var scope = portal.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<QueueCommands>();
            for (var i = 0; i < places; i++)
            {
                await commands.SitDownAsync(staff[i], newPlaces[i].Id, services.Select(s => s.Id).ToList());
            }
        }

        return (staff, services.Select(s => s.Id).ToList(), categoryId);
    }

    /// <summary>Years of finished visits at every place, as an office that has used the portal for a while has.</summary>
    private static async Task AddHistoryAsync(BenchmarkPortal portal, int serviceLineId, int days)
    {
        const int VisitsPerPlaceAndDay = 30;
        var watch = Stopwatch.StartNew();
        await using var db = await portal.DbFactory.CreateDbContextAsync();
        db.Database.SetCommandTimeout(600);
        var service = await db.ServiceLines.SingleAsync(s => s.Id == serviceLineId);
        var today = DateTime.UtcNow.Date;
        var rows = await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE days(d) AS (SELECT 1 UNION ALL SELECT d + 1 FROM days WHERE d < {days}),
                 slots(s) AS (SELECT 1 UNION ALL SELECT s + 1 FROM slots WHERE s < {VisitsPerPlaceAndDay})
            INSERT INTO "Tickets" ("OfficeId", "ServiceLineId", "Prefix", "Number", "ServiceDay", "Status", "TakenAt", "CalledAt",
                                   "LastCalledAt", "ServingStartedAt", "FinishedAt", "PlaceId", "RecallCount", "IsWalkIn")
            SELECT p."OfficeId", {service.Id}, {service.Prefix.ToString()}, s, date({today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, '-' || d || ' days'), 'Done',
                   {today.Ticks} - d * 864000000000 + s * 6000000000, {today.Ticks} - d * 864000000000 + s * 6000000000 + 3000000000,
                   {today.Ticks} - d * 864000000000 + s * 6000000000 + 3000000000, {today.Ticks} - d * 864000000000 + s * 6000000000 + 3000000000,
                   {today.Ticks} - d * 864000000000 + s * 6000000000 + 5000000000, p."Id", 0, 0
            FROM days, slots, "Places" AS p WHERE p."Name" LIKE 'Prestanda %'
            """);
        Console.WriteLine($"  history: {rows:N0} finished visits over {days} days added in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<string> NewPostgreSqlDatabaseAsync(string server)
    {
        var name = $"mbk_bench_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\";";
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }
}
