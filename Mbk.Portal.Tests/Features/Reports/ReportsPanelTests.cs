using Bunit;
using ClosedXML.Excel;
using Mbk.Domain.Offices;
using Mbk.Domain.Reports;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Features.Reports.Pages;
using Mbk.Portal.Features.Statistics.Report;
using Mbk.Portal.Infrastructure.Mail;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mbk.Portal.Tests.Features.Reports;

/// <summary>/reports' panel on a real database: the preview, comments, recipients and the ledger's errors.</summary>
public sealed class ReportsPanelTests : MudBunitContext
{
    private TestDatabase _db = default!;
    private Office _office = default!;
    private StaffContext _manager = default!;

    public override async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _office = await ReportTestData.SeedOfficeAsync(_db, "Medborgarkontoret Rinkeby", "rinkeby");
        _manager = TestDatabase.Staff(_office, StaffRoles.Manager);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reports:SendDay"] = "FirstWeekday",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = PortalAppFactory.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        Services.AddLogging();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<TimeProvider>(new FakeTimeProvider(ReportTestData.AfterT1Due));
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(_db);
        Services.AddSingleton<PortalInstance>();
        Services.AddSingleton<IMailSender, SmtpMailSender>();
        Services.AddScoped<IReportFeedbackSource, FeedbackNotRecorded>();
        Services.AddScoped<StatisticsQueries>();
        Services.AddScoped<ReportContentQueries>();
        Services.AddScoped<ReportQueries>();
        Services.AddScoped<ReportCommands>();
        Services.AddScoped<ReportDispatcher>();
        RenderMudProviders();
    }

    private IRenderedComponent<ReportsPanel> RenderPanel()
    {
        var cut = Render<ReportsPanel>(p => p.Add(c => c.Staff, _manager));
        cut.WaitForAssertion(() => cut.Find("[data-testid=reports-preview]"));
        return cut;
    }

    [Fact]
    public async Task ShouldPreviewTheLatestTertialWithTheSameNumbersAsTheAttachedWorkbookWhenOpened()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=reports-period-label]").TextContent.ShouldBe("T1 2026 (januari–april)");
        var preview = cut.Find("[data-testid=reports-preview]");
        preview.TextContent.ShouldContain("Migrationsfrågor +105 %");
        preview.TextContent.ShouldContain(ReportContent.FeedbackNotRecordedText);

        var content = await new ReportContentQueries(_db, new StatisticsQueries(_db), new FeedbackNotRecorded()).BuildAsync(_office.Id, ReportTestData.T1Of2026);
        using var workbook = new XLWorkbook(new MemoryStream(ReportWorkbook.ToExcel(content)));
        var rows = preview.QuerySelectorAll("h2[data-section=questions] ~ table")[0].QuerySelectorAll("tr").Skip(1).ToList();
        foreach (var row in workbook.Worksheet("Frågor").RowsUsed().Skip(2))
        {
            var name = row.Cell(1).GetString();
            var shown = rows.Single(r => r.QuerySelector("td")!.TextContent == name);
            var cells = shown.QuerySelectorAll("td").Select(c => c.TextContent).ToList();
            cells.ShouldContain(StatisticsFormat.Number(row.Cell(2).GetValue<long>()), $"the page shows the workbook's count for {name}");
        }
    }

    [Fact]
    public void ShouldShowTheCommentInThePreviewWhenSaved()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=comment-visitors]").Change("Kvällsöppet på torsdagar lockade fler besökare.");
        cut.Find("[data-testid=reports-save-comments]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reports-preview]").TextContent.ShouldContain("Kvällsöppet på torsdagar lockade fler besökare."));
        cut.Find("[data-testid=reports-message]").TextContent.ShouldContain("Kommentarerna är sparade.");
    }

    [Fact]
    public async Task ShouldShowASwedishMessageAndAddNobodyWhenTheRecipientsAddressIsInvalid()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=recipient-name]").Change("Maria");
        cut.Find("[data-testid=recipient-email]").Change("maria.stad.se");
        cut.Find("[data-testid=recipient-add]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reports-error]").TextContent.ShouldContain("inte en giltig e-postadress"));
        cut.FindAll("[data-testid=recipient-row]").ShouldBeEmpty();
        await using var db = _db.CreateDbContext();
        (await db.ReportRecipients.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldShowTheFailureWhenTheScheduledSendFailed()
    {
        await using (var db = _db.CreateDbContext())
        {
            var row = TertialReportDispatch.Record(_office.Id, new TertialKey(2026, 1), ReportTestData.AfterT1Due);
            row.TryClaim("job", ReportTestData.AfterT1Due, TimeSpan.FromMinutes(15));
            row.MarkFailed("job", "E-postservern 127.0.0.1:25 svarar inte (ingen server tar emot anslutningar där).", ReportTestData.AfterT1Due);
            db.TertialReportDispatches.Add(row);
            await db.SaveChangesAsync();
        }

        var cut = RenderPanel();

        cut.Find("[data-testid=ledger-row]").TextContent.ShouldContain("Misslyckades – försöker igen");
        cut.Find("[data-testid=ledger-error]").TextContent.ShouldBe("E-postservern 127.0.0.1:25 svarar inte (ingen server tar emot anslutningar där).");
        cut.Find("[data-testid=reports-period-status]").TextContent.ShouldContain("Misslyckades");
    }

    [Fact]
    public void ShouldRefuseToSendWithASwedishMessageWhenTheOfficeHasNoRecipients()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=reports-send-now]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=reports-error]").TextContent.ShouldContain("Kontoret har inga mottagare"));
        cut.FindAll("[data-testid=archive-row]").ShouldBeEmpty();
    }

    [Fact]
    public void ShouldPreviewACustomPeriodWhenChosen()
    {
        var cut = RenderPanel();

        cut.Find("[data-testid=reports-period-kind]").Change("custom");
        cut.WaitForAssertion(() => cut.Find("[data-testid=reports-from]"));
        cut.Find("[data-testid=reports-from]").Change("2026-03-01");
        cut.Find("[data-testid=reports-to]").Change("2026-03-31");

        cut.WaitForAssertion(() => cut.Find("[data-testid=reports-period-label]").TextContent.ShouldBe("1–31 mars 2026"));
        var preview = cut.Find("[data-testid=reports-preview]").TextContent;
        preview.ShouldContain("Rapport 1–31 mars 2026");
        preview.ShouldContain("205");
        preview.ShouldNotContain("Bostadsfrågor", Case.Sensitive);
    }
}
