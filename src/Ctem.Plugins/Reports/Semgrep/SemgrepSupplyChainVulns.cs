using System.Text.Json;
using Ctem.Core.Model;

namespace Ctem.Plugins.Reports.Semgrep;

/// <summary>
/// Semgrep Supply Chain findings as its API exports them (<c>{"vulns": [...], "hasMore", "cursor"}</c>): each vuln is
/// the advisory's CVEs on the matched dependency, located in the dependency file. The advisory names one ecosystem for
/// a rule that covers several; the matched package's own is the rule's <c>depends-on-either</c> entry of that name.
/// Vulns triaged FIXED or CLOSED are no longer there and are not findings.
/// </summary>
internal static class SemgrepSupplyChainVulns
{
    private static readonly HashSet<string> Gone = new(StringComparer.OrdinalIgnoreCase) { "FIXED", "CLOSED" };

    /// <summary>The finding, or null when the vuln is gone; throws nothing: a vuln without a dependency is null with <paramref name="usable"/> false.</summary>
    public static ReportedFinding? Read(JsonElement vuln, string pointer, out bool usable)
    {
        var advisory = ReportJson.Object(vuln, "advisory");
        var dependency = ReportJson.Object(vuln, "matchedDependency");
        var name = dependency is { } d ? ReportJson.String(d, "name") : null;
        usable = advisory is not null && name is not null;
        if (!usable || (ReportJson.Object(vuln, "triage") is { } triage && ReportJson.String(triage, "status") is { } status && Gone.Contains(status)))
        {
            return null;
        }

        var a = advisory!.Value;
        var references = ReportJson.Object(a, "references");
        var rule = ReportJson.String(a, "ruleId");
        var file = ReportJson.Object(vuln, "dependencyFileLocation");
        var path = file is { } f ? ReportJson.String(f, "path") : null;
        var line = file is { } withLine && ReportJson.Scalar(withLine, "startLine") is { Length: > 0 } l && l != "0" ? "line " + l : null;
        var safe = ReportJson.Object(vuln, "closestSafeDependency") is { } s ? ReportJson.String(s, "versionSpecifier") : null;
        var asset = SemgrepPackages.Asset(EcosystemOf(a, name!), name!, ReportJson.String(dependency!.Value, "versionSpecifier"));
        return new ReportedFinding(asset, ReportJson.Strings(references, "cveIds"), rule, ReportJson.String(vuln, "title") ?? ReportJson.String(a, "title") ?? rule ?? name!, ReportSeverity.Normalize(ReportJson.String(a, "severity")), path is null ? null : new SourceLocation(path, line))
        {
            Cwes = SemgrepPackages.Cwes(ReportJson.Strings(references, "cweIds")),
            FixedVersions = safe is { Length: > 0 } ? [safe] : [],
            Description = ReportJson.String(a, "description"),
            ReportPointer = pointer,
        };
    }

    private static string? EcosystemOf(JsonElement advisory, string name)
    {
        if (ReportJson.String(advisory, "ruleText") is { } text)
        {
            try
            {
                using var rule = JsonDocument.Parse(text);
                var either = ReportJson.Object(rule.RootElement, "r2c-internal-project-depends-on") is { } dependsOn ? ReportJson.Array(dependsOn, "depends-on-either") : [];
                if (either.FirstOrDefault(e => ReportJson.String(e, "package") == name) is { ValueKind: JsonValueKind.Object } entry)
                {
                    return ReportJson.String(entry, "namespace");
                }
            }
            catch (JsonException)
            {
                // The rule text is Semgrep's own; when it is not JSON the advisory's ecosystem is all there is.
            }
        }

        return ReportJson.String(advisory, "ecosystem");
    }
}
