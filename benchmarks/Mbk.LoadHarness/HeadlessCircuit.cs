using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mbk.LoadHarness;

/// <summary>
/// A screen without a browser — a waiting-room display, or the counter of a signed-in advisor: one interactive Blazor
/// Server circuit, opened the way blazor.web.js does it in .NET 10. It GETs the page, reads the prerendered component markers and the persisted component state,
/// connects to <c>/_blazor</c> with the blazorpack protocol, calls <c>StartCircuit</c> and then
/// <c>UpdateRootComponents</c> with an "add" per marker, acknowledges every render batch and answers every JS call.
/// It keeps no DOM: "this screen shows number X" is approximated by finding X's UTF-8 bytes in a render batch
/// (strings travel in the batch's string table), which is when a browser would paint it. The counter's keyboard
/// shortcut is pressed the way counter.js does it: a call to the registered .NET object's <c>OnShortcut</c>.
/// </summary>
internal sealed partial class HeadlessCircuit : IAsyncDisposable
{
    private readonly int _index;
    private readonly Uri _page;
    private readonly Uri _hubBase;
    private readonly HttpClient _http;
    private readonly Func<CallRound?> _round;
    private readonly bool _verbose;
    private readonly bool _isCounter;
    private readonly CookieContainer? _cookies;
    private readonly TaskCompletionSource _interactive = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private HubConnection? _hub;
    private string? _circuitId;
    private int _nextJsObjectId;
    private long? _shortcuts;
    private int _nextDotNetCall;

    /// <param name="hubBase">Where to connect the circuit's socket: the portal itself, or a proxy in front of it.</param>
    /// <param name="cookies">A signed-in staff member's cookies (the counter), or null (an anonymous display).</param>
    public HeadlessCircuit(int index, Uri page, Uri hubBase, HttpClient http, Func<CallRound?> round, bool verbose, CookieContainer? cookies = null)
    {
        _isCounter = cookies is not null;
        _cookies = cookies;
        _index = index;
        _page = page;
        _hubBase = hubBase;
        _http = http;
        _round = round;
        _verbose = verbose;
    }

    public int RenderBatches;
    public long RenderBytes;
    public int JsCalls;
    public int Errors;
    public string? LastError;

