using System.Text;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.NpmAudit;

/// <summary>
/// Reads <c>npm audit --json</c>: npm 7+ reports (<c>"auditReportVersion": 2</c>) and npm 6 reports (<c>advisories</c>,
/// a shape pnpm audit writes too). npm 7+ lists each vulnerable package with the advisories on it as objects in
/// <c>via</c>; string entries there only point at the dependency that carries the problem and are not findings of their
/// own. Those reports give the affected range but never the installed version, so their assets are versionless
/// packages (<c>npm:name@</c>) rather than purls. npm 6 reports give the installed version of each copy under an
/// advisory's <c>findings</c>: one finding per entry, located at its first dependency path.
/// </summary>
public sealed class NpmAuditParser : IReportParser
{
    private const string Ecosystem = "npm";

    public string Name => "npm-audit/json";

    public int Version => 1;

    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        if (!System.IO.Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase) || !head.TrimStart(" \t\r\n\uFEFF"u8).StartsWith("{"u8))
        {
            return false;
        }

        return head.IndexOf("\"auditReportVersion\""u8) >= 0
            || (head.IndexOf("\"advisories\""u8) >= 0 && (head.IndexOf("\"module_name\""u8) >= 0 || head.IndexOf("\"muted\""u8) >= 0 || head.IndexOf("\"totalDependencies\""u8) >= 0))
            || (head.IndexOf("\"actions\""u8) >= 0 && head.IndexOf("\"resolves\""u8) >= 0);
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        var diagnostics = new List<Diagnostic>();
        List<ReportedFinding> findings;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("auditReportVersion", out var version))
        {
            if (ReportJson.Object(root, "vulnerabilities") is not { } vulnerabilities)
            {
                return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an npm audit report: \"auditReportVersion\" is there but \"vulnerabilities\" is not an object", "/vulnerabilities"));
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 2)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnsupportedFormat, path, $"npm audit report version {version.GetRawText()} is not 2, the one this reader knows; read as version 2", "/auditReportVersion"));
            }

            findings = ReadVersion2(path, vulnerabilities, diagnostics);
        }
        else if (ReportJson.Object(root, "advisories") is { } advisories)
        {
            findings = ReadVersion1(path, advisories, diagnostics);
        }
        else if (ReportJson.Object(root, "error") is { } error)
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, $"npm audit reported an error instead of results: {ReportJson.String(error, "code")} {ReportJson.String(error, "summary")}".TrimEnd(), "/error"));
        }
        else
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not an npm audit report: expected an object with \"auditReportVersion\" and \"vulnerabilities\" (npm 7+) or \"advisories\" (npm 6)"));
        }

        return ReportResult.Ok(new ScannerReport(Name, ToolOf(root), null, null, findings), diagnostics);
    }

    private static List<ReportedFinding> ReadVersion2(string path, JsonElement vulnerabilities, List<Diagnostic> diagnostics)
    {
        var findings = new List<ReportedFinding>();
        foreach (var package in vulnerabilities.EnumerateObject())
        {
            var packagePointer = "/vulnerabilities/" + Escape(package.Name);
            var name = ReportJson.String(package.Value, "name") ?? package.Name;
            var via = ReportJson.Array(package.Value, "via").ToList();
            for (var index = 0; index < via.Count; index++)
            {
                if (via[index].ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var pointer = $"{packagePointer}/via/{index}";
                if (FromVia(name, via[index], package.Value) is { } finding)
                {
                    findings.Add(finding with { ReportPointer = pointer });
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"an advisory on '{name}' has neither \"url\" nor \"source\"; skipped", pointer));
                }
            }
        }

        return findings;
    }

    private static ReportedFinding? FromVia(string name, JsonElement advisory, JsonElement package)
    {
        var url = ReportJson.String(advisory, "url");
        var source = ReportJson.Scalar(advisory, "source");
        if (url is null && source is null)
        {
            return null;
        }

        var ghsa = GhsaOf(url);
        var cvss = ReportJson.Object(advisory, "cvss") is { } score ? ReportJson.String(score, "vectorString") : null;
        return new ReportedFinding(
            ReportedAsset.Package(Ecosystem, name, null),
            ghsa is null ? [] : [ghsa],
            source,
            ReportJson.String(advisory, "title") ?? ghsa ?? $"npm advisory {source}",
            ReportSeverity.Normalize(ReportJson.String(advisory, "severity")),
            null)
        {
            Cwes = Cwes(advisory),
            CvssVector = string.IsNullOrEmpty(cvss) ? null : cvss,
            Description = Version2Description(advisory, package),
        };
    }

    private static string Version2Description(JsonElement advisory, JsonElement package)
    {
        var text = new StringBuilder();
        if (ReportJson.String(advisory, "range") is { } range)
        {
            text.Append("Affected versions: ").Append(range).Append(". ");
        }

        var nodes = ReportJson.Array(package, "nodes").Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()).ToList();
        if (nodes.Count > 0)
        {
            text.Append("Installed at: ").AppendJoin(", ", nodes).Append(". ");
        }

        if (package.ValueKind == JsonValueKind.Object && package.TryGetProperty("fixAvailable", out var fix))
        {
            text.Append(fix.ValueKind switch
            {
                JsonValueKind.False => "No fix available.",
                JsonValueKind.True => "Fix available (npm audit fix).",
                JsonValueKind.Object => $"Fix: update {ReportJson.String(fix, "name")} to {ReportJson.String(fix, "version")}{(fix.TryGetProperty("isSemVerMajor", out var major) && major.ValueKind == JsonValueKind.True ? " (semver-major)" : "")}.",
                _ => "",
            });
        }

        return text.ToString().TrimEnd();
    }

    private static List<ReportedFinding> ReadVersion1(string path, JsonElement advisories, List<Diagnostic> diagnostics)
    {
        var findings = new List<ReportedFinding>();
        foreach (var entry in advisories.EnumerateObject())
        {
            var advisory = entry.Value;
            var pointer = "/advisories/" + Escape(entry.Name);
            var module = ReportJson.String(advisory, "module_name");
            if (string.IsNullOrEmpty(module))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"advisory {entry.Name} has no \"module_name\"; skipped", pointer));
                continue;
            }

            var found = ReportJson.Array(advisory, "findings").ToList();
            for (var index = 0; index < found.Count; index++)
            {
                var version = ReportJson.String(found[index], "version");
                var findingPointer = $"{pointer}/findings/{index}";
                if (string.IsNullOrEmpty(version))
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"a finding of advisory {entry.Name} on '{module}' has no \"version\"; skipped", findingPointer));
                    continue;
                }

                var purl = PackageUrl.Create("npm", NamespaceOf(module), NameOf(module), version, null, null);
                if (!purl.Success)
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, $"'{module}' {version}: {purl.Error}; skipped", findingPointer));
                    continue;
                }

                // npm 6 lists one entry per installed copy; two copies of one version differ in their dependency paths.
                var paths = ReportJson.Array(found[index], "paths").Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList();
                var finding = FromAdvisory(entry.Name, advisory, ReportedAsset.Package(purl.Value));
                findings.Add(finding with
                {
                    Location = paths.Count > 0 ? new SourceLocation(paths[0], null) : null,
                    Description = paths.Count > 1 ? $"{finding.Description}\n\nDependency paths: {string.Join(", ", paths)}".TrimStart() : finding.Description,
                    ReportPointer = findingPointer,
                });
            }
        }

        return findings;
    }

    private static ReportedFinding FromAdvisory(string key, JsonElement advisory, ReportedAsset asset)
    {
        var ids = new List<string>();
        if ((ReportJson.String(advisory, "github_advisory_id") ?? GhsaOf(ReportJson.String(advisory, "url"))) is { } ghsa)
        {
            ids.Add(ghsa);
        }

        ids.AddRange(ReportJson.Array(advisory, "cves").Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!).Where(c => !ids.Contains(c)));
        var patched = ReportJson.String(advisory, "patched_versions")?.Trim();
        var cvss = ReportJson.Object(advisory, "cvss") is { } score ? ReportJson.String(score, "vectorString") : null;
        var id = ReportJson.Scalar(advisory, "id") ?? key;
        return new ReportedFinding(
            asset,
            ids,
            id,
            ReportJson.String(advisory, "title") ?? (ids.Count > 0 ? ids[0] : $"npm advisory {id}"),
            ReportSeverity.Normalize(ReportJson.String(advisory, "severity")),
            null)
        {
            Cwes = Cwes(advisory),
            CvssVector = string.IsNullOrEmpty(cvss) ? null : cvss,

            // npm 6 writes the fix as a range; only a plain lower bound names the first fixed version.
            FixedVersions = patched is not null && patched.StartsWith(">=", StringComparison.Ordinal) && !patched[2..].Trim().Contains(' ', StringComparison.Ordinal)
                ? [patched[2..].Trim()]
                : [],
            Description = ReportJson.String(advisory, "overview"),
        };
    }

    // pnpm audit writes npm 6's shape without npm's "actions" and "muted".
    private static string ToolOf(JsonElement root) =>
        root.TryGetProperty("auditReportVersion", out _) || root.TryGetProperty("actions", out _) || root.TryGetProperty("muted", out _) ? "npm" : "pnpm";

    private static List<string> Cwes(JsonElement advisory)
    {
        if (advisory.ValueKind != JsonValueKind.Object || !advisory.TryGetProperty("cwe", out var cwe))
        {
            return [];
        }

        IEnumerable<JsonElement> values = cwe.ValueKind == JsonValueKind.Array ? cwe.EnumerateArray() : [cwe];
        return values.Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!.Trim())
            .Where(v => v.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
            .Select(v => v.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The GHSA id when <paramref name="url"/> is a GitHub advisory page (its last segment).</summary>
    private static string? GhsaOf(string? url)
    {
        var last = url?.TrimEnd('/').Split('/')[^1];
        return last is not null && last.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) ? last : null;
    }

    private static string? NamespaceOf(string module) =>
        module.StartsWith('@') && module.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? module[..slash] : null;

    private static string NameOf(string module) =>
        module.StartsWith('@') && module.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash ? module[(slash + 1)..] : module;

    private static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
