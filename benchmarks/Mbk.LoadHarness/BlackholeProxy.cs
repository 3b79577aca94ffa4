using System.Net;
using System.Net.Sockets;

namespace Mbk.LoadHarness;

/// <summary>
/// A loopback TCP proxy in front of the portal that can turn into a black hole: after <see cref="Cut"/> it stops
/// reading and writing in both directions but keeps every socket open, so the portal gets neither data nor a FIN nor a
/// reset — a display whose cable was pulled or whose Wi-Fi went away. The portal notices only through its own
/// timeouts (SignalR's client timeout, then the circuit's disconnected retention).
/// </summary>
internal sealed class BlackholeProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly List<TcpClient> _sockets = [];
    private readonly TaskCompletionSource _never = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;

    public BlackholeProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _ = AcceptAsync();
    }

    public Uri Address { get; }

    public void Cut() => _cut = true;

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var upstream = new TcpClient();
            await upstream.ConnectAsync(_target.Host, _target.Port);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(upstream);
            }

            _ = PumpAsync(client.GetStream(), upstream);
            _ = PumpAsync(upstream.GetStream(), client);
        }
    }

    private async Task PumpAsync(NetworkStream from, TcpClient to)
    {
        var buffer = new byte[16 * 1024];
        var into = to.GetStream();
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (_cut)
                {
                    // Swallow what was in flight and never read again; keep both sockets open.
                    await _never.Task.WaitAsync(_stop.Token);
                }

                if (read == 0)
                {
                    to.Client.Shutdown(SocketShutdown.Send);
                    return;
                }

                await into.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away, or the harness is stopping.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
        }

        _stop.Dispose();
    }
}
