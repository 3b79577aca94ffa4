using System.Diagnostics;
using System.Net;
using Mbk.Benchmarks;
using static Mbk.LoadHarness.Measure;

namespace Mbk.LoadHarness;

/// <summary>
/// One run: start the portal process, open the hub clients and the display circuits, make the calls, cut some
/// displays off and call again, optionally soak, and print what was measured.
/// </summary>
internal sealed class LoadRun(HarnessOptions options)
{
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

    private readonly List<(string Measure, string Value)> _rows = [];
    private readonly List<HeadlessCircuit> _displays = [];
    private readonly List<LiveHubClient> _hubs = [];
    private readonly HashSet<int> _cut = [];
    private CallRound? _round;
    private HeadlessCircuit? _counter;

    public async Task RunAsync()
    {
        var started = DateTime.Now;
        Console.WriteLine($"Load harness: {options.Displays} displays, {options.Hubs} hub clients, {options.Calls} calls, {options.Drop} dropped, soak {options.SoakMinutes} min, {options.IntervalMs} ms between calls");
        var environment = await InstanceEnvironmentAsync();
        await using var portal = await PortalProcess.StartAsync(environment: environment);
        Console.WriteLine($"Portal process {portal.ProcessId} on {portal.Address} (log: {portal.LogPath})");
        await using var second = options.Instances > 1 ? await PortalProcess.StartAsync(secondary: true, environment: environment) : null;
        if (second is not null)
        {
            Console.WriteLine($"Second portal process {second.ProcessId} on {second.Address} (log: {second.LogPath})");
        }

        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        var page = new Uri(portal.Address, $"/display/{BenchmarkQueue.OfficeSlug}");
        // Every second display and hub client (after the dropped ones) on the second instance, when there is one.
        Uri InstanceFor(int i) => second is not null && i >= options.Drop && i % 2 == 1 ? second.Address : portal.Address;
        await using var proxy = new BlackholeProxy(portal.Address);

        await WarmUpAsync(portal, page, http);
        await OpenCounterAsync(portal, http);
        var baseline = await SettledStatsAsync(portal);

        // Hub clients (staff signed in), then the display circuits; the first --drop circuits go through the proxy.
        var cookies = await BenchmarkPortal.SignInAsync(portal.Address, "vagledare2@demo.mbk.se");
        var secondCookies = second is null ? cookies : await BenchmarkPortal.SignInAsync(second.Address, "vagledare2@demo.mbk.se");
        var hubWatch = Stopwatch.StartNew();
        var hubFailures = await OpenAsync("hub clients", options.Hubs, async (i, token) =>
        {
            var hub = new LiveHubClient(i, InstanceFor(i), InstanceFor(i) == portal.Address ? cookies : secondCookies, CurrentRound);
            await hub.StartAsync(token);
            lock (_hubs)
            {
                _hubs.Add(hub);
            }
        });
        var hubSeconds = hubWatch.Elapsed.TotalSeconds;
        var afterHubs = await SettledStatsAsync(portal);

        var openWatch = Stopwatch.StartNew();
        var displayFailures = await OpenAsync("display circuits", options.Displays, async (i, token) =>
        {
            var host = InstanceFor(i);
            var circuit = new HeadlessCircuit(i, new Uri(host, page.PathAndQuery), i < options.Drop ? proxy.Address : host, http, CurrentRound, options.Verbose && i == 0);
            lock (_displays)
            {
                _displays.Add(circuit);
            }

            await circuit.StartAsync(token);
        });
        var openSeconds = openWatch.Elapsed.TotalSeconds;
        var afterDisplays = await SettledStatsAsync(portal);
        var openDisplays = _displays.Count(d => !d.Closed) ;
        Console.WriteLine($"Opened {openDisplays} display circuits in {openSeconds:0.0} s ({displayFailures.Count} failed), {_hubs.Count} hub clients in {hubSeconds:0.0} s ({hubFailures.Count} failed)");

        Row("Portal process", second is null
            ? "separate process (server GC), Kestrel loopback, SQLite file, Environment Benchmark"
            : "two separate processes (server GC), Kestrel loopback, one PostgreSQL database, live bus on Redis; every second display and hub client on the second; CPU and memory rows are the first process's");
        Row("Display circuits open / asked", $"{openDisplays} / {options.Displays}" + Failures(displayFailures));
        Row("Hub clients open / asked", $"{_hubs.Count(h => !h.Closed)} / {options.Hubs}" + Failures(hubFailures));
        Row("Circuit starts per second (GET + negotiate + StartCircuit + first interactive render, " + options.Parallel + " at a time)",
            Number(_displays.Count / openSeconds));
        Row("Portal CPU while opening circuits (% of one core)", Number(100 * (afterDisplays.CpuMs - afterHubs.CpuMs) / (afterDisplays.At - afterHubs.At).TotalMilliseconds, "0"));
        if (_displays.Count > 0)
        {
            var n = (double)_displays.Count;
            Row("Memory per display circuit: RSS / private bytes / managed heap",
                $"{Kb((afterDisplays.Rss - afterHubs.Rss) / n)} / {Kb((afterDisplays.PrivateBytes - afterHubs.PrivateBytes) / n)} / {Kb((afterDisplays.ManagedHeap - afterHubs.ManagedHeap) / n)}");
        }

        if (_hubs.Count > 0)
        {
            var n = (double)_hubs.Count;
            Row("Memory per hub client: RSS / managed heap", $"{Kb((afterHubs.Rss - baseline.Rss) / n)} / {Kb((afterHubs.ManagedHeap - baseline.ManagedHeap) / n)}");
        }

        Row("Portal process with everything open: RSS / managed heap / threads",
            $"{Mb(afterDisplays.Rss)} / {Mb(afterDisplays.ManagedHeap)} / {afterDisplays.Threads} (before: {Mb(baseline.Rss)} / {Mb(baseline.ManagedHeap)})");

        // The portal's own background work (timers, jobs, keep-alives) with everything open and nothing happening.
        var idleFrom = await portal.CpuAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        var idleTo = await portal.CpuAsync();
        var idleShare = (idleTo.CpuMs - idleFrom.CpuMs) / (idleTo.At - idleFrom.At).TotalMilliseconds;
        Row("Portal CPU while idle with everything open (% of one core, 10 s)", Number(100 * idleShare, "0"));

        // The measured calls.
        var beforeCalls = await portal.CpuAsync();
        var calls = await CallAsync(portal, options.Calls, "call");
        var afterCalls = await portal.CpuAsync();
        ReportCalls(calls, string.Empty);
        Row("Portal CPU during the calls (% of one core, incl. idle gaps)", Number(100 * (afterCalls.CpuMs - beforeCalls.CpuMs) / (afterCalls.At - beforeCalls.At).TotalMilliseconds, "0"));
        var callsCpu = afterCalls.CpuMs - beforeCalls.CpuMs - (idleShare * (afterCalls.At - beforeCalls.At).TotalMilliseconds);
        Row("Portal CPU time per call cycle above idle (a ticket taken and called: two changes reach every screen), ms",
            Ms(callsCpu / Math.Max(1, calls.Count)));
        Row("Render batches / JS calls per display circuit (whole run so far)",
            $"{Number(_displays.Average(d => d.RenderBatches))} / {Number(_displays.Average(d => d.JsCalls))}, {Kb(_displays.Average(d => d.RenderBytes))} received");

        // Displays whose network goes away without a close.
        if (options.Drop > 0 && _displays.Count > options.Drop)
        {
            for (var i = 0; i < options.Drop; i++)
            {
                _cut.Add(i);
            }

            proxy.Cut();
            Console.WriteLine($"Cut {options.Drop} display circuits off (no close, no reset); calling again");
            var dropped = await CallAsync(portal, Math.Min(options.Calls, 10), "drop");
            ReportCalls(dropped, $" with {options.Drop} displays cut off");
        }

        if (options.SoakMinutes > 0)
        {
            await SoakAsync(portal);
        }

        Row("Circuit errors (JS.Error) / display connections closed / hub connections closed",
            $"{_displays.Sum(d => d.Errors)} / {_displays.Count(d => d.Closed && !_cut.Contains(_displays.IndexOf(d)))} / {_hubs.Count(h => h.Closed)}");
        if (_displays.Where((_, i) => !_cut.Contains(i)).FirstOrDefault(d => d.LastError is not null) is { } failed)
        {
            Row("First circuit error", failed.LastError!.ReplaceLineEndings(" "));
        }

        Print(started);
        await CloseAsync();
    }

