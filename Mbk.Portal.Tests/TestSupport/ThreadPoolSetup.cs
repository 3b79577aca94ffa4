using System.Runtime.CompilerServices;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// Live events are delivered on the thread pool (the publisher never waits), while bUnit's synchronous WaitFor*
/// calls block test threads: on a 2-core machine the pool's default minimum starves the deliveries the tests wait for.
/// </summary>
internal static class ThreadPoolSetup
{
    [ModuleInitializer]
    internal static void RaiseMinThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
    }
}
