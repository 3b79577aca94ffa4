using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Mbk.LoadHarness;

/// <summary>The portal in a child process (<see cref="PortalServer"/>), driven line by line; its own output goes to a log file.</summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _replies = Channel.CreateUnbounded<string>();
    private readonly StreamWriter _log;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private PortalProcess(Process process, string logPath)
    {
        _process = process;
        LogPath = logPath;
        _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public Uri Address { get; private set; } = default!;

    public int ProcessId { get; private set; }

    public string LogPath { get; }

    public static async Task<PortalProcess> StartAsync(bool secondary = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(PortalProcess).Assembly.Location);
        }

        start.ArgumentList.Add("--serve");
        if (secondary)
        {
            start.ArgumentList.Add("--secondary");
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        // The portal is a web project: it runs with the server garbage collector, as in production.
        start.Environment["DOTNET_gcServer"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal process did not start.");
        var portal = new PortalProcess(process, Path.Combine(Path.GetTempPath(), $"mbk-loadharness-portal-{process.Id}.log"));
        _ = portal.PumpAsync(process.StandardOutput, isError: false);
        _ = portal.PumpAsync(process.StandardError, isError: true);
        var ready = (await portal.ReadReplyAsync(TimeSpan.FromMinutes(3))).Split(' ');
        if (ready[0] != "ready")
        {
            throw new InvalidOperationException($"The portal did not start: {string.Join(' ', ready)} (see {portal.LogPath})");
        }

        portal.Address = new Uri(ready[1]);
        portal.ProcessId = int.Parse(ready[2], CultureInfo.InvariantCulture);
        return portal;
    }

    /// <summary>Finishes the current visitor and takes a new ticket; returns its number.</summary>
    public async Task<string> TakeTicketAsync()
    {
        var reply = await CommandAsync("take");
        return reply.StartsWith("took ", StringComparison.Ordinal) && !reply.Contains("refused", StringComparison.Ordinal)
            ? reply["took ".Length..]
            : throw new InvalidOperationException($"Taking a ticket failed: {reply}");
    }

    /// <summary>"Kalla nästa": the called number and the command's own duration inside the portal.</summary>
    public async Task<(string Number, double CommandMs)> CallNextAsync()
    {
        var parts = (await CommandAsync("call")).Split(' ');
        return parts[0] == "called"
            ? (parts[1], double.Parse(parts[2], CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"Calling failed: {string.Join(' ', parts)}");
    }

    /// <summary>The portal's CPU time so far (no collection forced, so a window between two readings is the portal's own work).</summary>
    public async Task<(double CpuMs, DateTime At)> CpuAsync()
    {
        var parts = (await CommandAsync("cpu")).Split(' ');
        return (double.Parse(parts[1], CultureInfo.InvariantCulture), DateTime.UtcNow);
    }

    public async Task<PortalStats> StatsAsync()
    {
        var parts = (await CommandAsync("stats")).Split(' ');
        return new PortalStats(
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            double.Parse(parts[4], CultureInfo.InvariantCulture),
            int.Parse(parts[5], CultureInfo.InvariantCulture),
            ReadRss(ProcessId),
            DateTime.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit");
            await _process.StandardInput.FlushAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
        await _log.DisposeAsync();
        _gate.Dispose();
    }

    private async Task<string> CommandAsync(string command)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            return await ReadReplyAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> ReadReplyAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            return await _replies.Reader.ReadAsync(cancel.Token);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException($"The portal process ended (see {LogPath}).");
        }
    }

    private async Task PumpAsync(StreamReader reader, bool isError)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!isError && line.StartsWith(PortalServer.Reply, StringComparison.Ordinal))
            {
                _replies.Writer.TryWrite(line[PortalServer.Reply.Length..]);
            }
            else
            {
                lock (_log)
                {
                    _log.WriteLine(line);
                }
            }
        }

        if (!isError)
        {
            _replies.Writer.TryComplete();
        }
    }

    /// <summary>Resident set size from /proc (Linux), in bytes; 0 elsewhere.</summary>
    private static long ReadRss(int pid)
    {
        var path = $"/proc/{pid}/status";
        if (!File.Exists(path))
        {
            return 0;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }
}

/// <summary>The portal process at one moment: managed heap after a full collection, working set, private bytes, CPU time.</summary>
internal sealed record PortalStats(long ManagedHeap, long WorkingSet, long PrivateBytes, double CpuMs, int Threads, long Rss, DateTime At);
