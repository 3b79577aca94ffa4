using System.Diagnostics;
using System.Net.Sockets;

namespace Mbk.Portal.Tests.TestSupport;

/// <summary>
/// Debian's nginx (installed by test.sh) running the README's example configuration, <c>docs/nginx/mbk-portal.conf</c>,
/// in a temporary folder of its own, with the example's listen port and instance addresses replaced by the test's.
/// </summary>
public sealed class NginxProxy : IAsyncDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, Uri address)
    {
        _process = process;
        _folder = folder;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<NginxProxy> StartAsync(int firstInstancePort, int secondInstancePort)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"nginx was not found at {Executable}. Run ./test.sh, which installs it.");
        }

        var folder = TestPaths.NewTempDirectory("nginx");
        foreach (var sub in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        // Workers run as an unprivileged user when the tests run as root: let them use the temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
            foreach (var sub in Directory.GetDirectories(folder))
            {
                File.SetUnixFileMode(sub, (UnixFileMode)0b111_111_111);
            }
        }

        var port = PortalAppFactory.FreePort();
        var example = await File.ReadAllTextAsync(Path.Combine(TestPaths.RepositoryRoot, "docs", "nginx", "mbk-portal.conf"));
        var site = example
            .Replace("listen 8080;", $"listen 127.0.0.1:{port};", StringComparison.Ordinal)
            .Replace("127.0.0.1:5001", $"127.0.0.1:{firstInstancePort}", StringComparison.Ordinal)
            .Replace("127.0.0.1:5002", $"127.0.0.1:{secondInstancePort}", StringComparison.Ordinal);
        site.ShouldContain($"127.0.0.1:{port}", customMessage: "the example's listen line changed; update NginxProxy");
        await File.WriteAllTextAsync(Path.Combine(folder, "mbk-portal.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 1024; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/mbk-portal.conf;
            }
            """);
        var process = Process.Start(new ProcessStartInfo(Executable, ["-p", folder, "-c", Path.Combine(folder, "nginx.conf")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("nginx did not start");
        var proxy = new NginxProxy(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        for (var i = 0; i < 100; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("nginx stopped: " + await process.StandardError.ReadToEndAsync() + ReadLog(folder));
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return proxy;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await proxy.DisposeAsync();
        throw new InvalidOperationException("nginx did not listen within 10 s" + ReadLog(folder));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>nginx's error log (for a failing test's message).</summary>
    public string ErrorLog() => ReadLog(_folder);

    private static string ReadLog(string folder)
    {
        var log = Path.Combine(folder, "error.log");
        return File.Exists(log) ? "; " + File.ReadAllText(log) : string.Empty;
    }
}