    public bool Closed { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var html = await GetPageAsync(cancellationToken);
        var markers = Markers().Matches(html)
            .Select(m => JsonDocument.Parse(m.Groups["json"].Value).RootElement)
            .Where(m => m.TryGetProperty("type", out var type) && type.GetString() == "server")
            .OrderBy(m => m.GetProperty("sequence").GetInt32())
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"No interactive server component markers on {_page}.");
        }

        var state = State().Match(html) is { Success: true } match ? match.Groups["state"].Value : string.Empty;

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(_hubBase, "/_blazor"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.Cookies = _cookies ?? o.Cookies;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var hub = builder.Build();
        _hub = hub;
        hub.On<long, byte[]>("JS.RenderBatch", OnRenderBatchAsync);
        // .NET 10: (asyncHandle, identifier, argsJson, resultType, targetInstanceId, callType).
        hub.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync);
        hub.On<string>("JS.Error", error =>
        {
            Interlocked.Increment(ref Errors);
            LastError = error;
        });
        hub.Closed += error =>
        {
            Closed = true;
            if (error is not null)
            {
                LastError ??= error.Message;
            }

            _interactive.TrySetException(error ?? new InvalidOperationException("The circuit's connection closed."));
            return Task.CompletedTask;
        };

        await hub.StartAsync(cancellationToken);
        var baseUri = new Uri(_page, "/").ToString();
        _circuitId = await hub.InvokeAsync<string?>("StartCircuit", baseUri, _page.ToString(), "[]", state, cancellationToken)
            ?? throw new InvalidOperationException($"StartCircuit refused: {LastError}");
        var operations = markers.Select((marker, i) => new { type = "add", ssrComponentId = i, marker });
        var batch = JsonSerializer.Serialize(new { batchId = 1, operations });
        await hub.SendAsync("UpdateRootComponents", batch, state, cancellationToken);
        await _interactive.Task.WaitAsync(cancellationToken);
    }

    private async Task OnRenderBatchAsync(long batchId, byte[] batch)
    {
        Interlocked.Increment(ref RenderBatches);
        Interlocked.Add(ref RenderBytes, batch.Length);
        if (_round() is { } round && batch.AsSpan().IndexOf(round.NumberBytes) >= 0)
        {
            if (_isCounter)
            {
                round.CounterSaw();
            }
            else
            {
                round.DisplaySaw(_index);
            }
        }

        // The layout renders its "interactive" marker once the circuit runs: the display now follows live changes.
        if (!_interactive.Task.IsCompleted && batch.AsSpan().IndexOf("interactive"u8) >= 0)
        {
            _interactive.TrySetResult();
        }

        if (_verbose)
        {
            Console.WriteLine($"  display {_index}: render batch {batchId}, {batch.Length} bytes");
        }

        await SendQuietlyAsync("OnRenderCompleted", batchId, null);
    }

    private async Task OnBeginInvokeJSAsync(object?[] args)
    {
        Interlocked.Increment(ref JsCalls);
        var handle = (long)args[0]!;
        var identifier = (string?)args[1];
        var resultType = (int)args[3]!;
        if (_verbose)
        {
            Console.WriteLine($"  display {_index}: JS call {handle} {identifier}({args[2]}) result type {resultType}, target {args[4]}");
        }

        if (handle == 0)
        {
            return; // Fire-and-forget: nobody waits for an answer.
        }

        if (identifier == "register" && DotNetObject().Match((string?)args[2] ?? string.Empty) is { Success: true } registered)
        {
            // counter.js registers the counter's shortcut handler: keep the .NET object to press keys on.
            _shortcuts = long.Parse(registered.Groups["id"].Value, CultureInfo.InvariantCulture);
            await SendQuietlyAsync("EndInvokeJSFromDotNet", handle, true, string.Create(CultureInfo.InvariantCulture, $"[{handle},true,1]"));
            return;
        }

        // What a browser with sound unlocked answers: an object for an import, true for the display's sound calls.
        var result = resultType == 1
            ? string.Create(CultureInfo.InvariantCulture, $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJsObjectId)}}}")
            : identifier is "start" or "unlock" or "chime" ? "true" : "null";
        await SendQuietlyAsync("EndInvokeJSFromDotNet", handle, true, string.Create(CultureInfo.InvariantCulture, $"[{handle},true,{result}]"));
    }

    /// <summary>Whether the counter's keyboard shortcuts are registered (its first render has completed).</summary>
    public bool HasShortcuts => _shortcuts is not null;

    /// <summary>A key press on the counter, as counter.js reports it: <c>dotNetRef.invokeMethodAsync("OnShortcut", key)</c>.</summary>
    public Task PressKeyAsync(string key)
    {
        var target = _shortcuts ?? throw new InvalidOperationException("The counter's shortcuts are not registered.");
        var callId = Interlocked.Increment(ref _nextDotNetCall).ToString(CultureInfo.InvariantCulture);
        return _hub!.SendAsync("BeginInvokeDotNetFromJS", callId, null, "OnShortcut", target, JsonSerializer.Serialize(new[] { key }));
    }

    private async Task<string> GetPageAsync(CancellationToken cancellationToken)
    {
        if (_cookies is null)
        {
            return await _http.GetStringAsync(_page, cancellationToken);
        }

        using var handler = new HttpClientHandler { CookieContainer = _cookies };
        using var client = new HttpClient(handler);
        return await client.GetStringAsync(_page, cancellationToken);
    }

    private async Task SendQuietlyAsync(string method, params object?[] args)
    {
        try
        {
            await _hub!.SendCoreAsync(method, args);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException)
        {
            // The connection is going away; its Closed handler counts that.
        }
    }

    /// <summary>Closes like a browser tab: the disconnect beacon (so the server drops the circuit at once), then the socket.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_circuitId is not null && _hub?.State == HubConnectionState.Connected)
        {
            try
            {
                using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", _circuitId)]);
                using var response = await _http.PostAsync(new Uri(_page, "/_blazor/disconnect"), form);
            }
            catch (HttpRequestException)
            {
                // Best effort, as the browser's beacon.
            }
        }

        if (_hub is not null)
        {
            await _hub.DisposeAsync();
        }
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("\"__dotNetObject\":(?<id>[0-9]+)")]
    private static partial Regex DotNetObject();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(?<state>[^-]*?)-->")]
    private static partial Regex State();
}
