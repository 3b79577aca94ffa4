using System.Globalization;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// A manager on /reports: adds a recipient, previews T1 of the year the portal's clock is pinned to, comments on a section, sends it with
/// "Skicka nu", the mail arrives at a real SMTP server, and the report is in the archive with the comment.
/// </summary>
public sealed class ReportsTests : IClassFixture<Browser>, IAsyncLifetime
{
    private readonly Browser _browser;
    private SmtpServer _smtp = default!;
    private PortalAppFactory _portal = default!;
    private Uri _address = default!;

    public ReportsTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpServer.StartAsync();
        // The portal lives on the last day of T2 2027, so T1 of that year is complete whatever today's date is.
        var clock = new ShiftedTimeProvider(TestDays.At(TestDays.TertialEnd));
        _portal = new PortalAppFactory(settings: _smtp.Settings(), configureServices: services => services.AddSingleton<TimeProvider>(clock));
        _address = _portal.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task ShouldSendThePreviewedTertialWithTheCommentAndListItInTheArchiveWhenTheManagerClicksSendNow()
    {
        var page = await _browser.SignedInPageAsync(_address, DemoAccounts.Manager);
        await page.GotoAsync("/reports");
        await Browser.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("reports-preview")).ToBeVisibleAsync();

        await page.GetByTestId("recipient-name").FillAsync("Förvaltningens registrator");
        await page.GetByTestId("recipient-email").FillAsync("registrator@stad.se");
        await page.GetByTestId("recipient-add").ClickAsync();
        await Expect(page.GetByTestId("recipient-row")).ToContainTextAsync("registrator@stad.se");

        var year = TestDays.At(TestDays.TertialEnd).Year.ToString(CultureInfo.InvariantCulture);
        await page.GetByTestId("reports-year").FillAsync(year);
        await page.GetByTestId("reports-year").DispatchEventAsync("change");
        await page.GetByTestId("reports-tertial").SelectOptionAsync("1");
        await Expect(page.GetByTestId("reports-period-label")).ToHaveTextAsync($"T1 {year} (januari–april)");
        await Expect(page.GetByTestId("reports-preview")).ToContainTextAsync($"Tertialrapport T1 {year}");
        await Expect(page.GetByTestId("reports-preview")).ToContainTextAsync("Synpunkter registreras ännu inte i portalen");

        var comment = $"Fler migrationsfrågor efter regeländringen ({Guid.NewGuid():N})";
        await page.GetByTestId("comment-questions").FillAsync(comment);
        await page.GetByTestId("reports-send-now").ClickAsync();

        await Expect(page.GetByTestId("reports-message")).ToContainTextAsync($"Rapporten för T1 {year} (januari–april) är skickad till 1 mottagare.");
        await Expect(page.GetByTestId("reports-preview")).ToContainTextAsync(comment);
        var messages = await _smtp.WaitForMessagesAsync(1);
        messages.Count.ShouldBe(1);
        messages[0].To.Mailboxes.Single().Address.ShouldBe("registrator@stad.se");
        messages[0].Subject.ShouldStartWith($"Tertialrapport T1 {year}");
        messages[0].HtmlBody!.ShouldContain(comment);

        var archived = page.GetByTestId("archive-row");
        await Expect(archived).ToHaveCountAsync(1);
        await Expect(archived).ToContainTextAsync($"T1 {year} (januari–april)");
        await Expect(archived).ToContainTextAsync(comment);
        await Expect(archived).ToContainTextAsync("registrator@stad.se");
        await Expect(page.GetByTestId("reports-send-now")).ToHaveTextAsync("Skicka om");

        // The archived HTML downloads as it was sent.
        var html = await page.APIRequest.GetAsync(await page.GetByTestId("archive-html").GetAttributeAsync("href") ?? "/");
        html.Status.ShouldBe(200);
        (await html.TextAsync()).ShouldBe(messages[0].HtmlBody);
    }
}
