using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ctem.Plugins.Reports.Sarif;

/// <summary>What a result's rule says about the weakness: vulnerability ids, CWEs, CVSS vector and severity.</summary>
internal static partial class SarifTaxonomy
{
    /// <summary>
    /// CVE, GHSA and OSV ids in the rule id and name (Grype writes "CVE-…-package", Black Duck "BDSA-… (CVE-…)") and
    /// property values that are exactly an id (tags).
    /// </summary>
    public static List<string> VulnerabilityIds(string? ruleId, JsonElement? rule, JsonElement? ruleProperties, JsonElement? resultProperties)
    {
        var ids = new List<string>();
        string?[] texts = [ruleId, rule is { } r ? ReportJson.String(r, "id") : null, rule is { } n ? ReportJson.String(n, "name") : null];
        foreach (var text in texts.OfType<string>())
        {
            ids.AddRange(VulnerabilityId().Matches(text).Select(m => Canonical(m.Value)));
        }

        foreach (var value in SarifJson.AllStrings(ruleProperties).Concat(SarifJson.AllStrings(resultProperties)))
        {
            if (VulnerabilityId().Match(value.Trim()) is { Success: true } match && match.Length == value.Trim().Length)
            {
                ids.Add(Canonical(match.Value));
            }
        }

        return [.. ids.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>CWEs from tags ("CWE-79", "external/cwe/cwe-079"), <c>cwe</c> properties ("CWE-532 Insertion …") and CWE relationships.</summary>
    public static List<string> Cwes(JsonElement? rule, JsonElement? ruleProperties, JsonElement? resultProperties)
    {
        var texts = new List<string>();
        foreach (var bag in new[] { ruleProperties, resultProperties })
        {
            texts.AddRange(ReportJson.Strings(bag, "tags"));
            texts.AddRange(ReportJson.Strings(bag, "cwe"));
        }

        if (rule is { } r)
        {
            foreach (var relationship in ReportJson.Array(r, "relationships"))
            {
                if (ReportJson.Object(relationship, "target") is { } target && ReportJson.Object(target, "toolComponent") is { } component
                    && string.Equals(ReportJson.String(component, "name"), "CWE", StringComparison.OrdinalIgnoreCase)
                    && ReportJson.String(target, "id") is { } id)
                {
                    texts.Add(id.StartsWith("CWE", StringComparison.OrdinalIgnoreCase) ? id : "CWE-" + id);
                }
            }
        }

        return [.. texts
            .Select(t => CweTag().Match(t.Trim()))
            .Where(m => m.Success)
            .Select(m => "CWE-" + int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A CVSS v4 vector in the properties, else a v3 one.</summary>
    public static string? CvssVector(JsonElement? ruleProperties, JsonElement? resultProperties)
    {
        var values = SarifJson.AllStrings(resultProperties).Concat(SarifJson.AllStrings(ruleProperties)).ToList();
        return values.FirstOrDefault(v => v.StartsWith("CVSS:4", StringComparison.Ordinal))
            ?? values.FirstOrDefault(v => v.StartsWith("CVSS:3", StringComparison.Ordinal));
    }

    /// <summary>
    /// <c>security-severity</c> (a score, or a word as Semgrep writes it) overrides the level; without either, SARIF's
    /// default level is <c>warning</c> for a failing result.
    /// </summary>
    public static string? Severity(JsonElement result, JsonElement? rule, JsonElement? ruleProperties, JsonElement? resultProperties)
    {
        var securitySeverity = SarifJson.Scalar(resultProperties, "security-severity") ?? SarifJson.Scalar(ruleProperties, "security-severity");
        if (securitySeverity is not null)
        {
            if (double.TryParse(securitySeverity, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                return ReportSeverity.FromCvssScore(score);
            }

            if (ReportSeverity.Normalize(securitySeverity) is { } word)
            {
                return word;
            }
        }

        var level = ReportJson.String(result, "level")
            ?? (rule is { } r && ReportJson.Object(r, "defaultConfiguration") is { } configuration ? ReportJson.String(configuration, "level") : null)
            ?? "warning";
        return ReportSeverity.Normalize(level);
    }

    /// <summary>"Fixed Version: 1.1.1d-r0" (Trivy's message) or "Fix Version: 1.2.1,2.1.3" (Grype's rule help).</summary>
    public static List<string> FixedVersions(string? message, string? help)
    {
        foreach (var text in new[] { message, help })
        {
            if (text is not null && FixedVersionLine().Match(text) is { Success: true } match)
            {
                return [.. match.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            }
        }

        return [];
    }

    private static string Canonical(string id) =>
        id.StartsWith("GHSA-", StringComparison.OrdinalIgnoreCase) ? "GHSA-" + id[5..].ToLowerInvariant() : id.ToUpperInvariant();

    [GeneratedRegex(@"\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[23456789cfghjmpqrvwx]{4}){3}|(?:PYSEC|RUSTSEC|GO|OSV|GSD)-\d{4}-[0-9A-Za-z]+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VulnerabilityId();

    [GeneratedRegex(@"^Fix(?:ed)? Version: *([^\r\n]*)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FixedVersionLine();

    [GeneratedRegex(@"^(?:external/cwe/)?cwe[-_: ]?0*(\d{1,6})(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CweTag();
}
