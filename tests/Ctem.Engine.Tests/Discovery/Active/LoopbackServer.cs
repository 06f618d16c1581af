using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Ctem.Engine.Tests.Discovery.Active;

/// <summary>
/// A TCP service on a loopback address (127.0.0.0/8 only), port chosen by the system, answering every connection with
/// <c>handler</c>; counts the connections it accepts, so a test can prove that none came.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _accepted;

    private LoopbackServer(IPAddress address, Func<Stream, CancellationToken, Task> handler)
    {
        if (!address.ToString().StartsWith("127.", StringComparison.Ordinal))
        {
            throw new ArgumentException("tests listen on 127.0.0.0/8 only", nameof(address));
        }

        _listener = new TcpListener(address, 0);
        _listener.Start();
        _loop = Task.Run(() => AcceptAsync(handler));
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref _accepted);

    public static LoopbackServer Start(string address, Func<Stream, CancellationToken, Task> handler) => new(IPAddress.Parse(address), handler);

    /// <summary>A service that greets first, as SSH and SMTP do.</summary>
    public static LoopbackServer Banner(string address, string banner) =>
        Start(address, async (stream, token) => await stream.WriteAsync(Encoding.ASCII.GetBytes(banner), token));

    /// <summary>An HTTP/1.1 server answering each path from <paramref name="pages"/> (others 404), over TLS when <paramref name="certificate"/> is given.</summary>
    public static LoopbackServer Http(string address, IReadOnlyDictionary<string, string> pages, X509Certificate2? certificate = null) =>
        Start(address, async (stream, token) =>
        {
            if (certificate is not null)
            {
                var ssl = new SslStream(stream);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, token);
                stream = ssl;
            }

            var path = await ReadRequestPathAsync(stream, token);
            var response = path is not null && pages.TryGetValue(path, out var page) ? page : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), token);
        });

    /// <summary>A TLS server whose every handshake the platform does; the certificate and cipher suites are the test's.</summary>
    public static LoopbackServer Tls(string address, X509Certificate2 certificate, CipherSuitesPolicy? suites = null, SslProtocols protocols = SslProtocols.None) =>
        Start(address, async (stream, token) =>
        {
            await using var ssl = new SslStream(stream);
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate, CipherSuitesPolicy = suites, EnabledSslProtocols = protocols }, token);
            await ssl.WriteAsync("hello\n"u8.ToArray(), token);
        });

    /// <summary>A full HTTP response with the given headers and body.</summary>
    public static string Page(int status, string headers, string body) =>
        $"HTTP/1.1 {status} X\r\n{headers}Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    /// <summary>A self-signed RSA certificate for <paramref name="name"/>, valid from <paramref name="from"/> to <paramref name="to"/>, with its key.</summary>
    public static X509Certificate2 Certificate(string name, DateTimeOffset from, DateTimeOffset to, int rsaBits = 2048)
    {
        using var rsa = RSA.Create(rsaBits);
        var request = new CertificateRequest($"CN={name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(from, to);
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync(Func<Stream, CancellationToken, Task> handler)
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _accepted);
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await handler(client.GetStream(), _stop.Token);
                        await Task.Delay(50, _stop.Token);
                    }
                    catch (Exception ex) when (ex is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
                    {
                        // A probe that only says hello, or hangs up, is no failure of the server.
                    }
                }
            });
        }
    }

    private static async Task<string?> ReadRequestPathAsync(Stream stream, CancellationToken token)
    {
        var buffer = new byte[8192];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), token);
            if (n == 0)
            {
                return null;
            }

            read += n;
            var text = Encoding.ASCII.GetString(buffer, 0, read);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var parts = text.Split(' ', 3);
                return parts.Length >= 2 ? parts[1] : null;
            }
        }

        return null;
    }
}
