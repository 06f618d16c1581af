using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ctem.Core.Model;
using Ctem.Core.Scoring;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Reporting;

/// <summary>
/// Findings as SARIF 2.1.0 that GitHub code scanning accepts: one rule per vulnerability with help naming the fixed
/// versions, one result per finding at the manifest, lockfile or SBOM that declares the component (relative to the
/// scan's root, on its line where the format gives one), a <c>security-severity</c> from CVSS, and stable fingerprints
/// so re-uploads update rather than duplicate alerts. Runs stay within GitHub's limits (<see cref="SarifLimits"/>).
/// </summary>
public static class SarifOutput
{
    /// <summary>Writes the document; returns how many findings were left out to keep the run within GitHub's limits.</summary>
    public static int Write(TextWriter output, IReadOnlyList<FindingView> findings)
    {
        // Findings come most urgent first: past the limit, the least urgent are the ones left out.
        var kept = findings.Take(SarifLimits.ResultsPerRun).ToList();
        var omitted = findings.Count - kept.Count;
        JsonOutput.Write(output, writer =>
        {
            var rules = kept.GroupBy(f => f.Vulnerability.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            var ruleIndex = rules.Select((g, i) => (g.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
            var places = kept.Select(f => (f, Place: PlaceOf(f))).ToList();
            var baseIds = new SarifPlaces(places.Select(p => p.Place));
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "ctem");
            writer.WriteString("version", ToolVersion.Current);
            writer.WriteString("informationUri", "https://osv.dev");
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(writer, rule.First(), rule.SelectMany(f => f.FixedVersions).Distinct(StringComparer.Ordinal).ToList());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            baseIds.WriteBaseIds(writer);
            WriteInvocation(writer, omitted);
            writer.WriteStartArray("results");
            foreach (var (finding, place) in places)
            {
                WriteResult(writer, finding, ruleIndex[finding.Vulnerability.Id], place, baseIds);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return omitted;
    }

    // Says in the document itself that results were left out, where a reader of the upload will look.
    private static void WriteInvocation(Utf8JsonWriter writer, int omitted)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", true);
        if (omitted > 0)
        {
            writer.WriteStartArray("toolExecutionNotifications");
            writer.WriteStartObject();
            writer.WriteString("level", "warning");
            writer.WriteStartObject("message");
            writer.WriteString("text", OmittedNote(omitted));
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    public static string OmittedNote(int omitted) =>
        $"{omitted} finding(s) left out: GitHub code scanning accepts at most {SarifLimits.ResultsPerRun:N0} results per run; the most urgent are listed";

    private static void WriteRule(Utf8JsonWriter writer, FindingView finding, IReadOnlyList<string> fixedVersions)
    {
        var vulnerability = finding.Vulnerability;
        var summary = string.IsNullOrWhiteSpace(vulnerability.Summary) ? vulnerability.Id : vulnerability.Summary.Trim();
        var fix = fixedVersions.Count == 0 ? "No fixed version is known." : $"Fixed in: {string.Join(", ", fixedVersions)}.";
        var ids = vulnerability.Aliases.Count == 0 ? "" : $" Also known as {string.Join(", ", vulnerability.Aliases)}.";
        writer.WriteStartObject();
        writer.WriteString("id", vulnerability.Id);
        writer.WriteStartObject("shortDescription");
        writer.WriteString("text", Bounded(summary));
        writer.WriteEndObject();
        writer.WriteStartObject("fullDescription");
        writer.WriteString("text", Bounded($"{summary}.{ids}"));
        writer.WriteEndObject();
        writer.WriteStartObject("help");
        writer.WriteString("text", $"{summary}. {fix} Advisories: {string.Join(", ", vulnerability.AdvisoryIds)}.");
        writer.WriteString("markdown", $"**{summary}**\n\n{fix}\n\nAdvisories: {string.Join(", ", vulnerability.AdvisoryIds.Select(a => $"[{a}](https://osv.dev/vulnerability/{a})"))}");
        writer.WriteEndObject();
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", Level(finding));
        writer.WriteEndObject();
        writer.WriteStartObject("properties");

        // GitHub code scanning's tag convention for CWEs; it keeps the first ten tags.
        var tags = new[] { "security", "vulnerability" }.Concat(finding.Vulnerability.Cwes.Select(cwe => "external/cwe/" + cwe.ToLowerInvariant()));
        JsonOutput.WriteStrings(writer, "tags", tags.Take(SarifLimits.TagsPerRule));
        if (Score(finding) is { } score)
        {
            writer.WriteString("security-severity", score.Score.ToString("0.0", CultureInfo.InvariantCulture));
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter writer, FindingView finding, int ruleIndex, FilePlace? place, SarifPlaces places)
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
        if (place is not null)
        {
            places.WritePhysicalLocation(writer, place);
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

        // Code scanning matches alerts across uploads by primaryLocationLineHash alone; this one names the exposure, not
        // the line's text, so an alert survives edits around the line. ctemFinding/v1 is the same identity, for other readers.
        var identity = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{finding.Product}|{finding.Purl}|{finding.Vulnerability.Id}")));
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("primaryLocationLineHash", identity[..16] + ":1");
        writer.WriteString("ctemFinding/v1", identity[..32]);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // Findings stored before places were kept: an ingested code finding's asset still names its file and line.
    private static FilePlace? PlaceOf(FindingView finding) => finding.Place ?? FileAssetPlace(finding.Purl);

    private static string Bounded(string text) =>
        text.Length <= SarifLimits.DescriptionChars ? text : string.Concat(text.AsSpan(0, SarifLimits.DescriptionChars - 1), "…");

    private static FilePlace? FileAssetPlace(string asset)
    {
        if (!asset.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = asset.IndexOf('#', StringComparison.Ordinal);
        return hash < 0
            ? new FilePlace(null, asset[5..], null)
            : new FilePlace(null, asset[5..hash], new SourceLocation(asset[5..hash], asset[(hash + 1)..]).Line);
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
