using System.Globalization;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports;

/// <summary>
/// Port scanners' one observation, shaped as Nmap's: every open port is an endpoint asset (<c>tcp://host:port</c>) with
/// an informational <c>TOOL:open-port</c> finding, once per endpoint however often the scan saw it, and the host is an
/// asset too. The same endpoint key as Nmap, OpenVAS and Nessus, so their findings on the port sit on one asset.
/// </summary>
internal sealed class ReportOpenPorts(string tool)
{
    private readonly Dictionary<string, ReportedFinding> findings = new(StringComparer.Ordinal);
    private readonly List<ReportedAsset> assets = [];

    public IReadOnlyList<ReportedFinding> Findings => [.. findings.Values];

    public IReadOnlyList<ReportedAsset> Assets => assets.DistinctBy(a => a.Key, StringComparer.Ordinal).ToList();

    /// <summary>Records an open port; false when the port is not 1–65535 (the record is not a port the tool saw open).</summary>
    public bool Add(string host, int port, string protocol, string pointer, string? description = null)
    {
        if (port is < 1 or > 65535 || string.IsNullOrWhiteSpace(host))
        {
            return false;
        }

        var endpoint = ReportedAsset.Endpoint(host, port, protocol);
        assets.Add(ReportedAsset.Host(host));
        assets.Add(endpoint);
        if (!findings.ContainsKey(endpoint.Key))
        {
            var where = string.Create(CultureInfo.InvariantCulture, $"{port}/{protocol.ToLowerInvariant()}");
            findings[endpoint.Key] = new ReportedFinding(endpoint, [], $"{tool}:open-port", $"Open port {where}", "info", null)
            {
                Description = description,
                ReportPointer = pointer,
            };
        }

        return true;
    }
}
