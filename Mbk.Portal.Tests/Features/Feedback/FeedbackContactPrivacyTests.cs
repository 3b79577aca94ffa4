using System.Net;
using System.Text.Json;
using Mbk.Domain.Statistics;
using Mbk.Portal.Features.Feedback;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Features.Feedback;

/// <summary>
/// The visitor's contact reaches the office's managers only: an Advisor never gets it through a page, an export, a hub
/// event or the report e-mail (real portal on Kestrel and SQLite, real HTTP and SignalR clients).
/// </summary>
public sealed class FeedbackContactPrivacyTests : IAsyncLifetime
{
    private static readonly string[] ContactParts = ["Kerstin Kontaktsson", "kerstin.k@example.se", "070-555 12 34", "Hemliga gatan 7"];

    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;
    private int _feedbackId;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        _feedbackId = await RegisterAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<int> RegisterAsync()
    {
        using var scope = _portal.Services.CreateScope();
        var advisor = await _portal.StaffAsync(DemoAccounts.Advisor);
        return await scope.ServiceProvider.GetRequiredService<FeedbackCommands>().RegisterAsync(advisor, FeedbackTestOffice.ComplaintWithContact);
    }

    private async Task<HttpClient> SignedInAsync(string email, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false };
        var client = new HttpClient(handler, disposeHandler: true) { BaseAddress = _address };
        using var login = await HttpLogin.PostLoginAsync(client, email, DemoAccounts.Password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static void ShouldHoldNoContact(string text, string where)
    {
        foreach (var part in ContactParts)
        {
            text.ShouldNotContain(part, Case.Insensitive, $"{where} must not contain the visitor's contact");
        }
    }

    [Fact]
    public async Task ShouldNeverRenderTheContactForAnAdvisorWhenThePagesAreOpened()
    {
        using var advisor = await SignedInAsync(DemoAccounts.Advisor);
        using var manager = await SignedInAsync(DemoAccounts.Manager);

        foreach (var path in new[] { "/feedback", $"/feedback/{_feedbackId}", "/statistics", "/meeting" })
        {
            using var response = await advisor.GetAsync(new Uri(path, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
            ShouldHoldNoContact(await response.Content.ReadAsStringAsync(), $"the advisor's {path}");
        }

        var advisorItem = await advisor.GetStringAsync(new Uri($"/feedback/{_feedbackId}", UriKind.Relative));
        advisorItem.ShouldContain("bord 2 utan information");
        advisorItem.ShouldContain("data-testid=\"feedback-contact-hidden\"");
        var managerItem = await manager.GetStringAsync(new Uri($"/feedback/{_feedbackId}", UriKind.Relative));
        managerItem.ShouldContain("data-testid=\"feedback-contact\"");
        managerItem.ShouldContain("kerstin.k@example.se");
        ShouldHoldNoContact(await manager.GetStringAsync(new Uri("/feedback", UriKind.Relative)), "the list, even for a manager");
    }

    [Fact]
    public async Task ShouldLeaveTheContactOutOfExportsAndRefuseDataRequestsWhenAnAdvisorDownloads()
    {
        using var advisor = await SignedInAsync(DemoAccounts.Advisor);
        using var manager = await SignedInAsync(DemoAccounts.Manager);

        var advisorExport = await advisor.GetStringAsync(new Uri(FeedbackExport.ExportPath, UriKind.Relative));
        var managerExport = await manager.GetStringAsync(new Uri(FeedbackExport.ExportPath, UriKind.Relative));
        advisorExport.ShouldContain("bord 2 utan information");
        ShouldHoldNoContact(advisorExport, "the advisor's export");
        ShouldHoldNoContact(managerExport, "the register export");

        var query = $"{FeedbackExport.DataRequestPath}?q={Uri.EscapeDataString("kerstin.k@example.se")}";
        using var refused = await advisor.GetAsync(new Uri(query, UriKind.Relative));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        ShouldHoldNoContact(await refused.Content.ReadAsStringAsync(), "the refusal");
        var dataRequest = await manager.GetStringAsync(new Uri(query, UriKind.Relative));
        dataRequest.ShouldContain("Kerstin Kontaktsson");
        dataRequest.ShouldContain("Hemliga gatan 7");
    }

    [Fact]
    public async Task ShouldSendNoContactOverTheHubWhenAnItemIsRegisteredAndHandled()
    {
        var cookies = new CookieContainer();
        using (await SignedInAsync(DemoAccounts.Advisor, cookies))
        {
        }

        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(_address, "/hubs/live"), o => o.Cookies = cookies).Build();
        var payloads = new List<string>();
        var twoEvents = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("FeedbackChanged", e =>
        {
            lock (payloads)
            {
                payloads.Add(e.GetRawText());
                if (payloads.Count >= 2)
                {
                    twoEvents.TrySetResult();
                }
            }
        });
        await hub.StartAsync();

        var id = await RegisterAsync();
        using (var scope = _portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<FeedbackCommands>().StartHandlingAsync(await _portal.StaffAsync(DemoAccounts.Manager), id);
        }

        await twoEvents.Task.WaitAsync(TimeSpan.FromSeconds(10));
        lock (payloads)
        {
            payloads.ShouldAllBe(p => p.Contains($"\"feedbackId\":{id}"));
            foreach (var payload in payloads)
            {
                ShouldHoldNoContact(payload, "a hub event");
            }
        }
    }

    [Fact]
    public async Task ShouldCountTheItemButLeaveTheContactOutOfTheReportMailWhenTheReportIsBuilt()
    {
        using var scope = _portal.Services.CreateScope();
        var officeId = await _portal.DemoOfficeIdAsync();
        var today = DateOnly.FromDateTime(DateTime.Now);
        var content = await scope.ServiceProvider.GetRequiredService<ReportContentQueries>()
            .BuildAsync(officeId, StatisticsPeriod.Containing(PeriodKind.Tertial, today));

        content.Feedback.ShouldNotBeNull().ByKind.Single(k => k.Kind == "Klagomål").Count.ShouldBeGreaterThanOrEqualTo(1);
        var html = ReportHtml.ForEmail(content, ReportCharts.Draw(content), DateTimeOffset.UtcNow, TimeZoneInfo.Utc);
        html.ShouldNotContain(ReportContent.FeedbackNotRecordedText);
        ShouldHoldNoContact(html, "the report e-mail");
        var sheet = ReportWorkbook.Tables(content).Single(t => t.Name == ReportWorkbook.FeedbackSheet);
        ShouldHoldNoContact(string.Join('\n', sheet.Rows.SelectMany(r => r).Select(c => c?.ToString())), "the report's Excel sheet");
    }
}
