using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// A TCP relay on loopback between a browser and a test portal that can drop the network silently: while
/// <see cref="Drop"/> is in force it keeps every connection open and accepts new ones, but passes no byte in either
/// direction and closes nothing (a pulled cable or a dead switch, not a stopped server). <see cref="Restore"/> lets
/// the held bytes through, as TCP does when the network comes back.
/// </summary>
public sealed class SilentNetworkProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly Task _accepting;
    private volatile TaskCompletionSource _network = Open();

    public SilentNetworkProxy(Uri target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _target = new IPEndPoint(IPAddress.Loopback, target.Port);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The address to give the browser.</summary>
    public Uri Address { get; }

    public void Drop() => Interlocked.CompareExchange(ref _network, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), _network);

    public void Restore() => _network.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Restore();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private static TaskCompletionSource Open()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        _connections.Add(browser);
        var server = new TcpClient { NoDelay = true };
        _connections.Add(server);
        browser.NoDelay = true;
        try
        {
            await server.ConnectAsync(_target, _stop.Token);
            await Task.WhenAll(PumpAsync(browser, server), PumpAsync(server, browser));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            browser.Dispose();
            server.Dispose();
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        var source = from.GetStream();
        var destination = to.GetStream();
        while (true)
        {
            var read = await source.ReadAsync(buffer, _stop.Token);
            // Held here while the network is down: nothing passes, nothing is closed.
            await _network.Task.WaitAsync(_stop.Token);
            if (read == 0)
            {
                to.Client.Shutdown(SocketShutdown.Send);
                return;
            }

            await destination.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }
}
