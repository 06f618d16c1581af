using System.Globalization;

namespace Ctem.Core.Model;

/// <summary>What kind of thing a scanner reports an exposure on.</summary>
public enum AssetKind
{
    Unspecified = 0,

    /// <summary>A software package (by purl, or ecosystem + name + version).</summary>
    Package,

    /// <summary>A network service: host, port and transport protocol.</summary>
    Endpoint,

    /// <summary>A web resource: an absolute URL.</summary>
    Url,

    /// <summary>A file in a repository or image (static analysis, secrets, IaC).</summary>
    File,

    /// <summary>A host as a whole (an IP address or a host name).</summary>
    Host,
}

/// <summary>
/// The thing a reported exposure is on. <see cref="Key"/> is its identity: two findings on different keys are never
/// merged; the same key from two tools is the same asset.
/// </summary>
public sealed record ReportedAsset(AssetKind Kind, string Key, string Name, string? Version, PackageUrl? Purl)
{
    /// <summary>A package by purl: the key is the purl without qualifiers and subpath, as for scanned components.</summary>
    public static ReportedAsset Package(PackageUrl purl)
    {
        ArgumentNullException.ThrowIfNull(purl);
        return new(AssetKind.Package, purl.ToCoordinates(), Ecosystems.PackageNameOf(purl), purl.Version, purl);
    }

    /// <summary>A package the report names without a purl; <paramref name="ecosystem"/> is the tool's word for it.</summary>
    public static ReportedAsset Package(string? ecosystem, string name, string? version) =>
        new(AssetKind.Package, $"{(ecosystem is null ? "" : ecosystem + ":")}{name}@{version}", name, version, null);

    /// <summary>A network service; the key is <c>tcp://host:port</c> (host lower-cased, IPv6 in brackets).</summary>
    public static ReportedAsset Endpoint(string host, int port, string protocol = "tcp")
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(protocol);
        var h = HostText(host);
        var p = protocol.ToLowerInvariant();
        var portText = port.ToString(CultureInfo.InvariantCulture);
        return new(AssetKind.Endpoint, $"{p}://{h}:{portText}", $"{h}:{portText}/{p}", null, null);
    }

    /// <summary>
    /// A web resource. The key is the URL with scheme and host lower-cased, the default port dropped and the fragment
    /// removed; path and query stay, since a different path or parameter is a different endpoint. Null when
    /// <paramref name="url"/> is not an absolute http(s) URL.
    /// </summary>
    public static ReportedAsset? Url(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var key = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.PathAndQuery, UriFormat.UriEscaped);
        return new(AssetKind.Url, key, key, null, null);
    }

    /// <summary>A file, by its path as the report gives it (forward slashes, no leading <c>./</c>).</summary>
    public static ReportedAsset File(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return new(AssetKind.File, "file:" + normalized, normalized, null, null);
    }

    /// <summary>A host as a whole.</summary>
    public static ReportedAsset Host(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var h = HostText(host);
        return new(AssetKind.Host, "host:" + h, h, null, null);
    }

    private static string HostText(string host)
    {
        var h = host.Trim().ToLowerInvariant();
        return h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[') ? $"[{h}]" : h;
    }
}

/// <summary>
/// One exposure as a scanner reports it: on which asset, which weakness (vulnerability ids, else the tool's rule),
/// how severe the tool says it is, and where.
/// </summary>
/// <param name="VulnerabilityIds">Every vulnerability id the tool gives (CVE, GHSA, OSV, …), most specific first; empty for rule-only findings.</param>
/// <param name="RuleId">The tool's rule, check, template or plugin id (e.g. <c>10202</c>, <c>CVE-2021-44228</c> for nuclei); null when the tool gives none.</param>
/// <param name="Severity">The tool's severity, normalised to <c>critical</c>, <c>high</c>, <c>medium</c>, <c>low</c> or <c>info</c>; null when it gives none.</param>
/// <param name="Location">Where in the asset (file and line for code, parameter for a URL); null when the asset says it all.</param>
public sealed record ReportedFinding(
    ReportedAsset Asset,
    IReadOnlyList<string> VulnerabilityIds,
    string? RuleId,
    string Title,
    string? Severity,
    SourceLocation? Location)
{
    public IReadOnlyList<string> Cwes { get; init; } = [];

    public string? CvssVector { get; init; }

    public IReadOnlyList<string> FixedVersions { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>The tool's own stable fingerprint of the result (SARIF partialFingerprints, ZAP alert ref), when it gives one.</summary>
    public string? ToolFingerprint { get; init; }

    /// <summary>The place in the report file this finding comes from (JSON pointer, line), for diagnostics and provenance.</summary>
    public string? ReportPointer { get; init; }

    /// <summary>
    /// When the tool matched the package by CPE rather than by an advisory for its package (Grype's <c>cpe-match</c>),
    /// the vulnerable CPEs it matched (<c>cpe:2.3:a:redis:redis:*:…</c>); empty otherwise.
    /// </summary>
    public IReadOnlyList<string> MatchedCpes { get; init; } = [];

    /// <summary>
    /// The source's own reason to doubt the finding (a version read from a distribution's banner, where fixes are
    /// backported under the upstream version); null when it has none. Carried as <see cref="ObservedFinding.Suspect"/>.
    /// </summary>
    public string? Suspect { get; init; }

    /// <summary>How the package was derived when the report names it only in prose, rule ids or paths; null when it names it outright.</summary>
    public IdentityDerivation? Identity { get; init; }

    /// <summary>
    /// True when <see cref="RuleId"/> is already a tool-qualified weakness that another tool reports too
    /// (<c>nmap:open-port</c>, <c>testssl.sh:TLS1</c>): Ctem's own probes name the checks they share that way, so the
    /// same exposure from both is one finding with two sources. Never set by parsers of third-party reports.
    /// </summary>
    public bool SharedRule { get; init; }
}

/// <summary>
/// One scanner report read: the tool, what it scanned, the findings, and the assets it saw even without a finding
/// (open ports, probed URLs). <see cref="Format"/> is the parser's name.
/// </summary>
public sealed record ScannerReport(string Format, string Tool, string? ToolVersion, string? Target, IReadOnlyList<ReportedFinding> Findings)
{
    public IReadOnlyList<ReportedAsset> Assets { get; init; } = [];
}
