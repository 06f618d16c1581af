using System.Globalization;
using System.Text.Json;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Plugins.Reports.Sarif.Packages;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>The findings of one SARIF run.</summary>
internal sealed class SarifRunReader(string path, JsonElement run, JsonElement tool, string runPointer, List<Diagnostic> diagnostics)
{
    private const string ScannedRoot = ".";

    private readonly SarifRules rules = new(tool);
    private readonly SarifArtifacts artifacts = new(run);
    private readonly JsonElement? globalMessages = ReportJson.Object(tool, "driver") is { } driver ? ReportJson.Object(driver, "globalMessageStrings") : null;
    private readonly string toolName = ReportJson.Object(tool, "driver") is { } named ? ReportJson.String(named, "name") ?? "" : "";
    private readonly List<string> targets = ReportJson.Object(run, "properties") is { } properties
        ? [.. ReportJson.Strings(properties, "imageName"), .. ReportJson.Strings(properties, "repoTags")]
        : [];

    public IEnumerable<ReportedFinding> Findings()
    {
        var index = -1;
        foreach (var result in ReportJson.Array(run, "results"))
        {
            index++;
            var pointer = $"{runPointer}/results/{index.ToString(CultureInfo.InvariantCulture)}";
            if (result.ValueKind != JsonValueKind.Object)
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a result is not an object; skipped", pointer));
                continue;
            }

            if (ReportJson.String(result, "kind") is "pass" or "notApplicable")
            {
                continue;
            }

            if (Read(result, pointer) is { } finding)
            {
                yield return finding;
            }
        }
    }

    private ReportedFinding? Read(JsonElement result, string pointer)
    {
        var ruleId = ReportJson.String(result, "ruleId") ?? (ReportJson.Object(result, "rule") is { } reference ? ReportJson.String(reference, "id") : null);
        var rule = rules.Find(result, ruleId);
        ruleId ??= rule is { } r ? ReportJson.String(r, "id") : null;
        var message = MessageOf(result, rule);
        if (ruleId is null && message is null)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.RecordSkipped, path, "a result has neither a rule nor a message; skipped", pointer));
            return null;
        }

        var ruleProperties = rule is { } withProperties ? ReportJson.Object(withProperties, "properties") : null;
        var resultProperties = ReportJson.Object(result, "properties");
        var shortDescription = SarifJson.Text(rule, "shortDescription");
        var title = shortDescription ?? FirstLine(message) ?? (rule is { } named ? ReportJson.String(named, "name") : null) ?? ruleId!;
        var (asset, location, identity) = AssetOf(result, rule, ruleProperties, resultProperties, message, pointer);
        return new ReportedFinding(
            asset,
            SarifTaxonomy.VulnerabilityIds(ruleId, rule, ruleProperties, resultProperties),
            ruleId,
            title,
            SarifTaxonomy.Severity(result, rule, ruleProperties, resultProperties),
            location)
        {
            Cwes = SarifTaxonomy.Cwes(rule, ruleProperties, resultProperties),
            CvssVector = SarifTaxonomy.CvssVector(ruleProperties, resultProperties),
            FixedVersions = SarifTaxonomy.FixedVersions(message, SarifJson.Text(rule, "help")),
            Description = shortDescription is not null && message is not null ? message : SarifJson.Text(rule, "fullDescription") ?? message,
            ToolFingerprint = Fingerprint(result),
            ReportPointer = pointer,
            Identity = identity,
        };
    }

    private (ReportedAsset Asset, SourceLocation? Location, IdentityDerivation? Identity) AssetOf(
        JsonElement result, JsonElement? rule, JsonElement? ruleProperties, JsonElement? resultProperties, string? message, string pointer)
    {
        var first = ReportJson.Array(result, "locations").FirstOrDefault();
        var physical = ReportJson.Object(first, "physicalLocation");
        var file = physical is { } p && ReportJson.Object(p, "artifactLocation") is { } artifactLocation ? artifacts.PathOf(artifactLocation) : null;
        var line = physical is { } withRegion && ReportJson.Object(withRegion, "region") is { } region && SarifJson.Int(region, "startLine") is { } start
            ? "line " + start.ToString(CultureInfo.InvariantCulture)
            : null;

        if ((OnlyPurl(resultProperties, pointer) ?? OnlyPurl(ruleProperties, pointer)) is { } purl)
        {
            return (ReportedAsset.Package(purl), file is null ? null : new SourceLocation(file, line), null);
        }

        var facts = new SarifResultFacts(
            ReportJson.String(result, "ruleId") ?? (rule is { } r ? ReportJson.String(r, "id") : null),
            rule is { } n ? ReportJson.String(n, "name") : null,
            message,
            SarifJson.Text(rule, "help"),
            SarifJson.Text(rule, "fullDescription"),
            file,
            SarifJson.Text(first, "message"),
            ruleProperties,
            targets);
        if (SarifPackageConventions.PackageOf(toolName, facts) is { } package)
        {
            return (package.Asset, file is null ? null : new SourceLocation(file, line), package.Identity);
        }

        if (file is not null)
        {
            return (ReportedAsset.File(file), line is null ? null : new SourceLocation(file, line), null);
        }

        var logical = ReportJson.Array(first, "logicalLocations").FirstOrDefault();
        var logicalName = ReportJson.String(logical, "fullyQualifiedName") ?? ReportJson.String(logical, "name");
        if (logicalName is not null && logicalName.StartsWith("pkg:", StringComparison.Ordinal) && PackageUrl.Parse(logicalName) is { Success: true } logicalPurl)
        {
            return (ReportedAsset.Package(logicalPurl.Value), null, null);
        }

        var whole = (ReportJson.Object(result, "analysisTarget") is { } target ? artifacts.PathOf(target) : null) ?? artifacts.OnlyArtifact ?? ScannedRoot;
        return (ReportedAsset.File(whole), logicalName is null ? null : new SourceLocation(whole, logicalName), null);
    }

    // Only one purl names the package unambiguously; Grype lists the matched package's purl on each rule.
    private PackageUrl? OnlyPurl(JsonElement? properties, string pointer)
    {
        var purls = ReportJson.Strings(properties, "purls").Concat(ReportJson.Strings(properties, "purl")).Distinct(StringComparer.Ordinal).ToList();
        if (purls.Count != 1)
        {
            return null;
        }

        var parsed = PackageUrl.Parse(purls[0]);
        if (!parsed.Success)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.InvalidPurl, path, $"'{purls[0]}': {parsed.Error}; the finding is on its file instead", pointer));
            return null;
        }

        return parsed.Value;
    }

    private string? MessageOf(JsonElement result, JsonElement? rule)
    {
        if (ReportJson.Object(result, "message") is not { } message)
        {
            return null;
        }

        if (ReportJson.String(message, "text") is { Length: > 0 } text)
        {
            // A plain-text message may carry placeholders and escaped braces too (SARIF 2.1.0 §3.11.5).
            return SarifMessageTemplate.Expand(text, Arguments(message));
        }

        // A message by id is a template from the rule (or the driver) with {0}-style arguments.
        if (ReportJson.String(message, "id") is not { } id)
        {
            return null;
        }

        var template = (rule is { } r && ReportJson.Object(r, "messageStrings") is { } strings ? SarifJson.Text(strings, id) : null)
            ?? SarifJson.Text(globalMessages, id);
        if (template is null)
        {
            return null;
        }

        return SarifMessageTemplate.Expand(template, Arguments(message));
    }

    private static List<string> Arguments(JsonElement message) =>
        ReportJson.Array(message, "arguments").Select(a => a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText()).ToList();

    private static string? FirstLine(string? text)
    {
        var line = text?.Split('\n', 2)[0].Trim();
        return string.IsNullOrEmpty(line) ? null : line;
    }

    // partialFingerprints are the stable ones GitHub code scanning keys on; fingerprints are the fallback.
    private static string? Fingerprint(JsonElement result)
    {
        foreach (var name in new[] { "partialFingerprints", "fingerprints" })
        {
            if (ReportJson.Object(result, name) is not { } bag)
            {
                continue;
            }

            foreach (var property in bag.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                var value = property.Value.ValueKind == JsonValueKind.Object ? ReportJson.String(property.Value, "value") : property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                if (!string.IsNullOrEmpty(value))
                {
                    return value;
                }
            }
        }

        return null;
    }
}
