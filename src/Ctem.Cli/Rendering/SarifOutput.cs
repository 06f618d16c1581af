using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ctem.Core.Scoring;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Cli.Rendering;

/// <summary>
/// Findings as SARIF 2.1.0, the format code-scanning services (GitHub among them) accept: one rule per vulnerability
/// with help naming the fixed versions, one result per finding at the manifest that declares the component, a
/// <c>security-severity</c> from CVSS, and a stable fingerprint so re-uploads update rather than duplicate alerts.
/// </summary>
public static class SarifOutput
{
    public static void Write(TextWriter output, IReadOnlyList<FindingView> findings) =>
        JsonOutput.Write(output, writer =>
        {
            var rules = findings.GroupBy(f => f.Vulnerability.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var ruleIndex = rules.Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "ctem");
            writer.WriteString("version", CliVersion.Current);
            writer.WriteString("informationUri", "https://osv.dev");
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(writer, rule.First(), rule.SelectMany(f => f.FixedVersions).Distinct(StringComparer.Ordinal).ToList());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(writer, finding, ruleIndex[finding.Vulnerability.Id]);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static void WriteRule(Utf8JsonWriter writer, FindingView finding, IReadOnlyList<string> fixedVersions)
    {
        var vulnerability = finding.Vulnerability;
        var summary = vulnerability.Summary ?? vulnerability.Id;
        var fix = fixedVersions.Count == 0 ? "No fixed version is known." : $"Fixed in: {string.Join(", ", fixedVersions)}.";
        var ids = vulnerability.Aliases.Count == 0 ? "" : $" Also known as {string.Join(", ", vulnerability.Aliases)}.";
        writer.WriteStartObject();
        writer.WriteString("id", vulnerability.Id);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", summary);
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", $"{summary}.{ids}");
        writer.WriteEndObject();
        writer.WriteStartObject("help");
        writer.WriteString("text", $"{summary}. {fix} Advisories: {string.Join(", ", vulnerability.AdvisoryIds)}.");
        writer.WriteString("markdown", $"**{summary}**\n\n{fix}\n\nAdvisories: {string.Join(", ", vulnerability.AdvisoryIds.Select(a => $"[{a}](https://osv.dev/vulnerability/{a})"))}");
        writer.WriteEndObject();
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", Level(finding));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteStartArray("tags");
        writer.WriteStringValue("security");
        writer.WriteStringValue("vulnerability");

        // GitHub code scanning's tag convention for CWEs.
        foreach (var cwe in finding.Vulnerability.Cwes)
        {
            writer.WriteStringValue("external/cwe/" + cwe.ToLowerInvariant());
        }

        writer.WriteEndArray();
        if (Score(finding) is { } score)
        {
            writer.WriteString("security-severity", score.Score.ToString("0.0", CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, FindingView finding, int ruleIndex)
    {
        var fixedIn = finding.FixedVersions.Count == 0 ? "no fixed version is known" : $"fixed in {string.Join(", ", finding.FixedVersions)}";
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Vulnerability.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", ResultLevel(finding));
        writer.WriteStartObject("message");
        writer.WriteString("text", $"{finding.Name} {finding.Version} ({finding.Ecosystem}) is affected by {finding.Vulnerability.Id}; {fixedIn}.");
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        if ((finding.Location ?? FileAssetLocation(finding.Purl)) is { } location)
        {
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", location.Path.Replace('\\', '/'));
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", LineOf(location.Pointer));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteStartArray("logicalLocations");
        writer.WriteStartObject();
        writer.WriteString("fullyQualifiedName", finding.Purl);
        writer.WriteString("kind", finding.Purl.StartsWith("pkg:", StringComparison.Ordinal) ? "package" : "resource");
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        if (finding.Risk is { } risk)
        {
            writer.WriteStartObject("properties");
            writer.WriteString("priority", JsonOutput.Name(risk.Priority));
            writer.WriteNumber("riskScore", risk.Score);
            writer.WriteString("ssvc", CisaSsvc.NameOf(risk.Ssvc));
            writer.WriteEndObject();
        }

        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("ctemFinding/v1", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Product}|{finding.Purl}|{finding.Vulnerability.Id}")))[..32]);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // An ingested code finding's asset is its file ("file:src/app.py#line 12"): that is where the result sits.
    private static Core.Model.SourceLocation? FileAssetLocation(string asset)
    {
        if (!asset.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = asset.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? new(asset[5..], null) : new(asset[5..hash], asset[(hash + 1)..]);
    }

    // Formats that give lines ("line 12", "12:3") place the result; JSON pointers do not name a line.
    private static int LineOf(string? pointer)
    {
        var text = pointer?.StartsWith("line ", StringComparison.Ordinal) == true ? pointer[5..] : pointer?.Split(':')[0];
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line > 0 ? line : 1;
    }

    private static CvssScore? Score(FindingView finding) =>
        finding.Vulnerability.Cvss is { } vector && Cvss.Parse(vector) is { Success: true, Value: var score } ? score : null;

    // A result's level follows its priority in this product; the rule's default level follows CVSS, as it is shared by products.
    private static string ResultLevel(FindingView finding) => finding.Risk?.Priority switch
    {
        Priority.Critical or Priority.High => "error",
        Priority.Medium => "warning",
        Priority.Low => "note",
        _ => Level(finding),
    };

    private static string Level(FindingView finding) => Score(finding)?.Severity switch
    {
        CvssSeverity.Critical or CvssSeverity.High => "error",
        CvssSeverity.Low or CvssSeverity.None => "note",
        _ => finding.Exploitation?.Kev is not null ? "error" : "warning",
    };
}
