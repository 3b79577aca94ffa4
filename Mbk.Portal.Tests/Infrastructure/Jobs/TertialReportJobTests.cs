using ClosedXML.Excel;
using Mbk.Domain.Offices;
using Mbk.Domain.Reports;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Reports;
using Mbk.Portal.Tests.Features.Reports;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Mbk.Portal.Tests.Infrastructure.Jobs;

/// <summary>
/// The recurring tertial-report check against a real database (SQLite, and PostgreSQL in test.sh's second pass) and a real SMTP server (aiosmtpd) on loopback, with
/// the clock moved across the end of T1 2026.
/// </summary>
[Trait("Providers", "Both")]
public sealed class TertialReportJobTests : IAsyncLifetime
{
    private TestDatabase _db = default!;
    private SmtpServer _smtp = default!;
    private IConfiguration _configuration = default!;
    private FakeTimeProvider _clock = default!;
    private Office _rinkeby = default!;
    private Office _ragsved = default!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _smtp = await SmtpServer.StartAsync();
        _configuration = ReportTestData.Configuration(_smtp);
        _clock = ReportTestData.Clock(ReportTestData.BeforeT1End);
        _rinkeby = await ReportTestData.SeedOfficeAsync(_db, "Medborgarkontoret Rinkeby", "rinkeby", ("Förvaltningen", "forvaltning@stad.se"), ("Maria Chef", "maria@stad.se"));
        _ragsved = await ReportTestData.SeedOfficeAsync(_db, "Medborgarkontoret Rågsved", "ragsved", ("Rågsveds chef", "chef.ragsved@stad.se"));
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _db.DisposeAsync();
    }

    private ReportTestData.Instance NewInstance() => new(_db, _configuration, _clock);

    [Fact]
    public async Task ShouldSendExactlyOneMailPerOfficeWithChartsAndWorkbookWhenTheClockPassesTheEndOfT1()
    {
        var instance = NewInstance();
        (await instance.Job.RunAsync(CancellationToken.None)).ShouldBeEmpty("T1 has not ended: nothing is due");
        (await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1)).ShouldBeNull();

        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        var results = await instance.Job.RunAsync(CancellationToken.None);

        results[_rinkeby.Id].ShouldBe(DispatchResult.Sent);
        results[_ragsved.Id].ShouldBe(DispatchResult.Sent);
        var messages = await _smtp.WaitForMessagesAsync(2);
        messages.Count.ShouldBe(2);
        var rinkeby = messages.Single(m => m.Subject!.Contains("Rinkeby", StringComparison.Ordinal));
        var ragsved = messages.Single(m => m.Subject!.Contains("Rågsved", StringComparison.Ordinal));
        rinkeby.Subject.ShouldBe("Tertialrapport T1 2026 (januari–april) – Medborgarkontoret Rinkeby");
        rinkeby.To.Mailboxes.Select(m => m.Address).ShouldBe(["forvaltning@stad.se", "maria@stad.se"], ignoreOrder: true);
        ragsved.To.Mailboxes.Select(m => m.Address).ShouldBe(["chef.ragsved@stad.se"]);

        var content = await instance.Contents.BuildAsync(_rinkeby.Id, ReportTestData.T1Of2026);
        AssertReportMessage(rinkeby, content);

        var ledger = await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1);
        ledger!.Status.ShouldBe(DispatchStatus.Sent);
        ledger.Attempts.ShouldBe(1);
        var archive = await ReportTestData.ArchiveAsync(_db);
        archive.Count.ShouldBe(2);
        var archived = archive.Single(a => a.Id == ledger.SentReportId);
        archived.Kind.ShouldBe(SentReportKind.Scheduled);
        archived.HtmlBody.ShouldBe(rinkeby.HtmlBody);
        archived.Attachment.ShouldBe(ReadAttachment(rinkeby));
        archived.MessageId.ShouldBe(rinkeby.MessageId);
    }

    [Fact]
    public async Task ShouldSendOneMailPerOfficeWhenTheJobRunsTwice()
    {
        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        var instance = NewInstance();
        await instance.Job.RunAsync(CancellationToken.None);
        var second = await instance.Job.RunAsync(CancellationToken.None);

        second.Values.ShouldAllBe(r => r == DispatchResult.AlreadySent);
        (await _smtp.WaitForMessagesAsync(2)).Count.ShouldBe(2);
        await Task.Delay(500);
        _smtp.Messages().Count.ShouldBe(2);
        (await ReportTestData.ArchiveAsync(_db)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldSendOneMailPerOfficeWhenTwoInstancesRunAtOnce()
    {
        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        var first = NewInstance();
        var second = NewInstance();
        first.Identity.Id.ShouldNotBe(second.Identity.Id);

        var results = await Task.WhenAll(
            Task.Run(() => first.Job.RunAsync(CancellationToken.None)),
            Task.Run(() => second.Job.RunAsync(CancellationToken.None)));

        foreach (var office in new[] { _rinkeby.Id, _ragsved.Id })
        {
            results.Count(r => r[office] == DispatchResult.Sent).ShouldBe(1, "exactly one instance sends each office's report");
            results.Select(r => r[office]).ShouldContain(r => r == DispatchResult.HeldByOther || r == DispatchResult.AlreadySent);
        }

        (await _smtp.WaitForMessagesAsync(2)).Count.ShouldBe(2);
        await Task.Delay(500);
        _smtp.Messages().Count.ShouldBe(2);
        (await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1))!.Attempts.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRecordTheFailureAndSendOnceLaterWhenSmtpIsDown()
    {
        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        var instance = NewInstance();
        await _smtp.StopAsync();

        var failure = await Should.ThrowAsync<AggregateException>(() => instance.Job.RunAsync(CancellationToken.None));

        failure.InnerExceptions.Count.ShouldBe(2);
        var failed = await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1);
        failed!.Status.ShouldBe(DispatchStatus.Failed);
        failed.LastError!.ShouldContain("svarar inte");
        (await ReportTestData.ArchiveAsync(_db)).ShouldBeEmpty();

        // /reports shows the failure in Swedish.
        var ledgerRows = await instance.Queries.LedgerAsync(TestDatabase.Staff(_rinkeby, StaffRoles.Manager), _rinkeby.Id);
        ledgerRows.Single().LastError!.ShouldContain("E-postservern 127.0.0.1");

        await _smtp.StartAgainAsync();
        _clock.Advance(TimeSpan.FromMinutes(1));
        var results = await instance.Job.RunAsync(CancellationToken.None);

        results.Values.ShouldAllBe(r => r == DispatchResult.Sent);
        (await _smtp.WaitForMessagesAsync(2)).Count.ShouldBe(2);
        var sent = await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1);
        sent!.Status.ShouldBe(DispatchStatus.Sent);
        sent.Attempts.ShouldBe(2);
        sent.LastError.ShouldBeNull();
        await instance.Job.RunAsync(CancellationToken.None);
        await Task.Delay(500);
        _smtp.Messages().Count.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldSendASecondMailAndLogItWhenAManagerResends()
    {
        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        var instance = NewInstance();
        await instance.Job.RunAsync(CancellationToken.None);
        await _smtp.WaitForMessagesAsync(2);
        var manager = TestDatabase.Staff(_rinkeby, StaffRoles.Manager);

        var id = await instance.Dispatcher.SendNowAsync(manager, _rinkeby.Id, ReportTestData.T1Of2026);

        var messages = await _smtp.WaitForMessagesAsync(3);
        messages.Count(m => m.Subject!.Contains("Rinkeby", StringComparison.Ordinal)).ShouldBe(2);
        var archive = await instance.Queries.ArchiveAsync(manager, _rinkeby.Id);
        archive.Count.ShouldBe(2);
        var resend = archive.Single(a => a.Id == id);
        resend.Kind.ShouldBe(SentReportKind.Resend);
        resend.SentByName.ShouldBe(manager.DisplayName);
        archive.Single(a => a.Id != id).Kind.ShouldBe(SentReportKind.Scheduled);
        (await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1))!.SentReportId.ShouldNotBe(id, "the ledger keeps the scheduled send");
    }

    [Fact]
    public async Task ShouldNotSendAgainWhenAManagerSentTheTertialBeforeTheSchedule()
    {
        _clock.SetUtcNow(ReportTestData.AfterT1Due.AddHours(-2));
        var instance = NewInstance();
        var manager = TestDatabase.Staff(_rinkeby, StaffRoles.Manager);
        await instance.Dispatcher.SendNowAsync(manager, _rinkeby.Id, ReportTestData.T1Of2026);
        (await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1))!.Status.ShouldBe(DispatchStatus.Sent);

        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        var results = await instance.Job.RunAsync(CancellationToken.None);

        results[_rinkeby.Id].ShouldBe(DispatchResult.AlreadySent);
        results[_ragsved.Id].ShouldBe(DispatchResult.Sent);
        (await _smtp.WaitForMessagesAsync(2)).Count.ShouldBe(2);
        (await ReportTestData.ArchiveAsync(_db)).Single(a => a.OfficeId == _rinkeby.Id).Kind.ShouldBe(SentReportKind.Manual);
    }

    [Fact]
    public async Task ShouldMarkTheReportUncertainInsteadOfResendingWhenAnInstanceStoppedDuringSubmission()
    {
        _clock.SetUtcNow(ReportTestData.AfterT1Due);
        // An instance claimed the report and began handing it to the server, then the process died.
        await using (var db = _db.CreateDbContext())
        {
            var row = TertialReportDispatch.Record(_rinkeby.Id, new TertialKey(2026, 1), _clock.GetUtcNow());
            row.TryClaim("crashed-instance", _clock.GetUtcNow(), TimeSpan.FromMinutes(15)).ShouldBe(ClaimOutcome.Claimed);
            row.BeginSubmission("crashed-instance", _clock.GetUtcNow());
            db.TertialReportDispatches.Add(row);
            await db.SaveChangesAsync();
        }

        var instance = NewInstance();
        var whileLeased = await instance.Job.RunAsync(CancellationToken.None);
        whileLeased[_rinkeby.Id].ShouldBe(DispatchResult.HeldByOther);

        _clock.Advance(TimeSpan.FromMinutes(16));
        var afterLease = await instance.Job.RunAsync(CancellationToken.None);

        afterLease[_rinkeby.Id].ShouldBe(DispatchResult.Uncertain);
        var ledger = await ReportTestData.LedgerAsync(_db, _rinkeby.Id, 2026, 1);
        ledger!.Status.ShouldBe(DispatchStatus.Uncertain);
        ledger.LastError!.ShouldContain("kan ha skickats");
        var messages = await _smtp.WaitForMessagesAsync(1);
        messages.ShouldAllBe(m => m.Subject!.Contains("Rågsved", StringComparison.Ordinal));
    }

    /// <summary>
    /// The message has the HTML body, the inline PNG charts referenced by cid — categories and trend; no day-part chart,
    /// as the imported figures have nothing by the hour (issue 16: no empty chart) — and a workbook with the model's numbers.
    /// </summary>
    internal static void AssertReportMessage(MimeMessage message, ReportContent content)
    {
        var html = message.HtmlBody;
        html.ShouldNotBeNull();
        html.ShouldContain("Migrationsfrågor");
        html.ShouldContain("+105 %");
        html.ShouldContain("−50 %");
        html.ShouldContain(StatisticsFormatted(content.Statistics.Visitors.Total));

        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.IsMimeType("image", "png")).ToList();
        images.Count.ShouldBe(2);
        html.ShouldNotContain("cid:" + ReportCharts.DayPartsId);
        foreach (var image in images)
        {
            image.ContentId.ShouldNotBeNullOrEmpty();
            html.ShouldContain("cid:" + image.ContentId);
            using var png = new MemoryStream();
            image.Content!.DecodeTo(png);
            png.ToArray().Take(4).ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        }

        var attachment = message.Attachments.OfType<MimePart>().Single();
        attachment.FileName.ShouldEndWith(".xlsx");
        AssertWorkbookMatches(ReadAttachment(message), content);
    }

    internal static byte[] ReadAttachment(MimeMessage message)
    {
        var attachment = message.Attachments.OfType<MimePart>().Single();
        using var stream = new MemoryStream();
        attachment.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    /// <summary>The workbook holds the same numbers as the report: questions per category, visitors, biggest changes.</summary>
    internal static void AssertWorkbookMatches(byte[] xlsx, ReportContent content)
    {
        using var workbook = new XLWorkbook(new MemoryStream(xlsx));
        var questions = workbook.Worksheet("Frågor");
        foreach (var category in content.Statistics.Categories)
        {
            var row = questions.RowsUsed().Single(r => r.Cell(1).GetString() == category.Name);
            row.Cell(2).GetValue<long>().ShouldBe(category.Count);
        }

        questions.RowsUsed().Single(r => r.Cell(1).GetString() == "Totalt").Cell(2).GetValue<long>().ShouldBe(content.Statistics.QuestionsTotal);
        var visitors = workbook.Worksheet("Besökare");
        visitors.RowsUsed().Single(r => r.Cell(1).GetString() == "Besökare totalt").Cell(2).GetValue<int>().ShouldBe(content.Statistics.Visitors.Total);
        var changes = workbook.Worksheet(ReportWorkbook.ChangesSheet);
        foreach (var change in content.BiggestChanges)
        {
            var row = changes.RowsUsed().Single(r => r.Cell(1).GetString() == change.Name);
            row.Cell(2).GetValue<long>().ShouldBe(change.Trend.Previous);
            row.Cell(3).GetValue<long>().ShouldBe(change.Trend.Current);
        }

        workbook.Worksheet(ReportWorkbook.FeedbackSheet).Cell(4, 1).GetString().ShouldBe(ReportContent.FeedbackNotRecordedText);
    }

    private static string StatisticsFormatted(int value) => Mbk.Portal.Features.Statistics.Report.StatisticsFormat.Number(value);
}
