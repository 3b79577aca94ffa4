using Hangfire;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide: a portal host that stopped must not leave its disposed logger factory to
/// the hosts still running (found when a restart test met another test's stopped host on CI).
/// </summary>
public sealed class HangfireLoggingTests
{
    [Fact]
    public async Task ShouldKeepLoggingWhenAHostThatConfiguredHangfireHasStopped()
    {
        await using (var stopped = new PortalAppFactory())
        {
            stopped.Services.GetRequiredService<IGlobalConfiguration>().ShouldNotBeNull();
        }

        Should.NotThrow(() => Hangfire.Logging.LogProvider.GetLogger("Mbk.Portal.Tests").Log(Hangfire.Logging.LogLevel.Info, () => "after a host stopped"));
        await using var running = new PortalAppFactory();
        running.Services.GetRequiredService<IGlobalConfiguration>().ShouldNotBeNull();
        Should.NotThrow(() => Hangfire.Logging.LogProvider.GetLogger("Mbk.Portal.Tests").Log(Hangfire.Logging.LogLevel.Info, () => "while another runs"));
    }
}