    private CallRound? CurrentRound() => Volatile.Read(ref _round);

    /// <summary>The advisor's own counter screen (signed in, seated at "Bord 1"), used for every second call.</summary>
    private async Task OpenCounterAsync(PortalProcess portal, HttpClient http)
    {
        try
        {
            var cookies = await BenchmarkPortal.SignInAsync(portal.Address, "vagledare@demo.mbk.se");
            var counter = new HeadlessCircuit(-1, new Uri(portal.Address, "/counter"), portal.Address, http, CurrentRound, options.Verbose, cookies);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await counter.StartAsync(timeout.Token);
            while (!counter.HasShortcuts)
            {
                await Task.Delay(100, timeout.Token);
            }

            _counter = counter;
            Console.WriteLine("Counter circuit open: every second call is the advisor pressing N on it");
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException or HttpRequestException)
        {
            Console.WriteLine($"No counter circuit ({ex.Message}): every call goes through QueueCommands.CallNextAsync");
        }
    }

    /// <summary>A few circuits and a call before the baseline, so start-up costs (JIT, caches, read models) are not counted per circuit.</summary>
    private async Task WarmUpAsync(PortalProcess portal, Uri page, HttpClient http)
    {
        var warm = new List<HeadlessCircuit>();
        for (var i = 0; i < 3; i++)
        {
            var circuit = new HeadlessCircuit(0, page, page, http, () => null, options.Verbose && i == 0);
            await circuit.StartAsync(CancellationToken.None);
            warm.Add(circuit);
        }

        await portal.TakeTicketAsync();
        await portal.CallNextAsync();
        await Task.Delay(1000);
        Console.WriteLine($"Warm-up: first display circuit got {warm[0].RenderBatches} render batches ({warm[0].RenderBytes} bytes) and {warm[0].JsCalls} JS calls");
        foreach (var circuit in warm)
        {
            await circuit.DisposeAsync();
        }
    }

