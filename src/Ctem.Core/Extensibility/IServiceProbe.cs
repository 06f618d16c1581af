using System.Net;
using Ctem.Core.Model;

namespace Ctem.Core.Extensibility;

/// <summary>
/// An open TCP port as active discovery found it, handed to each probe in turn: the name it was reached by (for TLS
/// SNI and the HTTP Host header; the address text when it was given as an address), what the service said unprompted,
/// and what the probes before this one concluded.
/// </summary>
public sealed record ProbedService(string Host, IPAddress Address, int Port)
{
    /// <summary>What the service sent before being asked anything (SSH, SMTP, FTP greet first); null when it waited.</summary>
    public string? Banner { get; init; }

    /// <summary>The service guessed so far (<c>ssh</c>, <c>http</c>, <c>https</c>, <c>tls</c>, <c>smtp</c>, …); null when none.</summary>
    public string? Service { get; init; }

    /// <summary>True once a TLS handshake with the service succeeded.</summary>
    public bool Tls { get; init; }

    /// <summary>Where HTTP starts on this port: the paths of the deployment's URL targets, else <c>/</c>.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["/"];

    /// <summary>The endpoint asset, keyed as port scanners key it: <c>tcp://ADDRESS:PORT</c>.</summary>
    public ReportedAsset Endpoint
    {
        get
        {
            var endpoint = ReportedAsset.Endpoint((Address.IsIPv4MappedToIPv6 ? Address.MapToIPv4() : Address).ToString(), Port);
            return IPAddress.TryParse(Host, out _) ? endpoint : endpoint with { Name = $"{Host}/{endpoint.Name}" };
        }
    }
}

/// <summary>A technology and version seen in a header or banner (<c>Server: nginx/1.18.0</c>, <c>SSH-2.0-OpenSSH_8.2p1</c>).</summary>
/// <param name="Evidence">The text it was read from, as the service sent it.</param>
public sealed record Fingerprint(string Product, string? Version, PackageUrl Purl, string? Cpe, string Evidence)
{
    /// <summary>
    /// The distribution build the same line names (<c>Ubuntu-4ubuntu0.5</c> after <c>OpenSSH_8.2p1</c>, <c>(Ubuntu)</c>
    /// after <c>Apache/2.4.41</c>); null when none. Distributions backport fixes without changing the upstream version,
    /// so a CVE matched on such a version is probably already fixed.
    /// </summary>
    public string? Build { get; init; }
}

/// <summary>What one probe learnt of a service. A probe that does not apply, or learns nothing, returns <see cref="None"/>.</summary>
/// <param name="Service">The service as this probe names it; null to keep the earlier guess.</param>
public sealed record ProbeResult(string? Service, IReadOnlyList<ReportedFinding> Findings)
{
    public static ProbeResult None { get; } = new(null, []);

    /// <summary>True when the probe completed a TLS handshake: later probes speak TLS to the port.</summary>
    public bool Tls { get; init; }

    public IReadOnlyList<Fingerprint> Fingerprints { get; init; } = [];

    /// <summary>Assets seen beside the endpoint (the URLs an HTTP probe fetched).</summary>
    public IReadOnlyList<ReportedAsset> Assets { get; init; } = [];

    /// <summary>What the probe could not do and why (a refused redirect, a timeout), for the user.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>What the probe saw that is no finding (an HTTP status and title, the negotiated TLS version), stored with the open port.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];
}

/// <summary>
/// The only way a probe reaches the network: every connection is checked against the scope file's <c>scope:</c>
/// (including the addresses a name resolves to), counted against the rate limit and bounded by the timeout and the
/// total budget. Probes never open sockets themselves.
/// </summary>
public interface IProbeNetwork
{
    /// <summary>How long one connection, or one exchange on it, may take.</summary>
    TimeSpan Timeout { get; }

    /// <summary>The run's clock (certificate validity is judged against it).</summary>
    TimeProvider Time { get; }

    /// <summary>A new TCP connection to the probed service's own address, under the name it was reached by; null when refused or closed.</summary>
    Task<Stream?> ConnectAsync(ProbedService service, CancellationToken cancellationToken);

    /// <summary>A TCP connection to <paramref name="host"/> (a name or an address) on <paramref name="port"/>; null when the scope refuses it or it cannot be made (the reason is kept for the report).</summary>
    Task<Stream?> ConnectAsync(string host, int port, CancellationToken cancellationToken);

    /// <summary>Why <paramref name="host"/> may not be contacted on <paramref name="port"/> (as a redirect target, an SNI name), or null when it may.</summary>
    Task<string?> RefusalAsync(string host, int port, CancellationToken cancellationToken);
}

/// <summary>
/// One active check of an open port (banner, TLS, HTTP): reads what the service offers with safe requests only (TCP
/// connect, a TLS handshake, HTTP GET, HEAD or OPTIONS) and reports services, fingerprints and findings on the
/// endpoint. Probes run in the order <c>BuiltInPlugins.ServiceProbes</c> lists them, each seeing what the earlier ones
/// concluded. Bad or hostile answers are findings or notes, never exceptions.
/// </summary>
public interface IServiceProbe : IPlugin
{
    bool Applies(ProbedService service);

    Task<ProbeResult> ProbeAsync(ProbedService service, IProbeNetwork network, CancellationToken cancellationToken);
}
