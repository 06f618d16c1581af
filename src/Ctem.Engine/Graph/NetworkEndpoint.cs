using System.Globalization;
using System.Net;
using Ctem.Core.Model;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Graph;

/// <summary>
/// A network endpoint a finding is on, read from its asset key as scanners key them: <c>tcp://HOST:PORT</c> (Nmap,
/// <c>ctem discover</c>, nuclei's network templates), a URL (ZAP, nuclei's HTTP templates; the endpoint is its origin,
/// since one web server serves every path) or <c>host:NAME</c>. <see cref="Port"/> is null for a host as a whole.
/// </summary>
public sealed record NetworkEndpoint(string Key, string Name, string Host, int? Port)
{
    /// <summary>The endpoint of an asset key, or null when the asset is a package or a file.</summary>
    public static NetworkEndpoint? Of(string assetKey)
    {
        ArgumentNullException.ThrowIfNull(assetKey);
        var key = assetKey.Split('#', 2)[0];
        if (key.StartsWith("host:", StringComparison.Ordinal))
        {
            var host = key["host:".Length..];
            return host.Length == 0 ? null : new NetworkEndpoint(key, host, NetworkTarget.NormalizeName(host), null);
        }

        if (!Uri.TryCreate(key, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || uri.Port < 1)
        {
            return null;
        }

        var port = uri.Port.ToString(CultureInfo.InvariantCulture);
        return uri.Scheme switch
        {
            "tcp" or "udp" => new NetworkEndpoint($"{uri.Scheme}://{uri.Authority}", $"{uri.Authority}/{uri.Scheme}", NetworkTarget.NormalizeName(uri.Host), uri.Port),
            "http" or "https" => new NetworkEndpoint(uri.GetLeftPart(UriPartial.Authority), uri.GetLeftPart(UriPartial.Authority), NetworkTarget.NormalizeName(uri.Host), uri.Port),
            _ => null,
        };
    }

    /// <summary>Whether a deployment's target covers this endpoint: its address or name, on its port (any port for a host).</summary>
    public bool IsCoveredBy(NetworkTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var port = Port ?? target.Port ?? 1;
        return IPAddress.TryParse(Host, out var address) ? target.Covers(address, port) : target.CoversName(Host, port);
    }
}
