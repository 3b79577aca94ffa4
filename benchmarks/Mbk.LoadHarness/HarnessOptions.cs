using System.Globalization;

namespace Mbk.LoadHarness;

/// <summary>The command line: <c>--displays 1000 --hubs 1000 --calls 20 --drop 3 --soak-minutes 0 --interval-ms 5000</c>.</summary>
internal sealed record HarnessOptions
{
    public int Displays { get; init; } = 1000;

    public int Hubs { get; init; } = 1000;

    public int Calls { get; init; } = 20;

    /// <summary>Display circuits whose network is cut without a close (behind a black-hole proxy) for the drop run.</summary>
    public int Drop { get; init; } = 3;

    public int SoakMinutes { get; init; }

    /// <summary>Pause between two calls (the measured calls and the soak).</summary>
    public int IntervalMs { get; init; } = 5000;

    /// <summary>How many circuits and hub clients are being opened at the same time.</summary>
    public int Parallel { get; init; } = 16;

    /// <summary>Prints every render batch and JS call of the first display circuit (for getting one circuit right).</summary>
    public bool Verbose { get; init; }

    /// <summary>Runs as the portal process (started by the harness itself).</summary>
    public bool Serve { get; init; }

    /// <summary>Runs as a further portal instance that only hosts screens (no queue preparation, no calls).</summary>
    public bool Secondary { get; init; }

    /// <summary>Portal instances (1, or 2 on PostgreSQL + Redis: every second display and hub client on the second).</summary>
    public int Instances { get; init; } = 1;

    /// <summary>A PostgreSQL server connection string (a fresh database is created on it) for <see cref="Instances"/> 2.</summary>
    public string? Postgres { get; init; }

    /// <summary>A Redis configuration string for <see cref="Instances"/> 2.</summary>
    public string? Redis { get; init; }

    public static HarnessOptions Parse(string[] args) => new()
    {
        Displays = Int(args, "--displays", 1000),
        Hubs = Int(args, "--hubs", 1000),
        Calls = Int(args, "--calls", 20),
        Drop = Int(args, "--drop", 3),
        SoakMinutes = Int(args, "--soak-minutes", 0),
        IntervalMs = Int(args, "--interval-ms", 5000),
        Parallel = Int(args, "--parallel", 16),
        Verbose = args.Contains("--verbose"),
        Serve = args.Contains("--serve"),
        Secondary = args.Contains("--secondary"),
        Instances = Int(args, "--instances", 1),
        Postgres = Text(args, "--postgres"),
        Redis = Text(args, "--redis"),
    };

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
