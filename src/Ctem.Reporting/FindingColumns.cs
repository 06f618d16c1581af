using System.Globalization;
using Ctem.Core.Scoring;

namespace Ctem.Reporting;

/// <summary>The flat columns of a finding, shared by the CSV and Markdown outputs so both say the same.</summary>
public static class FindingColumns
{
    public static readonly string[] Names =
    [
        "product", "purl", "ecosystem", "name", "version", "vulnerability", "aliases", "severity", "cvss_score", "kev_date_added",
        "epss", "fixed_versions", "status", "relation", "scope", "location", "id", "priority", "risk_score", "ssvc", "due_date", "cwes",
    ];

    public static string[] Values(FindingView f)
    {
        var cvss = f.Vulnerability.Cvss is { } vector && Cvss.Parse(vector) is { Success: true, Value: var score } ? score : null;
        return
        [
            f.Product, f.Purl, f.Ecosystem ?? "", f.Name, f.Version ?? "", f.Vulnerability.Id, string.Join(" ", f.Vulnerability.Aliases),
            f.Vulnerability.Severity ?? (cvss is null ? "" : Severities.Name(cvss.Severity)),
            cvss?.Score.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
            f.Exploitation?.Kev?.DateAdded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            f.Exploitation?.Epss?.Score.ToString("0.#####", CultureInfo.InvariantCulture) ?? "",
            string.Join(" ", f.FixedVersions), f.Status, JsonOutput.Name(f.Relation) ?? "", JsonOutput.Name(f.Scope) ?? "",
            f.Location is { } l ? (l.Pointer is null ? l.Path : $"{l.Path}#{l.Pointer}") : "",
            f.Id?.ToString(CultureInfo.InvariantCulture) ?? "",
            f.Risk is { } risk ? JsonOutput.Name(risk.Priority) ?? "" : "",
            f.Risk?.Score.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
            f.Risk is { } decided ? Ctem.Core.Scoring.Ssvc.CisaSsvc.NameOf(decided.Ssvc) : "",
            f.DueAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            string.Join(" ", f.Vulnerability.Cwes),
        ];
    }
}
