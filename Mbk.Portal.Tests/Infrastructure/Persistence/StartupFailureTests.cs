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
}
