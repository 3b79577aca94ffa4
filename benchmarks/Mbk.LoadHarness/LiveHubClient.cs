using System.Net;
using System.Text.Json;
using Mbk.Portal.Infrastructure.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Mbk.LoadHarness;

/// <summary>A hub client on the live hub (signed-in staff cookie, WebSockets) that notes when it gets the round's call.</summary>
internal sealed class LiveHubClient : IAsyncDisposable
{
    private readonly HubConnection _hub;

    public LiveHubClient(int index, Uri portal, CookieContainer cookies, Func<CallRound?> round)
    {
        _hub = new HubConnectionBuilder()
            .WithUrl(new Uri(portal, LiveHub.Path), o =>
            {
                o.Cookies = cookies;
                o.Transports = HttpTransportType.WebSockets;
            })
            .Build();
        _hub.On<JsonElement>("TicketCalled", called =>
        {
            if (round() is { } current && called.TryGetProperty("displayNumber", out var number) && number.GetString() == current.Number)
            {
                current.HubSaw(index);
            }
        });
        _hub.Closed += _ =>
        {
            Closed = true;
            return Task.CompletedTask;
        };
    }

    public bool Closed { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken) => _hub.StartAsync(cancellationToken);

    public ValueTask DisposeAsync() => _hub.DisposeAsync();
}
