using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Snyk;

/// <summary>
/// Reads Snyk Open Source and Snyk Container JSON (<c>snyk test --json</c>, <c>snyk container test --json</c>): one
/// project object, or with <c>--all-projects</c> / several targets an array of them. Each entry of
/// <c>vulnerabilities</c> is a finding on its package (<see cref="SnykPackages"/>) with its CVE, GHSA and Snyk ids;
/// Snyk repeats an issue once per dependency path, which is one exposure. License issues (<c>type: license</c>) are
/// policy, not vulnerabilities, and are not read. The project's manifest is the location.
/// </summary>
public sealed class SnykJsonParser : IReportParser
{
    public string Name => "snyk/json";

    public int Version => 1;

    // A vulnerability's fields come first and can fill the head; a project without any shows its summary fields.
    public bool CanParse(string path, ReadOnlySpan<byte> head)
    {
        var text = head.TrimStart(" \t\r\n\uFEFF"u8);
        return (text.StartsWith("{"u8) || text.StartsWith("["u8))
            && text.IndexOf("\"vulnerabilities\""u8) >= 0 && text.IndexOf("\"bomFormat\""u8) < 0
            && (text.IndexOf("\"alternativeIds\""u8) >= 0
                || (text.IndexOf("\"packageName\""u8) >= 0 && text.IndexOf("\"identifiers\""u8) >= 0 && (text.IndexOf("\"patches\""u8) >= 0 || text.IndexOf("\"credit\""u8) >= 0))
                || (text.IndexOf("\"packageManager\""u8) >= 0 && text.IndexOf("\"dependencyCount\""u8) >= 0));
    }

    public Task<ReportResult> ParseAsync(InputSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        return ReportJson.ReadAsync(source, root => Read(source.Path, root), cancellationToken);
    }

    private ReportResult Read(string path, JsonElement root)
    {
        var projects = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
        if (projects.Any(p => ReportJson.ArrayElement(p, "vulnerabilities") is null))
        {
            return ReportResult.Failed(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, path, "not a Snyk JSON report: expected a project object (or an array of them) with a \"vulnerabilities\" array", ""));
        }

        var diagnostics = new List<Diagnostic>();
        var findings = new List<ReportedFinding>();
        for (var p = 0; p < projects.Count; p++)
        {
            var project = projects[p];
            var prefix = root.ValueKind == JsonValueKind.Array ? "/" + p.ToString(CultureInfo.InvariantCulture) : "";
            var manifest = ReportJson.String(project, "displayTargetFile") ?? ReportJson.String(project, "targetFile") ?? ReportJson.String(project, "path");
            var index = 0;
            foreach (var vulnerability in ReportJson.Array(project, "vulnerabilities"))
            {
                var pointer = string.Create(CultureInfo.InvariantCulture, $"{prefix}/vulnerabilities/{index++}");
                if (ReportJson.String(vulnerability, "type") == "license")
                {
                    continue;
                }

                if (Finding(vulnerability, ReportJson.String(project, "packageManager"), manifest, pointer) is { } finding)
                {
                    findings.Add(finding);
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a vulnerability has no id or no package name; skipped", pointer));
                }
            }
        }

        var names = projects.Select(p => ReportJson.String(p, "projectName")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var target = names.Count == 1 ? names[0].Replace("docker-image|", "", StringComparison.Ordinal) : null;
        return ReportResult.Ok(new ScannerReport(Name, "Snyk", null, target, findings), diagnostics);
    }

    private static ReportedFinding? Finding(JsonElement vulnerability, string? projectPackageManager, string? manifest, string pointer)
    {
        var id = ReportJson.String(vulnerability, "id");
        var name = ReportJson.String(vulnerability, "packageName") ?? ReportJson.String(vulnerability, "name");
        if (id is null || name is null)
        {
            return null;
        }

        var identifiers = ReportJson.Object(vulnerability, "identifiers");
        var ids = ReportJson.Strings(identifiers, "CVE").Concat(ReportJson.Strings(identifiers, "GHSA")).Append(id).Distinct(StringComparer.Ordinal).ToList();
        var packageManager = ReportJson.String(vulnerability, "packageManager") ?? projectPackageManager;
        var asset = SnykPackages.Asset(packageManager, name, ReportJson.String(vulnerability, "version"));
        var from = ReportJson.Strings(vulnerability, "from");
        return new ReportedFinding(asset, ids, id, ReportJson.String(vulnerability, "title") ?? id, ReportSeverity.Normalize(ReportJson.String(vulnerability, "severityWithCritical") ?? ReportJson.String(vulnerability, "severity")), manifest is null ? null : new SourceLocation(manifest, from.Count > 0 ? string.Join(" > ", from) : null))
        {
            Cwes = ReportJson.Strings(identifiers, "CWE"),
            CvssVector = ReportCvss.Best([ReportJson.String(vulnerability, "CVSSv3")]),
            FixedVersions = ReportJson.Strings(vulnerability, "fixedIn"),
            Description = ReportJson.String(vulnerability, "description"),
            ReportPointer = pointer,
        };
    }
}
