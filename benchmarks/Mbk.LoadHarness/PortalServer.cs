using System.Diagnostics;
using System.Globalization;
using Mbk.Benchmarks;

namespace Mbk.LoadHarness;

/// <summary>
/// The portal side of the harness, run in a process of its own (<c>--serve</c>) so that its memory and CPU are the
/// portal's alone. It hosts the real portal on Kestrel (loopback, own SQLite file, demo data) and takes commands, one
/// per line on standard input, answering with a line that starts with <see cref="Reply"/> on standard output:
/// <c>take</c> (finish the visitor at the desk, if any, and take a new ticket), <c>call</c> ("Kalla nästa" through
/// <c>QueueCommands.CallNextAsync</c>, timed), <c>stats</c> (memory after a full collection, and CPU time), <c>cpu</c> (CPU time alone), <c>quit</c>.
/// </summary>
internal static class PortalServer
{
    public const string Reply = "@@ ";

    public static async Task<int> RunAsync(bool secondary)
    {
        await using var portal = new BenchmarkPortal();
        var address = portal.Start();
        // A second instance on the same database only hosts screens: the first prepared the office and calls.
        using var queue = secondary ? null : await BenchmarkQueue.PrepareAsync(portal);
        var taken = 0;
        Answer($"ready {address} {Environment.ProcessId} {portal.DataDirectory}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            switch (line)
            {
                case "take" or "call" when queue is null:
                    Answer("error this instance only hosts screens");
                    break;
                case "take":
                    // The visitor at the desk (called here or on the counter's own screen) is finished first.
                    try
                    {
                        await queue!.FinishAsync();
                    }
                    catch (Mbk.Domain.Common.DomainException)
                    {
                        // Nobody at the desk.
                    }

                    var ticket = await queue!.TakeTicketAsync($"harness-{taken++ % 1000}");
                    Answer($"took {ticket.Receipt?.Number ?? "refused:" + ticket.Refusal}");
                    break;
                case "call":
                    var watch = Stopwatch.StartNew();
                    var number = await queue!.CallNextAsync();
                    var elapsed = watch.Elapsed.TotalMilliseconds;
                    Answer(string.Create(CultureInfo.InvariantCulture, $"called {number ?? "none"} {elapsed:0.000}"));
                    break;
                case "cpu":
                    using (var self = Process.GetCurrentProcess())
                    {
                        Answer(string.Create(CultureInfo.InvariantCulture, $"cpu {self.TotalProcessorTime.TotalMilliseconds:0}"));
                    }

                    break;
                case "stats":
                    Answer(Stats());
                    break;
                case "quit":
                    return 0;
                default:
                    Answer($"error unknown command {line}");
                    break;
            }
        }

        return 0;
    }

    private static string Stats()
    {
        // CPU time first: the full collection below is the harness's doing, not the portal's.
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime.TotalMilliseconds;
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        self.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"stats {heap} {self.WorkingSet64} {self.PrivateMemorySize64} {cpu:0} {ThreadPool.ThreadCount}");
    }

    private static void Answer(string text)
    {
        Console.Out.WriteLine(Reply + text);
        Console.Out.Flush();
    }
}
