using System.Diagnostics;
using System.Globalization;
using Mbk.Domain.Almanac;
using Mbk.Portal.Features.Almanac;
using Mbk.Portal.Features.Almanac.Events;
using Mbk.Portal.Features.Almanac.Ical;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Benchmarks;

/// <summary>
/// The almanac's month view and the iCal feed for an office with many recurring series (weekly, every fourth week,
/// monthly on the first Tuesday, daily courses), each with changed and cancelled occurrences. Series are expanded in
/// memory per request, so this measures how far that goes.
/// </summary>
internal static class AlmanacBenchmark
{
    public static async Task RunAsync(int series, int rounds)
    {
        await using var portal = new BenchmarkPortal();
        portal.Start();
        var manager = await portal.StaffAsync("chef@demo.mbk.se");
        var officeId = manager.CurrentOffice!.Id;
        using var scope = portal.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<AlmanacEventCommands>();
        var queries = scope.ServiceProvider.GetRequiredService<AlmanacEventQueries>();
        var start = new DateOnly(DateTime.UtcNow.Year, 1, 5);

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < series; i++)
        {
            var first = start.AddDays(i % 28);
            var recurrence = (i % 4) switch
            {
                0 => Recurrence.Weekly([first.DayOfWeek]),
                1 => Recurrence.Weekly([first.DayOfWeek], interval: 4),
                2 => Recurrence.MonthlyOnWeekday(1, DayOfWeek.Tuesday),
                _ => Recurrence.Daily(count: 60),
            };
            var id = await commands.AddAsync(manager, new CalendarEventDetails(
                i % 2 == 0 ? CalendarEventKind.Course : CalendarEventKind.InformationMeeting,
                $"Serie {i}", first, new TimeOnly(9 + (i % 8), 0), new TimeOnly(10 + (i % 8), 0), Recurrence: recurrence));
            var occurrences = await queries.GetOccurrencesAsync(officeId, first, first.AddDays(120));
            var own = occurrences.Where(o => o.EventId == id).Take(3).ToList();
            if (own.Count == 3)
            {
                var view = await queries.GetEventAsync(officeId, id);
                await commands.CancelOccurrenceAsync(manager, id, own[1].OriginalDate, view!.Sequence);
                await commands.ChangeOccurrenceAsync(manager, id, own[2].OriginalDate, view.Sequence + 1, new OccurrenceDetails(
                    $"Serie {i} (flyttad)", own[2].Date, new TimeOnly(14, 0), new TimeOnly(15, 0)));
            }
        }

        Console.WriteLine($"Created {series.ToString("N0", CultureInfo.InvariantCulture)} recurring series with a cancelled and a changed occurrence each in {watch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");

        var sources = scope.ServiceProvider.GetServices<IAlmanacEntrySource>().ToList();
        var monthViews = new List<double>();
        var entries = 0;
        for (var round = 0; round < rounds; round++)
        {
            var month = new DateOnly(start.Year, 1 + (round % 12), 1);
            var last = month.AddMonths(1).AddDays(-1);
            var run = Stopwatch.StartNew();
            entries = 0;
            foreach (var source in sources)
            {
                entries += (await source.GetEntriesAsync(officeId, month.AddDays(-7), last.AddDays(7))).Count;
            }

            monthViews.Add(run.Elapsed.TotalMilliseconds);
        }

        var feeds = scope.ServiceProvider.GetRequiredService<AlmanacFeedService>();
        var token = await feeds.RegenerateAsync(manager);
        using var http = new HttpClient { BaseAddress = portal.Address };
        var feedTimes = new List<double>();
        long bytes = 0;
        for (var round = 0; round < Math.Max(3, rounds / 4); round++)
        {
            var run = Stopwatch.StartNew();
            var body = await http.GetByteArrayAsync(new Uri($"/almanac/feed/{token}.ics", UriKind.Relative));
            feedTimes.Add(run.Elapsed.TotalMilliseconds);
            bytes = body.Length;
        }

        Console.WriteLine($"Month view (all entry sources, 6 weeks incl. edges, {entries.ToString("N0", CultureInfo.InvariantCulture)} entries in the last one): median {Median(monthViews)} ms, max {Max(monthViews)} ms over {rounds} rounds");
        Console.WriteLine($"iCal feed over HTTP ({(bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture)} KiB): median {Median(feedTimes)} ms, max {Max(feedTimes)} ms over {feedTimes.Count} requests");
    }

    private static string Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2].ToString("0", CultureInfo.InvariantCulture);
    }

    private static string Max(List<double> values) => values.Max().ToString("0", CultureInfo.InvariantCulture);
}
