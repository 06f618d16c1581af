using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.OsvScanner;

/// <summary>
/// Reads osv-scanner's JSON report (<c>osv-scanner --format json</c>): for every package of every scanned source, one
/// finding per group of vulnerability ids osv-scanner found to be the same vulnerability (its <c>groups</c>), or, without
/// groups, one per OSV record. The asset is the package's purl where its OSV ecosystem has one (see
/// <see cref="Ecosystems.PurlOf"/>), else its ecosystem, name and version; the location is the scanned source.
/// </summary>
public sealed class OsvScannerJsonParser : IReportParser
{
    public string Name => "osv-scanner/json";

    public int Version => 1;

    /// <summary>
    /// Claims a document whose <c>results</c> array starts with a source-and-packages object, or, when <c>results</c> is
    /// empty, that carries osv-scanner's <c>experimental_config</c>.
    /// </summary>
    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        ReportJsonHead.FirstItemProperty(head, "results") switch
        {
            "source" => head.IndexOf("\"packages\""u8) >= 0,
            "packages" => head.IndexOf("\"ecosystem\""u8) >= 0,
            "" => head.IndexOf("\"experimental_config\""u8) >= 0,
            _ => false,
        };

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);

    private ReportResult Read(string path, JsonElement root)
    {
        if (ReportJson.ArrayElement(root, "results") is not { } results)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an osv-scanner JSON report: 'results' is missing or not an array", "/results"));
        }

        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        var resultIndex = 0;
        foreach (var result in results.EnumerateArray())
        {
            var resultPointer = $"/results/{resultIndex++}";
            var sourcePath = ReportJson.Object(result, "source") is { } source ? ReportJson.String(source, "path") : null;
            var location = string.IsNullOrWhiteSpace(sourcePath) ? null : new SourceLocation(sourcePath, null);
            var packageIndex = 0;
            foreach (var package in ReportJson.Array(result, "packages"))
            {
                var pointer = $"{resultPointer}/packages/{packageIndex++}";
                if (!ReportJson.Array(package, "vulnerabilities").Any() && !ReportJson.Array(package, "groups").Any())
                {
                    // Licence information only (--licenses): no vulnerability to report.
                    continue;
                }

                if (PackageOf(package) is not { } scanned)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a package needs a name (or a commit); its vulnerabilities are skipped", pointer + "/package"));
                    continue;
                }

                findings.AddRange(FindingsOf(package, scanned, location, pointer));
            }
        }

        return ReportResult.Ok(new ScannerReport(Name, "osv-scanner", null, null, findings), diagnostics);
    }

    private static IEnumerable<ReportedFinding> FindingsOf(JsonElement package, ScannedPackage scanned, SourceLocation? location, string pointer)
    {
        var records = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var order = new List<(string Id, int Index)>();
        var index = 0;
        foreach (var record in ReportJson.Array(package, "vulnerabilities"))
        {
            if (NonEmpty(ReportJson.String(record, "id")) is { } id && records.TryAdd(id, record))
            {
                order.Add((id, index));
            }

            index++;
        }

        // osv-scanner puts every record in one group; a record left out of all groups is a finding of its own.
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        var groupIndex = 0;
        foreach (var group in ReportJson.Array(package, "groups"))
        {
            var groupPointer = $"{pointer}/groups/{groupIndex++}";
            var ids = Strings(group, "ids").ToList();
            if (ids.Count == 0)
            {
                continue;
            }

            grouped.UnionWith(ids);
            var members = ids.Where(records.ContainsKey).Select(id => records[id]).ToList();
            yield return Finding(scanned, location, ids.Concat(Strings(group, "aliases")), members, ReportJson.String(group, "max_severity"), groupPointer);
        }

        foreach (var (id, recordIndex) in order.Where(o => !grouped.Contains(o.Id)))
        {
            yield return Finding(scanned, location, [id], [records[id]], null, $"{pointer}/vulnerabilities/{recordIndex}");
        }
    }

    private static ReportedFinding Finding(ScannedPackage scanned, SourceLocation? location, IEnumerable<string> groupIds, List<JsonElement> records, string? maxSeverity, string pointer)
    {
        var ids = groupIds
            .Concat(records.SelectMany(r => Strings(r, "aliases")))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var version = scanned.Version;
        return new ReportedFinding(
            scanned.Asset,
            ids,
            null,
            records.Select(r => NonEmpty(ReportJson.String(r, "summary"))).FirstOrDefault(s => s is not null)
                ?? (version is null ? $"{ids[0]} in {scanned.Name}" : $"{ids[0]} in {scanned.Name} {version}"),
            SeverityOf(records, maxSeverity),
            location)
        {
            Cwes = records.SelectMany(CwesOf).Distinct(StringComparer.Ordinal).ToList(),
            CvssVector = ReportCvss.Best(records.SelectMany(r => ReportJson.Array(r, "severity"))
                .Where(s => ReportJson.String(s, "type")?.StartsWith("CVSS_", StringComparison.Ordinal) == true)
                .Select(s => ReportJson.String(s, "score"))),
            FixedVersions = records.SelectMany(r => FixedVersionsOf(r, scanned)).Distinct(StringComparer.Ordinal).ToList(),
            Description = records.Select(r => NonEmpty(ReportJson.String(r, "details"))).FirstOrDefault(s => s is not null),
            ReportPointer = pointer,
        };
    }

    /// <summary>
    /// The records' own severity word (GitHub's <c>database_specific.severity</c>, else an Ubuntu severity), the highest
    /// where a group has several; else the group's <c>max_severity</c>, the highest CVSS score osv-scanner computed.
    /// </summary>
    private static string? SeverityOf(List<JsonElement> records, string? maxSeverity)
    {
        var words = records
            .Select(r => ReportJson.Object(r, "database_specific") is { } specific ? ReportJson.String(specific, "severity") : null)
            .Concat(records.SelectMany(r => ReportJson.Array(r, "severity"))
                .Where(s => ReportJson.String(s, "type") == "Ubuntu")
                .Select(s => ReportJson.String(s, "score")))
            .Select(ReportSeverity.Normalize)
            .OfType<string>()
            .ToList();
        if (words.Count > 0)
        {
            return words.MaxBy(Rank);
        }

        return ReportSeverity.FromCvssScore(maxSeverity);
    }

    private static int Rank(string severity) => severity switch
    {
        "critical" => 4,
        "high" => 3,
        "medium" => 2,
        "low" => 1,
        _ => 0,
    };

    /// <summary>GitHub's <c>database_specific.cwe_ids</c>, and the <c>cwes[].cweId</c> malicious-package reports give per affected package.</summary>
    private static IEnumerable<string> CwesOf(JsonElement record)
    {
        var top = ReportJson.Object(record, "database_specific") is { } specific ? Strings(specific, "cwe_ids") : [];
        var perPackage = ReportJson.Array(record, "affected")
            .Select(a => ReportJson.Object(a, "database_specific"))
            .OfType<JsonElement>()
            .SelectMany(s => ReportJson.Array(s, "cwes"))
            .Select(c => NonEmpty(ReportJson.String(c, "cweId"))?.Trim())
            .OfType<string>();
        return top.Concat(perPackage);
    }

    /// <summary>
    /// The <c>fixed</c> events of the record's affected entries for this package (same ecosystem family and name), as
    /// osv-scanner itself lists them; GIT ranges are left out, their events being commits.
    /// </summary>
    private static IEnumerable<string> FixedVersionsOf(JsonElement record, ScannedPackage scanned)
    {
        if (scanned.Ecosystem is not { } ecosystem)
        {
            return [];
        }

        var name = Ecosystems.NormalizeName(ecosystem, scanned.Name);
        return ReportJson.Array(record, "affected")
            .Where(a => ReportJson.Object(a, "package") is { } p
                && ReportJson.String(p, "ecosystem") is { } e && Ecosystems.BaseOf(e) == Ecosystems.BaseOf(ecosystem)
                && ReportJson.String(p, "name") is { } n && Ecosystems.NormalizeName(e, n) == name)
            .SelectMany(a => ReportJson.Array(a, "ranges"))
            .Where(r => ReportJson.String(r, "type") != "GIT")
            .SelectMany(r => ReportJson.Array(r, "events"))
            .Select(e => NonEmpty(ReportJson.String(e, "fixed"))?.Trim())
            .OfType<string>();
    }

    /// <summary>
    /// The scanned package. osv-scanner writes Go versions without the "v" the module has (OSV's Go ranges have none);
    /// the purl gets it back, so the asset is the one a go.mod or an SBOM names. A package known only by a commit (a
    /// git submodule or vendored repository) is named by it.
    /// </summary>
    private static ScannedPackage? PackageOf(JsonElement package)
    {
        if (ReportJson.Object(package, "package") is not { } info)
        {
            return null;
        }

        var ecosystem = NonEmpty(ReportJson.String(info, "ecosystem"))?.Trim();
        var name = NonEmpty(ReportJson.String(info, "name"))?.Trim();
        var version = NonEmpty(ReportJson.String(info, "version"))?.Trim();
        if (name is null)
        {
            return NonEmpty(ReportJson.String(info, "commit"))?.Trim() is { } commit
                ? new ScannedPackage(ReportedAsset.Package(ecosystem ?? "GIT", commit, null), ecosystem, commit, null)
                : null;
        }

        if (ecosystem is null)
        {
            return new ScannedPackage(ReportedAsset.Package(null, name, version), null, name, version);
        }

        var purlVersion = ecosystem == "Go" && name is not ("stdlib" or "toolchain") && version is { Length: > 0 } && char.IsAsciiDigit(version[0])
            ? "v" + version
            : version;
        var asset = Ecosystems.PurlOf(ecosystem, name, purlVersion) is { } purl
            ? ReportedAsset.Package(purl)
            : ReportedAsset.Package(ecosystem, name, version);
        return new ScannedPackage(asset, ecosystem, name, version);
    }

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        ReportJson.Array(element, name)
            .Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!.Trim())
            .Where(v => v.Length > 0);

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record ScannedPackage(ReportedAsset Asset, string? Ecosystem, string Name, string? Version);
}
