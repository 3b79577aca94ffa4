using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Mbk.Domain.Queue;
using Mbk.Portal.Features.Queue;
using Mbk.Portal.Infrastructure.Persistence;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mbk.Portal.Tests.E2E;

/// <summary>
/// Two real portal instances (Kestrel) on one PostgreSQL database with the live bus on Redis, behind nginx running the
/// README's example configuration (sticky sessions by a routing cookie, WebSockets): a kiosk in Chromium on the first
/// instance, a counter on the second, a waiting-room display and a live-hub client on each. A ticket taken at the
/// kiosk is called at the counter and reaches every display and each hub client once. Then the first instance is
/// killed: nothing is lost, and its display comes back through nginx on the second and shows the next call.
/// </summary>
public sealed class TwoInstancesBehindNginxTests : IClassFixture<Browser>, IAsyncLifetime
{
    private const string RouteCookie = "mbk_route";
    private readonly Browser _browser;
    private PortalAppFactory _first = default!;
    private PortalAppFactory _second = default!;
    private NginxProxy _nginx = default!;
    private int _firstPort;
    private int _secondPort;

    public TwoInstancesBehindNginxTests(Browser browser) => _browser = browser;

    public async Task InitializeAsync()
    {
        var database = await PostgreSqlTestServer.NewEmptyDatabaseAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Portal"] = database,
            ["Hangfire:Storage"] = "PostgreSql",
            ["Redis:Configuration"] = Environment.GetEnvironmentVariable("MBK_TEST_REDIS")
                ?? throw new InvalidOperationException("MBK_TEST_REDIS is not set: run the tests with ./test.sh, which starts Redis."),
        };
        _firstPort = PortalAppFactory.FreePort();
        _secondPort = PortalAppFactory.FreePort();
        _first = new PortalAppFactory(settings: settings);
        _second = new PortalAppFactory(settings: settings);
        await Task.WhenAll(Task.Run(() => _first.StartKestrel(_firstPort)), Task.Run(() => _second.StartKestrel(_secondPort)));
        _nginx = await NginxProxy.StartAsync(_firstPort, _secondPort);

