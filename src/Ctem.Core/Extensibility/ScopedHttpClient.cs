using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Ctem.Core.Extensibility;

/// <summary>
/// The HTTP client of active probes and validation checks: no proxy, cookies, automatic redirects or pooled
/// connections, certificates read rather than trusted, and every connection opened by the scoped network.
/// </summary>
public static class ScopedHttpClient
{
    /// <param name="host">The target's host as it was reached; connections to it on <paramref name="port"/> use <paramref name="connectTarget"/>.</param>
    /// <param name="connectTarget">Opens the target's own, already resolved address, so the name is not looked up again.</param>
    public static HttpClient Create(IProbeNetwork network, string host, int port, Func<CancellationToken, Task<Stream?>> connectTarget, string userAgent)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(connectTarget);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.Zero,
            ConnectTimeout = network.Timeout,
            // Every connection, redirects too, goes through the scoped network: nothing else may open a socket.
            ConnectCallback = async (context, token) =>
            {
                var endpoint = context.DnsEndPoint;
                var stream = SameHost(endpoint.Host, host) && endpoint.Port == port
                    ? await connectTarget(token)
                    : await network.ConnectAsync(endpoint.Host, endpoint.Port, token);
                return stream ?? throw new HttpRequestException($"{endpoint.Host}:{endpoint.Port} refused by the scope or closed");
            },
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, _, _, _) => true,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CertificateChainPolicy = new X509ChainPolicy { DisableCertificateDownloads = true, RevocationMode = X509RevocationMode.NoCheck },
            },
        };
        var client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return client;
    }

    private static bool SameHost(string a, string b) => string.Equals(Normal(a), Normal(b), StringComparison.OrdinalIgnoreCase);

    private static string Normal(string host) => host.Trim('[', ']').TrimEnd('.');
}
