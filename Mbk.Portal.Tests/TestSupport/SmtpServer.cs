using System.Diagnostics;
using System.Net.Sockets;
using MimeKit;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// A real SMTP server on loopback: Debian's aiosmtpd (python3-aiosmtpd, installed by test.sh) with its Mailbox
/// handler, which writes each received message as a file under <c>{Directory}/new/</c>. Can be stopped and started
/// again on the same port (to test delivery failures and retries); the process is killed on dispose.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpServer(int port, string directory)
    {
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    /// <summary>The mailbox folder (created by the handler).</summary>
    public string Directory { get; }

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SmtpServer> StartAsync()
    {
        var server = new SmtpServer(PortalAppFactory.FreePort(), Path.Combine(TestPaths.NewTempDirectory("smtp"), "mailbox"));
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Configuration for a portal that sends through this server.</summary>
    public IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:UseTls"] = "false",
        ["Mail:Smtp:TimeoutSeconds"] = "10",
        ["Mail:From"] = "Mbk Portal <rapporter@mbk-test.se>",
    };

    public async Task StartAgainAsync()
    {
        if (IsRunning)
        {
            return;
        }

        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} was not found. Run ./test.sh, which installs python3-aiosmtpd.");
        }

        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Directory },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd exited with {_process.ExitCode}; is python3-aiosmtpd installed?");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new InvalidOperationException($"aiosmtpd did not accept connections on port {Port}");
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>Every message received so far, parsed with MimeKit, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Directory, "new");
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        return System.IO.Directory.GetFiles(folder)
            .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
            .OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))
            .ToList();
    }

    /// <summary>Waits (up to 20 s) until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
