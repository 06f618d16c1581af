using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Trivy;

/// <summary>
/// Trivy's JSON report (<c>trivy … -f json</c>): schema 2 (<c>Results[]</c>), the pre-0.20 list of results, and the
/// Kubernetes report (<c>ClusterName</c> with resources holding results). Vulnerabilities, failed misconfiguration
/// checks and secrets are findings; licences and passed checks are not.
/// </summary>
public sealed class TrivyJsonParser : IReportParser
{
    public string Name => "trivy/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && (head.IndexOf("\"SchemaVersion\""u8) >= 0 && head.IndexOf("\"ArtifactName\""u8) >= 0
            || head.IndexOf("\"ClusterName\""u8) >= 0 && head.IndexOf("\"Results\""u8) >= 0
            || head.IndexOf("\"Target\""u8) >= 0 && head.IndexOf("\"VulnerabilityID\""u8) >= 0);

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken) =>
        ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);

    private ReportResult Read(string path, JsonElement root)
    {
        var findings = new List<ReportedFinding>();
        var diagnostics = new List<Diagnostic>();
        string? target;
        string? version = null;
        switch (root.ValueKind)
        {
            case JsonValueKind.Null:
                // Trivy before 0.20 wrote a bare null when nothing was found.
                target = null;
                break;
            case JsonValueKind.Array:
                target = null;
                ReadResults(root.EnumerateArray(), "", findings, diagnostics, path);
                break;
            case JsonValueKind.Object when root.TryGetProperty("ClusterName", out _):
                target = ReportJson.String(root, "ClusterName");
                foreach (var section in new[] { "Vulnerabilities", "Misconfigurations", "Resources" })
                {
                    var index = 0;
                    foreach (var resource in ReportJson.Array(root, section))
                    {
                        var where = $"/{section}/{index++}";
                        ReadResults(ReportJson.Array(resource, "Results"), where, findings, diagnostics, path, ResourceName(resource));
                    }
                }

                break;
            case JsonValueKind.Object when root.TryGetProperty("SchemaVersion", out _) || root.TryGetProperty("Results", out _):
                target = ReportJson.String(root, "ArtifactName");
                version = ReportJson.Object(root, "Trivy") is { } trivy ? ReportJson.String(trivy, "Version") : null;
                ReadResults(ReportJson.Array(root, "Results"), "", findings, diagnostics, path);
                break;
            default:
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path,
                    "not a Trivy JSON report: expected an object with SchemaVersion and Results (trivy -f json), a Kubernetes report, or a list of results"));
        }

        return ReportResult.Ok(new ScannerReport(Name, "Trivy", version, target, findings), diagnostics);
    }

    private static string? ResourceName(JsonElement resource) =>
        ReportJson.String(resource, "Name") is { } name
            ? $"{ReportJson.String(resource, "Namespace")}/{ReportJson.String(resource, "Kind")}/{name}"
            : null;

    private static void ReadResults(IEnumerable<JsonElement> results, string prefix, List<ReportedFinding> findings, List<Diagnostic> diagnostics, string path, string? resource = null)
    {
        var r = 0;
        foreach (var result in results)
        {
            var where = $"{prefix}/Results/{r++}";
            var target = ReportJson.String(result, "Target") ?? "";
            var type = ReportJson.String(result, "Type");
            var v = 0;
            foreach (var vulnerability in ReportJson.Array(result, "Vulnerabilities"))
            {
                var pointer = $"{where}/Vulnerabilities/{v++}";
                if (vulnerability.ValueKind == JsonValueKind.Object && Vulnerability(vulnerability, target, type, pointer) is { } finding)
                {
                    findings.Add(finding);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "vulnerability without VulnerabilityID or PkgName (or not an object): skipped", pointer));
                }
            }

            var m = 0;
            foreach (var misconfiguration in ReportJson.Array(result, "Misconfigurations"))
            {
                var pointer = $"{where}/Misconfigurations/{m++}";
                if (misconfiguration.ValueKind != JsonValueKind.Object)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "misconfiguration is not an object: skipped", pointer));
                    continue;
                }

                if (ReportJson.String(misconfiguration, "Status") is "PASS" or "EXCEPTION")
                {
                    continue;
                }

                findings.Add(Misconfiguration(misconfiguration, resource ?? target, pointer));
            }

            var s = 0;
            foreach (var secret in ReportJson.Array(result, "Secrets"))
            {
                var pointer = $"{where}/Secrets/{s++}";
                if (secret.ValueKind != JsonValueKind.Object)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "secret is not an object: skipped", pointer));
                    continue;
                }

                findings.Add(Secret(secret, target, pointer));
            }
        }
    }

    private static ReportedFinding? Vulnerability(JsonElement item, string target, string? type, string pointer)
    {
        var id = ReportJson.String(item, "VulnerabilityID");
        var name = ReportJson.String(item, "PkgName");
        if (id is null || name is null)
        {
            return null;
        }

        var version = ReportJson.String(item, "InstalledVersion");
        var purlText = ReportJson.Object(item, "PkgIdentifier") is { } identifier ? ReportJson.String(identifier, "PURL") : null;
        var asset = purlText is not null && PackageUrl.Parse(purlText) is { Success: true, Value: { } purl }
            ? ReportedAsset.Package(purl)
            : TrivyPackages.Asset(type, name, version);
        // VendorIDs (DSA-…, RHSA-…) are distribution advisories that each cover many CVEs: not names of this one.
        var vendorIds = Strings(item, "VendorIDs");
        var fixedVersions = ReportJson.String(item, "FixedVersion") is { Length: > 0 } fixedText
            ? fixedText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var description = ReportJson.String(item, "Description");
        return new ReportedFinding(
            asset,
            [id],
            id,
            ReportJson.String(item, "Title") ?? id,
            ReportSeverity.Normalize(ReportJson.String(item, "Severity")),
            new SourceLocation(target, null))
        {
            Cwes = Strings(item, "CweIDs"),
            CvssVector = CvssVector(item),
            FixedVersions = fixedVersions,
            Description = vendorIds.Count == 0 ? description : $"{description}\nVendor advisories: {string.Join(", ", vendorIds)}".TrimStart(),
            ToolFingerprint = ReportJson.String(item, "Fingerprint"),
            ReportPointer = pointer,
        };
    }

    // The vector of the source Trivy took the severity from, else NVD's, else any: v3 before v2.
    private static string? CvssVector(JsonElement item)
    {
        if (ReportJson.Object(item, "CVSS") is not { } cvss)
        {
            return null;
        }

        var sources = cvss.EnumerateObject().Select(p => p.Name).ToList();
        var preferred = new[] { ReportJson.String(item, "SeveritySource"), "nvd", "ghsa" }
            .OfType<string>()
            .Concat(sources)
            .Where(sources.Contains);
        foreach (var source in preferred)
        {
            var entry = cvss.GetProperty(source);
            if ((ReportJson.String(entry, "V40Vector") ?? ReportJson.String(entry, "V3Vector")) is { Length: > 0 } vector)
            {
                return vector;
            }
        }

        return sources.Select(s => ReportJson.String(cvss.GetProperty(s), "V2Vector")).FirstOrDefault(v => v is { Length: > 0 });
    }

    private static ReportedFinding Misconfiguration(JsonElement item, string target, string pointer)
    {
        var id = ReportJson.String(item, "AVDID") ?? ReportJson.String(item, "ID") ?? "misconfiguration";
        var line = LineOf(ReportJson.Object(item, "CauseMetadata"));
        return new ReportedFinding(
            ReportedAsset.File(target),
            [],
            id,
            ReportJson.String(item, "Title") ?? id,
            ReportSeverity.Normalize(ReportJson.String(item, "Severity")),
            new SourceLocation(target, line))
        {
            Description = ReportJson.String(item, "Message") ?? ReportJson.String(item, "Description"),
            ReportPointer = pointer,
        };
    }

    private static ReportedFinding Secret(JsonElement item, string target, string pointer)
    {
        var rule = ReportJson.String(item, "RuleID") ?? "secret";
        var line = LineOf(item);
        return new ReportedFinding(
            ReportedAsset.File(target),
            [],
            "secret:" + rule,
            ReportJson.String(item, "Title") ?? rule,
            ReportSeverity.Normalize(ReportJson.String(item, "Severity")),
            new SourceLocation(target, line))
        {
            Cwes = ["CWE-798"],
            ReportPointer = pointer,
        };
    }

    private static string? LineOf(JsonElement? element) =>
        element is { } found && ReportJson.Int(found, "StartLine") is > 0 and var number ? "line " + number.ToString(CultureInfo.InvariantCulture) : null;

    private static IReadOnlyList<string> Strings(JsonElement element, string name) =>
        ReportJson.Array(element, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList();
}
