using System.Net;
using System.Net.Sockets;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Discovery.Active;

/// <summary>One address of one deployment's target and the ports to try on it; <see cref="Urls"/> are where HTTP starts.</summary>
public sealed record PlannedHost(string Product, string Deployment, string Host, IPAddress Address, IReadOnlyList<int> Ports, IReadOnlyList<Uri> Urls);

/// <summary>
/// Everything a discovery run will touch, decided before anything is contacted (<c>--dry-run</c> prints it): every
/// in-scope address with its ports and URLs, and every target or part of one the scope refuses, with why.
/// </summary>
public sealed record DiscoveryPlan(IReadOnlyList<PlannedHost> Hosts, IReadOnlyList<string> Refused)
{
    /// <summary>The most addresses one CIDR target may expand to: a wider range is refused, not silently cut.</summary>
    public const int MaxRangeAddresses = 65536;

    public int Endpoints => Hosts.Sum(h => h.Ports.Count);

    /// <summary>The plan for the products' deployments (every product's when <paramref name="product"/> is null) with the default <paramref name="ports"/>.</summary>
    public static async Task<DiscoveryPlan> CreateAsync(
        ScopeDocument scope, string? product, IReadOnlyList<int> ports, ScopedNetwork network, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(network);
        var hosts = new Dictionary<(string Product, IPAddress Address), PlannedHost>();
        var refused = new List<string>();
        foreach (var p in scope.Products.Where(p => product is null || p.Name == product))
        {
            foreach (var deployment in p.Deployments)
            {
                foreach (var target in deployment.Targets)
                {
                    var wanted = target.Port is { } only ? [only] : ports;
                    foreach (var (host, address) in await AddressesAsync(target, network, refused, cancellationToken))
                    {
                        var allowed = new List<int>();
                        foreach (var port in wanted)
                        {
                            if (await network.RefusalAsync(host, port, cancellationToken) is null)
                            {
                                allowed.Add(port);
                            }
                        }

                        if (allowed.Count < wanted.Count)
                        {
                            refused.Add($"{target.Text} ({deployment.Name}): {wanted.Count - allowed.Count} of {wanted.Count} port(s) of {address} {await FirstRefusalAsync(network, host, wanted, cancellationToken)}");
                        }

                        if (allowed.Count > 0)
                        {
                            Add(hosts, new PlannedHost(p.Name, deployment.Name, host, address, allowed, target.Url is null ? [] : [target.Url]));
                        }
                    }
                }
            }
        }

        var ordered = hosts.Values.OrderBy(h => h.Product, StringComparer.Ordinal).ThenBy(h => h.Address.GetAddressBytes(), ByteOrder.Instance).ToList();
        return new DiscoveryPlan(ordered, refused);
    }

    private static async Task<string> FirstRefusalAsync(ScopedNetwork network, string host, IReadOnlyList<int> ports, CancellationToken cancellationToken)
    {
        foreach (var port in ports)
        {
            if (await network.RefusalAsync(host, port, cancellationToken) is { } refusal)
            {
                return "refused: " + refusal;
            }
        }

        return "refused";
    }

    private static async Task<IReadOnlyList<(string Host, IPAddress Address)>> AddressesAsync(
        NetworkTarget target, ScopedNetwork network, List<string> refused, CancellationToken cancellationToken)
    {
        if (target.Address is { } single)
        {
            return [(single.ToString(), single)];
        }

        if (target.Network is { } range)
        {
            var bits = (range.BaseAddress.AddressFamily == AddressFamily.InterNetwork ? 32 : 128) - range.PrefixLength;
            if (bits > 16)
            {
                refused.Add($"{target.Text}: a range of more than {MaxRangeAddresses} addresses; split it into /16 or narrower ranges");
                return [];
            }

            return [.. Expand(range.BaseAddress, 1 << bits).Select(a => (a.ToString(), a))];
        }

        var name = target.HostName!;
        if (name.StartsWith("*.", StringComparison.Ordinal))
        {
            refused.Add($"{target.Text}: a wildcard names no host to contact; list the hosts");
            return [];
        }

        var resolved = await network.ResolveAsync(name, cancellationToken);
        if (resolved.Count == 0)
        {
            refused.Add($"{target.Text}: the name has no address");
            return [];
        }

        return [.. resolved.Select(a => (name, a))];
    }

    private static IEnumerable<IPAddress> Expand(IPAddress first, int count)
    {
        var bytes = first.GetAddressBytes();
        for (var i = 0; i < count; i++)
        {
            yield return new IPAddress(bytes);
            for (var b = bytes.Length - 1; b >= 0 && ++bytes[b] == 0; b--)
            {
            }
        }
    }

    private static void Add(Dictionary<(string, IPAddress), PlannedHost> hosts, PlannedHost host)
    {
        var key = (host.Product, host.Address);
        hosts[key] = hosts.TryGetValue(key, out var known)
            ? known with { Ports = [.. known.Ports.Union(host.Ports).Order()], Urls = [.. known.Urls.Union(host.Urls)] }
            : host;
    }

    private sealed class ByteOrder : IComparer<byte[]>
    {
        public static ByteOrder Instance { get; } = new();

        public int Compare(byte[]? x, byte[]? y)
        {
            var a = x ?? [];
            var b = y ?? [];
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.AsSpan().SequenceCompareTo(b);
        }
    }
}
