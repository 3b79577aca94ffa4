using System.Net;
using System.Text.Json;
using Mbk.Portal.Features.Admin;
using Mbk.Portal.Features.Identity;
using Mbk.Portal.Features.Offices;
using Mbk.Portal.Tests.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Mbk.Portal.Tests.Infrastructure;

/// <summary>A real SignalR client on /hubs/live receives its office's events, and only those.</summary>
public sealed class LiveHubTests : IAsyncLifetime
{
    private readonly PortalAppFactory _portal = new();
    private Uri _address = default!;
    private int _otherOfficeId;

    public async Task InitializeAsync()
    {
        _address = _portal.StartKestrel();
        var admin = await _portal.StaffAsync(DemoAccounts.Admin);
        using var scope = _portal.Services.CreateScope();
        _otherOfficeId = await scope.ServiceProvider.GetRequiredService<OfficeCommands>().CreateOfficeAsync(admin, "Annat kontor", "annat");
        await scope.ServiceProvider.GetRequiredService<StaffAdminService>()
            .CreateAsync(admin, StaffInput.InOffices("annan@annat.se", "Annan", StaffRoles.Advisor, _otherOfficeId), "Annat-kontor-1");
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<HubConnection> ConnectAsync(string email, string password)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { BaseAddress = _address };
        using var login = await HttpLogin.PostLoginAsync(client, email, password);
        login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_address, "/hubs/live"), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        return connection;
    }

    [Fact]
    public async Task ShouldForwardEventToHubClientsOfThatOfficeOnly()
    {
        await using var colleague = await ConnectAsync(DemoAccounts.Advisor, DemoAccounts.Password);
        await using var elsewhere = await ConnectAsync("annan@annat.se", "Annat-kontor-1");
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ownEvent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leaked = 0;
        colleague.On<JsonElement>("MessageOfTheDayChanged", e => received.TrySetResult(e));
        elsewhere.On<JsonElement>("MessageOfTheDayChanged", e =>
        {
            if (e.GetProperty("officeId").GetInt32() == _otherOfficeId)
            {
                ownEvent.TrySetResult();
            }
            else
            {
                Interlocked.Increment(ref leaked);
            }
        });
        var manager = await _portal.StaffAsync(DemoAccounts.Manager);
        var officeId = await _portal.DemoOfficeIdAsync();

        using (var scope = _portal.Services.CreateScope())
        {
            var current = await scope.ServiceProvider.GetRequiredService<OfficeQueries>().GetMessageOfTheDayAsync(officeId);
            await scope.ServiceProvider.GetRequiredService<OfficeCommands>().SetMessageOfTheDayAsync(manager, officeId, "Via hubben", current.ChangedAt);
        }

        var payload = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        payload.GetProperty("text").GetString().ShouldBe("Via hubben");
        payload.GetProperty("officeId").GetInt32().ShouldBe(officeId);
        // Then an event of the other office: messages on one connection arrive in order, so had the first event leaked
        // to this connection it would have been counted before this one arrives.
        var admin = await _portal.StaffAsync(DemoAccounts.Admin);
        using (var scope = _portal.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<OfficeCommands>().SetMessageOfTheDayAsync(admin, _otherOfficeId, "Annat kontors meddelande", null);
        }

        await ownEvent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        leaked.ShouldBe(0);
    }
}
