using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Ctem.Testing;

namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>
/// <c>openssl s_server -www</c> on a loopback port: a real TLS server that offers what .NET's own server cannot be made
/// to (TLS 1.0 and 1.1 and CBC suites, at OpenSSL security level 0), with the test's certificate. Debian's OpenSSL 3
/// still builds TLS 1.0 and the SHA-1 CBC suites; it has no 3DES, RC4, NULL or export suites left to offer.
/// </summary>
internal sealed class OpenSslServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TempDirectory _files;

    private OpenSslServer(Process process, TempDirectory files, int port)
    {
        _process = process;
        _files = files;
        Port = port;
    }

    public int Port { get; }

    public static async Task<OpenSslServer> StartAsync(string openssl, X509Certificate2 certificate)
    {
        var files = new TempDirectory();
        var cert = files.File("cert.pem");
        var key = files.File("key.pem");
        await File.WriteAllTextAsync(cert, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(key, certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem());
        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(openssl,
            ["s_server", "-accept", $"127.0.0.1:{port}", "-cert", cert, "-key", key, "-cipher", "ALL:@SECLEVEL=0", "-min_protocol", "TLSv1", "-www", "-quiet"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException("openssl s_server did not start");
        var server = new OpenSslServer(process, files, port);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"openssl s_server did not listen on 127.0.0.1:{port}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _files.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
