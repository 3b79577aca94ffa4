using System.Diagnostics;

namespace Mbk.Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// The real portal process, started with a data directory that cannot be created, ends with one clear line naming the
/// path and what to do (exit code 1), not an unhandled exception's stack.
/// </summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task ShouldEndWithOneClearLineWhenTheDataDirectoryCannotBeCreated()
    {
        var folder = TestSupport.TestPaths.NewTempDirectory("unwritable");
        var blocker = Path.Combine(folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var dataDirectory = Path.Combine(blocker, "data");
        var portalDll = Path.Combine(AppContext.BaseDirectory, "Mbk.Portal.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", portalDll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = folder,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Portal__DataDirectory"] = dataDirectory,
                ["Hangfire__Server__Enabled"] = "false",
            },
        };

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.ShouldBe(1);
        var errorLines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errorLines.ShouldHaveSingleItem().ShouldStartWith($"Mbk Portal kan inte starta: databasen {Path.Combine(dataDirectory, "mbk-portal.db")}");
        errorLines[0].ShouldContain("Portal:DataDirectory");
        (await stdout).ShouldNotContain("   at ");
    }

    [Fact]
    public async Task ShouldNameEveryBadSettingAndStopWhenTheConfigurationIsInvalid()
    {
        var folder = TestSupport.TestPaths.NewTempDirectory("bad-settings");
        var (exitCode, errors) = await RunPortalAsync(folder, new Dictionary<string, string>
        {
            ["Portal__DataDirectory"] = Path.Combine(folder, "data"),
            ["Queue__KioskMaxTickets"] = "många",
            ["Reports__SendTime"] = "7 på morgonen",
            ["Mail__Smtp__Port"] = "0",
        });

        exitCode.ShouldBe(1);
        errors.Length.ShouldBe(3);
        errors.ShouldContain(e => e.Contains("Queue:KioskMaxTickets 'många'", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Reports:SendTime", StringComparison.Ordinal));
        errors.ShouldContain(e => e.Contains("Mail:Smtp:Port '0'", StringComparison.Ordinal));
        Directory.Exists(Path.Combine(folder, "data")).ShouldBeFalse("nothing was created before the settings were checked");
    }

    private static async Task<(int ExitCode, string[] Errors)> RunPortalAsync(string folder, Dictionary<string, string> environment)
    {
        var portalDll = Path.Combine(AppContext.BaseDirectory, "Mbk.Portal.dll");
        var start = new ProcessStartInfo("dotnet", ["exec", portalDll, "--urls", "http://127.0.0.1:0"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = folder,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hangfire__Server__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        await stdout;
        return (process.ExitCode, (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
