// Queue benchmarks: call-next latency on a real SQLite file, and how long a call takes to reach N open
// SignalR hub clients and N in-process (Blazor component) subscribers. Not a test: it measures and prints.
//   dotnet run -c Release --project benchmarks/Mbk.Benchmarks [-- --calls 500 --clients 10,50,200]
// Statistics year view and office comparison over generated tallies, tickets, referrals and door readings
// (10 offices × 10 years ≈ 3.5 million tallies; issue 16's target is --offices 100):
//   dotnet run -c Release --project benchmarks/Mbk.Benchmarks -- --statistics [--offices 10 --years 10 --per-day 134]
//     [--data-directory DIR: keep the generated database there, and on a later run time it again without generating]
// Call-next throughput: 20 places calling and finishing in parallel, on SQLite or PostgreSQL, on one or two hosts:
//   dotnet run -c Release --project benchmarks/Mbk.Benchmarks -- --call-throughput [--places 20 --tickets-per-service 1000]
//   [--history-days N: N days of finished visits at every place first, SQLite only]
//     [--postgres 'Host=127.0.0.1;Port=55433;Username=mbk;Database=postgres' --instances 2]
// Almanac month view and iCal feed over 400 recurring series:
//   dotnet run -c Release --project benchmarks/Mbk.Benchmarks -- --almanac [--series 400 --rounds 24]
// Staffing forecast backtest over a generated year (domain only, no portal):
//   dotnet run -c Release --project benchmarks/Mbk.Benchmarks -- --forecast-backtest [--year 2025 --seed 16]
using System.Diagnostics;
using System.Globalization;
using Mbk.Benchmarks;
using Mbk.Domain.Queue;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

if (args.Contains("--call-throughput"))
{
    await CallThroughputBenchmark.RunAsync(Option(args, "--places", 20), Option(args, "--tickets-per-service", 1000), OptionText(args, "--postgres"), Option(args, "--instances", 1), Option(args, "--history-days", 0));
    return;
}

if (args.Contains("--almanac"))
{
    await Mbk.Benchmarks.AlmanacBenchmark.RunAsync(Option(args, "--series", 400), Option(args, "--rounds", 24));
    return;
}

if (args.Contains("--forecast-backtest"))
{
    ForecastBacktest.Run(Option(args, "--year", 2025), Option(args, "--seed", 16));
    return;
}

if (args.Contains("--statistics"))
{
    await StatisticsBenchmark.RunAsync(Option(args, "--offices", 10), Option(args, "--years", 10), Option(args, "--per-day", 134), OptionText(args, "--data-directory"));
    return;
}

var calls = Option(args, "--calls", 500);
var clientCounts = (OptionText(args, "--clients") ?? "10,50,200").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();

await using var portal = new BenchmarkPortal();
var address = portal.Start();
Console.WriteLine($"Portal on {address} (SQLite file in {portal.DataDirectory})");
using var queue = await BenchmarkQueue.PrepareAsync(portal);
var commands = queue.Commands;
var advisor = queue.Advisor;
var officeId = queue.OfficeId;
var categoryId = queue.CategoryId;

// 1. Call-next latency: issue N tickets, then call (and finish) them one by one.
for (var i = 0; i < calls; i++)
{
    await queue.TakeTicketAsync($"bench-{i % 50}");
}

var callTimes = new List<double>(calls);
for (var i = 0; i < calls; i++)
{
    var watch = Stopwatch.StartNew();
    await commands.CallNextAsync(advisor);
    callTimes.Add(watch.Elapsed.TotalMilliseconds);
    await commands.FinishAsync(advisor, [categoryId], null);
}

Console.WriteLine();
Console.WriteLine($"Call next (SQLite file, {calls} calls, one place): {Summary(callTimes)}");

// 2. Fan-out: time from the call's commit until every open screen has the event.
var bus = portal.Services.GetRequiredService<ILiveEventBus>();
Console.WriteLine();
Console.WriteLine("| open screens | kind | median ms | p95 ms | max ms |");
Console.WriteLine("|---:|---|---:|---:|---:|");
foreach (var count in clientCounts)
{
    var hubTimes = await MeasureHubFanOutAsync(count);
    Console.WriteLine($"| {count} | SignalR hub clients (/hubs/live, WebSockets, loopback) | {Pct(hubTimes, 50)} | {Pct(hubTimes, 95)} | {hubTimes.Max().ToString("0.0", CultureInfo.InvariantCulture)} |");
    var busTimes = await MeasureBusFanOutAsync(count);
    Console.WriteLine($"| {count} | in-process subscribers (Blazor components) | {Pct(busTimes, 50)} | {Pct(busTimes, 95)} | {busTimes.Max().ToString("0.0", CultureInfo.InvariantCulture)} |");
}

return;

async Task<List<double>> MeasureHubFanOutAsync(int clients)
{
    var cookies = await portal.SignInAsync("vagledare2@demo.mbk.se");
    var connections = new List<HubConnection>();
    var pending = 0;
    TaskCompletionSource? allReceived = null;
    for (var i = 0; i < clients; i++)
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(address, "/hubs/live"), o => o.Cookies = cookies).Build();
        connection.On<object>("TicketCalled", _ =>
        {
            if (Interlocked.Decrement(ref pending) == 0)
            {
                allReceived?.TrySetResult();
            }
        });
        await connection.StartAsync();
        connections.Add(connection);
    }

    var times = await RepeatCallsAsync(20, async call =>
    {
        pending = clients;
        allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        await call();
        await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return watch.Elapsed.TotalMilliseconds;
    });
    foreach (var connection in connections)
    {
        await connection.DisposeAsync();
    }

    return times;
}

async Task<List<double>> MeasureBusFanOutAsync(int subscribers)
{
    var pending = 0;
    TaskCompletionSource? allReceived = null;
    var subscriptions = Enumerable.Range(0, subscribers).Select(_ => bus.Subscribe(officeId, e =>
    {
        // A Blazor component hops to its dispatcher; Task.Yield stands in for that hop.
        return e is TicketCalled ? Received() : Task.CompletedTask;

        async Task Received()
        {
            await Task.Yield();
            if (Interlocked.Decrement(ref pending) == 0)
            {
                allReceived?.TrySetResult();
            }
        }
    })).ToList();
    var times = await RepeatCallsAsync(20, async call =>
    {
        pending = subscribers;
        allReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = Stopwatch.StartNew();
        await call();
        await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return watch.Elapsed.TotalMilliseconds;
    });
    subscriptions.ForEach(s => s.Dispose());
    return times;
}

async Task<List<double>> RepeatCallsAsync(int rounds, Func<Func<Task>, Task<double>> measure)
{
    var times = new List<double>();
    for (var i = 0; i < rounds; i++)
    {
        await queue.TakeTicketAsync($"fanout-{i % 50}");
        times.Add(await measure(() => commands.CallNextAsync(advisor)));
        await commands.FinishAsync(advisor, [categoryId], null);
    }

    return times;
}

static string Summary(List<double> values) =>
    $"median {Pct(values, 50)} ms, p95 {Pct(values, 95)} ms, p99 {Pct(values, 99)} ms, max {values.Max().ToString("0.00", CultureInfo.InvariantCulture)} ms";

static string Pct(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    var index = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
    return sorted[Math.Clamp(index, 0, sorted.Count - 1)].ToString("0.00", CultureInfo.InvariantCulture);
}

static int Option(string[] args, string name, int fallback) =>
    OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

static string? OptionText(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
