using System.Runtime.CompilerServices;
using Bunit;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// Live events are delivered on the thread pool (the publisher never waits), while bUnit's synchronous WaitFor*
/// calls block test threads: on a 2-core machine the pool's default minimum starves the deliveries the tests wait for.
/// bUnit's own default wait (1 s) is a ceiling, not a measure: on a busy 2-core machine a grid that reloads from
/// SQLite after a live event can hold the renderer longer than that, so the ceiling is raised for every test.
/// Speed is measured by the benchmarks, never by these waits.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
        BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