        await _first.OpenAroundTheClockAsync();
        var advisor = await _first.StaffAsync(DemoAccounts.Advisor);
        using var scope = _first.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<QueueQueries>();
        var officeId = advisor.CurrentOffice!.Id;
        var serviceA = (await queries.GetServicesAsync(officeId)).Single(s => s.Prefix == 'A');
        var table2 = (await queries.GetPlacesAsync(officeId)).Single(p => p.Name == "Bord 2");
        await scope.ServiceProvider.GetRequiredService<QueueCommands>().SitDownAsync(advisor, table2.Id, [serviceA.Id]);
    }

    public async Task DisposeAsync()
    {
        await _nginx.DisposeAsync();
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task ShouldReachEveryScreenOnBothInstancesOnceAndLoseNothingWhenOneIsKilled()
    {
        var toFirst = await RouteToAsync(_firstPort);
        var toSecond = await RouteToAsync(_secondPort);
        var slug = DatabaseInitializer.DemoOfficeSlug;
        var kiosk = await PageAsync(toFirst, $"/kiosk/{slug}");
        var displayOnFirst = await PageAsync(toFirst, $"/display/{slug}?speech=0");
        var displayOnSecond = await PageAsync(toSecond, $"/display/{slug}?speech=0");
        var counter = await SignedInPageAsync(toSecond, DemoAccounts.Advisor);
        await counter.GotoAsync("/counter");
        await Browser.WaitUntilInteractiveAsync(counter);
        var calledOnFirst = new ConcurrentQueue<JsonElement>();
        var calledOnSecond = new ConcurrentQueue<JsonElement>();
        await using var hubOnFirst = await HubClientAsync(toFirst, calledOnFirst);
        await using var hubOnSecond = await HubClientAsync(toSecond, calledOnSecond);

        await kiosk.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(kiosk.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A001");
        await Expect(displayOnFirst.GetByTestId("display-waiting-A")).ToHaveTextAsync("1");
        await Expect(displayOnSecond.GetByTestId("display-waiting-A")).ToHaveTextAsync("1");
        await counter.GetByTestId("counter-call-next").ClickAsync();

        await Expect(counter.GetByTestId("counter-current-ticket")).ToContainTextAsync("A001");
        await Expect(displayOnFirst.GetByTestId("display-current-number")).ToHaveTextAsync("A001");
        await Expect(displayOnSecond.GetByTestId("display-current-number")).ToHaveTextAsync("A001");
        await Expect(displayOnSecond.GetByTestId("display-current-place")).ToHaveTextAsync("Bord 2");
        await WaitUntilAsync(() => !calledOnFirst.IsEmpty && !calledOnSecond.IsEmpty);
        await Task.Delay(500); // anything doubled would arrive right behind the first delivery
        calledOnFirst.Count.ShouldBe(1, "the hub client on the first instance gets the call once");
        calledOnSecond.Count.ShouldBe(1, "the hub client on the second instance gets the call once");

        // The first instance dies (with the kiosk's and a display's circuits); a ticket taken before stays.
        await _first.DisposeAsync();
        await using (var db = await _second.DbFactory.CreateDbContextAsync())
        {
            (await db.Tickets.SingleAsync()).Status.ShouldBe(TicketStatus.Called);
        }

        var kioskAgain = await PageAsync(toFirst, $"/kiosk/{slug}");
        await kioskAgain.GetByTestId("kiosk-service-A").ClickAsync();
        await Expect(kioskAgain.GetByTestId("kiosk-ticket-number")).ToHaveTextAsync("A002");
        await counter.GetByTestId("counter-no-show").ClickAsync();
        await counter.GetByTestId("counter-call-next").ClickAsync();

        await Expect(counter.GetByTestId("counter-current-ticket")).ToContainTextAsync("A002");
        await Expect(displayOnSecond.GetByTestId("display-current-number")).ToHaveTextAsync("A002");
        await Expect(displayOnFirst.GetByTestId("display-current-number")).ToHaveTextAsync("A002");
        await using (var db = await _second.DbFactory.CreateDbContextAsync())
        {
            (await db.Tickets.CountAsync()).ShouldBe(2, "nothing lost, nothing doubled");
        }
    }

    /// <summary>A routing-cookie value that nginx's consistent hash sends to the instance on <paramref name="port"/>.</summary>
    private async Task<string> RouteToAsync(int port)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = _nginx.Address };
        for (var i = 0; i < 200; i++)
        {
            var value = $"route-{i}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
            request.Headers.Add("Cookie", $"{RouteCookie}={value}");
            using var response = await client.SendAsync(request);
            if (response.Headers.TryGetValues("X-Mbk-Upstream", out var upstream) && upstream.Single() == $"127.0.0.1:{port}")
            {
                return value;
            }
        }

        throw new InvalidOperationException($"No routing cookie reached port {port}; nginx: {_nginx.ErrorLog()}");
    }

    private async Task<IBrowserContext> ContextAsync(string route)
    {
        var context = await _browser.Instance.NewContextAsync(new BrowserNewContextOptions { BaseURL = _nginx.Address.ToString(), Locale = "sv-SE", TimezoneId = "Europe/Stockholm" });
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = RouteCookie, Value = route, Url = _nginx.Address.ToString() }]);
        return context;
    }

    private async Task<IPage> PageAsync(string route, string path)
    {
        var page = await (await ContextAsync(route)).NewPageAsync();
        await page.GotoAsync(path);
        await Browser.WaitUntilInteractiveAsync(page);
        return page;
    }

    private async Task<IPage> SignedInPageAsync(string route, string email)
    {
        var page = await (await ContextAsync(route)).NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(new Uri(_nginx.Address, "/").ToString());
        await Browser.WaitUntilInteractiveAsync(page);
        return page;
    }

    private async Task<HubConnection> HubClientAsync(string route, ConcurrentQueue<JsonElement> called)
    {
        var cookies = new CookieContainer();
        cookies.Add(_nginx.Address, new System.Net.Cookie(RouteCookie, route));
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _nginx.Address };
        (await HttpLogin.PostLoginAsync(client, DemoAccounts.Advisor, DemoAccounts.Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var connection = new HubConnectionBuilder().WithUrl(new Uri(_nginx.Address, "/hubs/live"), o => o.Cookies = cookies).Build();
        connection.On<JsonElement>("TicketCalled", e => called.Enqueue(e));
        await connection.StartAsync();
        return connection;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue();
    }
}
