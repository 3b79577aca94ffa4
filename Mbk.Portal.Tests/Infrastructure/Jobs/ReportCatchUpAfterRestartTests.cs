using Mbk.Domain.Reports;
using Mbk.Portal.Tests.Features.Reports;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Infrastructure.Jobs;

/// <summary>
/// The portal was down when T1's report fell due: the next start (Hangfire server on, in-memory storage empty)
/// queues the check at once and the ledger in the database makes it send each office's report exactly once.
/// </summary>
public sealed class ReportCatchUpAfterRestartTests : IAsyncLifetime
{
    private SmtpServer _smtp = default!;

    public async Task InitializeAsync() => _smtp = await SmtpServer.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task ShouldSendTheMissedReportOnceWhenThePortalStartsAfterTheScheduledTime()
    {
        var dataDirectory = TestPaths.NewTempDirectory("portal");
        int rinkeby, ragsved;
        await using (var before = new PortalAppFactory(dataDirectory))
        {
            rinkeby = (await ReportTestData.SeedOfficeAsync(before.DbFactory, "Medborgarkontoret Rinkeby Nord", "rinkeby-nord", ("Förvaltningen", "forvaltning@stad.se"))).Id;
            ragsved = (await ReportTestData.SeedOfficeAsync(before.DbFactory, "Medborgarkontoret Rågsved", "ragsved", ("Rågsveds chef", "chef.ragsved@stad.se"))).Id;
        }

        // Two days after the send time, the portal comes back.
        var clock = new FakeTimeProvider(ReportTestData.AfterT1Due.AddDays(2));
        var settings = new Dictionary<string, string?>(_smtp.Settings()) { ["Hangfire:Server:Enabled"] = "true" };
        await using (var after = new PortalAppFactory(dataDirectory, settings, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))))
        {
            _ = after.Services;
            var messages = await _smtp.WaitForMessagesAsync(2);

            messages.Count.ShouldBe(2);
            messages.Select(m => m.Subject).ShouldBe(
                ["Tertialrapport T1 2026 (januari–april) – Medborgarkontoret Rinkeby Nord", "Tertialrapport T1 2026 (januari–april) – Medborgarkontoret Rågsved"],
                ignoreOrder: true);
            await WaitForLedgerAsync(after, rinkeby);
            await WaitForLedgerAsync(after, ragsved);
        }

        // A further restart finds both sent and sends nothing.
        await using (var again = new PortalAppFactory(dataDirectory, settings, services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))))
        {
            _ = again.Services;
            await Task.Delay(2000);
        }

        _smtp.Messages().Count.ShouldBe(2);
    }

    private static async Task WaitForLedgerAsync(PortalAppFactory portal, int officeId)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await ReportTestData.LedgerAsync(portal.DbFactory, officeId, 2026, 1))?.Status == DispatchStatus.Sent)
            {
                return;
            }

            await Task.Delay(100);
        }

        (await ReportTestData.LedgerAsync(portal.DbFactory, officeId, 2026, 1))?.Status.ShouldBe(DispatchStatus.Sent);
    }
}
