using System.Net;
using Ctem.Core.Model;
using Ctem.Engine.Discovery.Active;

namespace Ctem.Engine.Validation.Checks;

/// <summary>Where a check runs: the planned (in-scope) addresses and ports of a product's deployments, narrowed to where its findings are.</summary>
public static class CheckTargets
{
    private static readonly int[] HttpsPorts = [443, 8443];

    /// <summary>
    /// One target a planned address and port; for HTTP checks the base URL is the deployment's URL target on that port,
    /// else <c>https://</c> on 443 and 8443 and <c>http://</c> elsewhere.
    /// </summary>
    public static IReadOnlyList<CheckTarget> Of(ValidationCheck check, IReadOnlyList<PlannedHost> hosts)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(hosts);
        var targets = new List<CheckTarget>();
        foreach (var host in hosts)
        {
            foreach (var port in host.Ports)
            {
                if (check.Protocol != CheckProtocol.Http)
                {
                    targets.Add(new CheckTarget(host.Host, host.Address, port, null));
                    continue;
                }

                var urls = host.Urls.Where(u => u.Port == port).ToList();
                if (urls.Count == 0)
                {
                    var scheme = HttpsPorts.Contains(port) ? "https" : "http";
                    var name = host.Host.Contains(':', StringComparison.Ordinal) ? $"[{host.Host}]" : host.Host;
                    urls.Add(new Uri(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{scheme}://{name}:{port}/")));
                }

                targets.AddRange(urls.Select(u => new CheckTarget(host.Host, host.Address, port, u)));
            }
        }

        return [.. targets.DistinctBy(t => t.Text)];
    }

    /// <summary>
    /// The targets on the endpoints the findings are about (their asset is <c>tcp://ADDRESS:PORT</c> or a URL), when any
    /// is; otherwise all of them: a finding on a component is about every deployment of its product.
    /// </summary>
    public static IReadOnlyList<CheckTarget> Narrow(IReadOnlyList<CheckTarget> targets, IReadOnlyList<StoredFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(findings);
        var endpoints = findings.Select(f => Endpoint(f.ComponentPurl)).OfType<(IPAddress, int)>().ToHashSet();
        var narrowed = targets.Where(t => endpoints.Contains((t.Address, t.Port)) || (t.Address.IsIPv4MappedToIPv6 && endpoints.Contains((t.Address.MapToIPv4(), t.Port)))).ToList();
        return narrowed.Count > 0 ? narrowed : targets;
    }

    private static (IPAddress, int)? Endpoint(string asset)
    {
        if (!Uri.TryCreate(asset, UriKind.Absolute, out var uri) || uri.Scheme is not ("tcp" or "http" or "https") || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address))
        {
            return null;
        }

        return (address, uri.Port);
    }
}