    private static async Task<PortalStats> SettledStatsAsync(PortalProcess portal)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        return await portal.StatsAsync();
    }

    /// <summary>Opens <paramref name="count"/> clients, <see cref="HarnessOptions.Parallel"/> at a time; returns the failures.</summary>
    private async Task<List<string>> OpenAsync(string what, int count, Func<int, CancellationToken, Task> open)
    {
        var failures = new List<string>();
        var next = -1;
        var progress = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Parallel)).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                try
                {
                    await open(i, timeout.Token);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    lock (failures)
                    {
                        failures.Add($"#{i}: {ex.GetType().Name}: {ex.Message}");
                    }
                }

                if (i > 0 && i % 500 == 0)
                {
                    Console.WriteLine($"  {i} {what} opened after {progress.Elapsed.TotalSeconds:0.0} s");
                }
            }
        }));
        return failures;
    }

    /// <param name="ViaCounter">Called on the counter's own screen (key N) rather than by the command from outside.</param>
    /// <param name="CounterMs">Until the counter's own screen showed the number.</param>
    private sealed record CallResult(bool ViaCounter, double? CommandMs, double? CounterMs, double RoundTripMs, double? AllDisplaysMs, double? AllHubsMs, List<double> Displays, List<double> Hubs, int MissingDisplays, int MissingHubs);

    private async Task<List<CallResult>> CallAsync(PortalProcess portal, int calls, string label)
    {
        var results = new List<CallResult>();
        for (var c = 0; c < calls; c++)
        {
            var number = await portal.TakeTicketAsync();
            // The take re-renders every display too (queue lengths); let that settle before the call is timed.
            await Task.Delay(options.IntervalMs);
            results.Add(await OneCallAsync(portal, number, viaCounter: _counter is not null && c % 2 == 1));
            var last = results[^1];
            Console.WriteLine($"  {label} {c + 1}: {number} " + (last.ViaCounter ? $"counter key N → screen {Ms(last.CounterMs ?? double.NaN)} ms" : $"command {Ms(last.CommandMs ?? double.NaN)} ms, counter screen {Ms(last.CounterMs ?? double.NaN)} ms") + $", every display {Ms(last.AllDisplaysMs ?? double.NaN)} ms, every hub client {Ms(last.AllHubsMs ?? double.NaN)} ms"
                + (last.MissingDisplays + last.MissingHubs > 0 ? $", MISSING {last.MissingDisplays} displays / {last.MissingHubs} hub clients" : string.Empty));
        }

        return results;
    }

    private async Task<CallResult> OneCallAsync(PortalProcess portal, string number, bool viaCounter)
    {
        var round = new CallRound(number, _displays.Count, _hubs.Count, i => !_cut.Contains(i) && !_displays[i].Closed);
        Volatile.Write(ref _round, round);
        round.Start();
        double? commandMs = null;
        if (viaCounter)
        {
            await _counter!.PressKeyAsync("n");
            await Completes(round.Counter);
        }
        else
        {
            var (called, inPortal) = await portal.CallNextAsync();
            commandMs = inPortal;
            if (called != number)
            {
                Console.WriteLine($"  warning: called {called}, expected {number}");
            }
        }

        var roundTrip = Stopwatch.GetElapsedTime(round.StartedAt).TotalMilliseconds;
        if (_counter is not null)
        {
            await Completes(round.Counter);
        }

        double? counterMs = round.CounterSeenAt == 0 ? null : Stopwatch.GetElapsedTime(round.StartedAt, round.CounterSeenAt).TotalMilliseconds;
        var displaysDone = await Completes(round.AllDisplays);
        var hubsDone = await Completes(round.AllHubs);
        var displays = round.DisplayLatencies.ToList();
        var hubs = round.HubLatencies.ToList();
        return new CallResult(viaCounter, commandMs, counterMs, roundTrip,
            displaysDone && displays.Count > 0 ? displays.Max() : displaysDone ? 0 : null,
            hubsDone && hubs.Count > 0 ? hubs.Max() : hubsDone ? 0 : null,
            displays, hubs, round.MissingDisplays, round.MissingHubs);
    }

    private static async Task<bool> Completes(Task task)
    {
        try
        {
            await task.WaitAsync(DeliveryTimeout);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void ReportCalls(List<CallResult> calls, string suffix)
    {
        var byCounter = calls.Where(c => c.ViaCounter).ToList();
        var byCommand = calls.Where(c => !c.ViaCounter).ToList();
        if (byCounter.Count > 0)
        {
            Row($"Counter's own screen: key N on the counter circuit → its render with the number (p50 / p95 / p99 / max ms, {byCounter.Count} calls{suffix})",
                Spread(byCounter.Where(c => c.CounterMs is not null).Select(c => c.CounterMs!.Value).ToList()) + Missing(byCounter.Count(c => c.CounterMs is null)));
        }

        Row($"\"Kalla nästa\" command QueueCommands.CallNextAsync inside the portal (p50 / p95 / p99 / max ms, {byCommand.Count} calls{suffix})", Spread(byCommand.Select(c => c.CommandMs!.Value).ToList()));
        Row($"Same command, round trip seen by the harness (p50 / p95 / p99 / max ms{suffix})", Spread(byCommand.Select(c => c.RoundTripMs).ToList()));
        if (_counter is not null)
        {
            Row($"Same command → the counter circuit shows the number through the live path (p50 / p95 / p99 / max ms{suffix})",
                Spread(byCommand.Where(c => c.CounterMs is not null).Select(c => c.CounterMs!.Value).ToList()));
        }

        Row($"Call → every display shows the number, per call (p50 / p95 / p99 / max ms{suffix})", Spread(calls.Where(c => c.AllDisplaysMs is not null).Select(c => c.AllDisplaysMs!.Value).ToList()));
        Row($"Call → one display shows the number, all displays × calls (p50 / p95 / p99 / max ms{suffix})", Spread(calls.SelectMany(c => c.Displays).ToList()));
        if (_hubs.Count > 0)
        {
            Row($"Call → every hub client has the event, per call (p50 / p95 / p99 / max ms{suffix})", Spread(calls.Where(c => c.AllHubsMs is not null).Select(c => c.AllHubsMs!.Value).ToList()));
            Row($"Call → one hub client, all clients × calls (p50 / p95 / p99 / max ms{suffix})", Spread(calls.SelectMany(c => c.Hubs).ToList()));
        }

        Row($"Calls not seen everywhere within {DeliveryTimeout.TotalSeconds:0} s{suffix}",
            $"{calls.Count(c => c.MissingDisplays + c.MissingHubs > 0)} of {calls.Count} (display misses {calls.Sum(c => c.MissingDisplays)}, hub misses {calls.Sum(c => c.MissingHubs)})");
    }

    private async Task SoakAsync(PortalProcess portal)
    {
        Console.WriteLine($"Soak: a call every {options.IntervalMs} ms for {options.SoakMinutes} min");
        var deadline = DateTime.UtcNow.AddMinutes(options.SoakMinutes);
        var first = await portal.StatsAsync();
        var samples = new List<PortalStats> { first };
        var results = new List<CallResult>();
        var nextSample = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline)
        {
            results.AddRange(await CallAsync(portal, 1, "soak"));
            if (DateTime.UtcNow >= nextSample)
            {
                samples.Add(await portal.StatsAsync());
                nextSample = nextSample.AddMinutes(1);
                Console.WriteLine($"  soak: RSS {Mb(samples[^1].Rss)}, managed heap {Mb(samples[^1].ManagedHeap)}");
            }
        }

        var last = await portal.StatsAsync();
        ReportCalls(results, $", soak {options.SoakMinutes} min");
        Row($"Soak memory: RSS / managed heap, start → end",
            $"{Mb(first.Rss)} → {Mb(last.Rss)} ({Number(100.0 * (last.Rss - first.Rss) / first.Rss, "+0.0;-0.0")} %) / {Mb(first.ManagedHeap)} → {Mb(last.ManagedHeap)} ({Number(100.0 * (last.ManagedHeap - first.ManagedHeap) / first.ManagedHeap, "+0.0;-0.0")} %)");
    }

    private void Row(string measure, string value) => _rows.Add((measure, value));

    private static string Missing(int count) => count == 0 ? string.Empty : $" ({count} not seen within {DeliveryTimeout.TotalSeconds:0} s)";

    private static string Failures(List<string> failures) =>
        failures.Count == 0 ? string.Empty : $" ({failures.Count} failed; first: {failures[0].ReplaceLineEndings(" ")})";

    private void Print(DateTime started)
    {
        Console.WriteLine();
        Console.WriteLine($"Run of {started:yyyy-MM-dd HH:mm}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, harness and portal on the same machine");
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---:|");
        foreach (var (measure, value) in _rows)
        {
            Console.WriteLine($"| {measure} | {value.Replace("|", "/", StringComparison.Ordinal)} |");
        }
    }

    private async Task CloseAsync()
    {
        await Task.WhenAll(_displays.Where((_, i) => !_cut.Contains(i)).Select(d => d.DisposeAsync().AsTask()));
        await Task.WhenAll(_hubs.Select(h => h.DisposeAsync().AsTask()));
        if (_counter is not null)
        {
            await _counter.DisposeAsync();
        }
    }

    /// <summary>For two instances: a fresh PostgreSQL database and Redis, handed to both portal processes.</summary>
    private async Task<IReadOnlyDictionary<string, string>?> InstanceEnvironmentAsync()
    {
        if (options.Instances < 2)
        {
            return null;
        }

        var server = options.Postgres ?? throw new InvalidOperationException("--instances 2 needs --postgres (a PostgreSQL server connection string).");
        var redis = options.Redis ?? throw new InvalidOperationException("--instances 2 needs --redis (a Redis configuration string).");
        var name = $"mbk_harness_{Guid.NewGuid():N}";
        await using (var connection = new Npgsql.NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\";";
            await command.ExecuteNonQueryAsync();
        }

        return new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["ConnectionStrings__Portal"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 200 }.ToString(),
            ["Redis__Configuration"] = redis,
        };
    }
}
