using System.Net;
using System.Text;
using ClosedXML.Excel;
using Mbk.Domain.Meeting;
using Mbk.Portal.Features.Meeting;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Meeting;

/// <summary>The binder's export endpoints over HTTP, as the portal maps them.</summary>
public sealed class DecisionExportEndpointTests : IDisposable
{
    private readonly PortalAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ShouldExportTheFilteredBinderAsExcelAndCsvToStaffOnly()
    {
        var manager = await _factory.StaffAsync(DemoAccounts.Manager);
        int kept;
        using (var scope = _factory.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<MeetingCommands>();
            var meeting = await commands.GetOrCreateTodaysMeetingAsync(manager);
            await commands.StartAsync(manager, meeting);
            kept = await commands.RecordDecisionAsync(manager, meeting, 0, new DecisionInput("Exporttest: hittegods sparas i 3 månader; sedan polisen.", DecisionCategory.Rutin, "Sara", null));
            await commands.RecordDecisionAsync(manager, meeting, 0, new DecisionInput("Exporttest: annat beslut.", DecisionCategory.Lokal, null, null));
        }

        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var denied = await anonymous.GetAsync(new Uri("/decisions/export.xlsx", UriKind.Relative));
        denied.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);

        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Manager, DemoAccounts.Password)).Dispose();

        using var xlsx = await client.GetAsync(new Uri("/decisions/export.xlsx?q=hittegods&category=rutin", UriKind.Relative));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var workbook = new XLWorkbook(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet("Beslut");
        sheet.Cell(3, 4).GetString().ShouldBe("Beslut");
        sheet.Cell(4, 4).GetString().ShouldBe("Exporttest: hittegods sparas i 3 månader; sedan polisen.");
        sheet.Cell(4, 5).GetString().ShouldBe("rutin");
        sheet.Cell(4, 6).GetString().ShouldBe("gällande");
        sheet.Cell(5, 4).GetString().ShouldBeEmpty();

        using var csv = await client.GetAsync(new Uri("/decisions/export.csv?q=Exporttest", UriKind.Relative));
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("Datum;Möte;Punkt;Beslut;Kategori;Status");
        lines.Length.ShouldBe(3);
        text.ShouldContain("\"Exporttest: hittegods sparas i 3 månader; sedan polisen.\"");
        text.ShouldContain("Exporttest: annat beslut.");
        kept.ShouldBeGreaterThan(0);

        foreach (var path in new[] { "/decisions", "/actions", "/meeting/templates" })
        {
            using var page = await client.GetAsync(new Uri(path, UriKind.Relative));
            page.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        }
    }
}
