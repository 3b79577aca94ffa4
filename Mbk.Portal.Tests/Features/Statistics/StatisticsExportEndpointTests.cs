using System.Net;
using ClosedXML.Excel;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mbk.Portal.Tests.Features.Statistics;

/// <summary>
/// The export endpoints over HTTP, as the portal maps them.
/// </summary>
public sealed class StatisticsExportEndpointTests : IDisposable
{
    private readonly PortalAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();


    [Fact]
    public async Task ShouldServeWorkbookToStaffAndRefuseOthers()
    {
        using var anonymous = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var denied = await anonymous.GetAsync(new Uri("/statistics/export.xlsx?kind=month&from=2026-03-01", UriKind.Relative));
        denied.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);

        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Manager, DemoAccounts.Password)).Dispose();
        using var ok = await client.GetAsync(new Uri("/statistics/export.xlsx?kind=month&from=2026-03-01", UriKind.Relative));
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var workbook = new XLWorkbook(new MemoryStream(await ok.Content.ReadAsByteArrayAsync()));
        workbook.Worksheets.Count.ShouldBe(7);
        using var other = await client.GetAsync(new Uri("/statistics/export.csv?kind=month&from=2026-03-01&office=99999", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var bad = await client.GetAsync(new Uri("/statistics/export.zip?kind=x&from=2026-03-01", UriKind.Relative));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var page = await client.GetAsync(new Uri("/statistics", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var surveys = await client.GetAsync(new Uri("/statistics/surveys", UriKind.Relative));
        surveys.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
