using Ctem.Core.Extensibility;

namespace Ctem.Plugins.Probes.Banner;

/// <summary>
/// Names the service from what it said unprompted (SSH, SMTP, FTP, POP3, IMAP, MySQL greet first) and, when it said
/// nothing, from the port's usual service, as Nmap's service table does; reads product and version from the banner.
/// Sends nothing.
/// </summary>
public sealed class BannerProbe : IServiceProbe
{
    private static readonly Dictionary<int, string> WellKnown = new()
    {
        [21] = "ftp", [22] = "ssh", [23] = "telnet", [25] = "smtp", [53] = "domain", [80] = "http", [110] = "pop3",
        [143] = "imap", [443] = "https", [445] = "microsoft-ds", [465] = "smtps", [587] = "submission", [993] = "imaps",
        [995] = "pop3s", [1433] = "ms-sql-s", [1521] = "oracle", [2375] = "docker", [3306] = "mysql", [3389] = "ms-wbt-server",
        [5432] = "postgresql", [5672] = "amqp", [5900] = "vnc", [6379] = "redis", [8080] = "http-proxy", [8443] = "https-alt",
        [9200] = "elasticsearch", [11211] = "memcached", [27017] = "mongodb",
    };

    public string Name => "probe/banner";

    public int Version => 1;

    public bool Applies(ProbedService service) => true;

    public Task<ProbeResult> ProbeAsync(ProbedService service, IProbeNetwork network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var name = ServiceOf(service.Banner) ?? WellKnown.GetValueOrDefault(service.Port);
        return Task.FromResult(new ProbeResult(name, []) { Fingerprints = ProductFingerprints.In(service.Banner) });
    }

    /// <summary>The service a greeting belongs to; null when the banner does not say.</summary>
    internal static string? ServiceOf(string? banner) => banner switch
    {
        null => null,
        _ when banner.StartsWith("SSH-", StringComparison.Ordinal) => "ssh",
        _ when banner.StartsWith("220", StringComparison.Ordinal) && banner.Contains("SMTP", StringComparison.OrdinalIgnoreCase) => "smtp",
        _ when banner.StartsWith("220", StringComparison.Ordinal) && banner.Contains("FTP", StringComparison.OrdinalIgnoreCase) => "ftp",
        _ when banner.StartsWith("220", StringComparison.Ordinal) => "smtp",
        _ when banner.StartsWith("+OK", StringComparison.Ordinal) => "pop3",
        _ when banner.StartsWith("* OK", StringComparison.Ordinal) => "imap",
        _ when banner.Contains("mysql_native_password", StringComparison.Ordinal) || banner.Contains("MariaDB", StringComparison.Ordinal) => "mysql",
        _ when banner.StartsWith("-ERR", StringComparison.Ordinal) || banner.StartsWith("-NOAUTH", StringComparison.Ordinal) => "redis",
        _ when banner.StartsWith("RFB ", StringComparison.Ordinal) => "vnc",
        _ => "unknown",
    };
}
