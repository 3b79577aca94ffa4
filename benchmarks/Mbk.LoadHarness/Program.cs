// Load harness for the live path (issue 11): real waiting-room display circuits and live-hub clients against the real
// portal, which runs in a child process of its own so its memory and CPU can be read alone. One command:
//   dotnet run -c Release --project benchmarks/Mbk.LoadHarness -- --displays 1000 --hubs 1000
// Options: --calls 20 --drop 3 --soak-minutes 0 --interval-ms 5000 --parallel 16 --verbose
// Two instances on PostgreSQL + Redis (every second display and hub client on the second instance):
//   ... -- --instances 2 --postgres 'Host=127.0.0.1;Port=55433;Username=mbk;Database=postgres' --redis 127.0.0.1:56380
// Not a test: it measures and prints a Markdown table (see docs/performance.md).
using Mbk.LoadHarness;

var options = HarnessOptions.Parse(args);
if (options.Serve)
{
    return await PortalServer.RunAsync(options.Secondary);
}

await new LoadRun(options).RunAsync();
return 0;
