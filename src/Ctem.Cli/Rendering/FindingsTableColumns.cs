using System.Globalization;
using Ctem.Core.Scoring;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary>
/// The columns of the findings table, in the order they are shown. A new column is one more entry here: its rank
/// decides when it drops out of a narrow terminal, its minimum how far it may be cut before that.
/// </summary>
public static class FindingsTableColumns
{
    public static readonly IReadOnlyList<LineTableColumn<FindingView>> All =
    [
        new("ID", Rank: 1, MinWidth: 10, PreferredWidth: 10, f => f.Id?.ToString(CultureInfo.InvariantCulture) ?? "")
        {
            Required = true, Alignment = Justify.Right,
        },
        new("Priority", Rank: 2, MinWidth: 13, PreferredWidth: 13, f => f.Risk is { } risk ? $"{JsonOutput.Name(risk.Priority)} {Score(risk.Score)}" : "")
        {
            Required = true,
        },
        // Only under --status all or resolved: why a finding is not open (answered by VEX, accepted, resolved).
        new("State", Rank: 6, MinWidth: 8, PreferredWidth: 14, StateOf) { CutAt = CutAt.End },
        new("Product", Rank: 9, MinWidth: 10, PreferredWidth: 24, f => f.Product)
        {
            CutAt = CutAt.Middle, ShownFor = findings => findings.Select(f => f.Product).Distinct(StringComparer.Ordinal).Skip(1).Any(),
        },

        // Scanner findings on endpoints, URLs and files have no ecosystem: their name is the asset.
        new("Asset", Rank: 4, MinWidth: 16, PreferredWidth: 36, f => f.Ecosystem is null ? f.Name : $"{f.Ecosystem}:{f.Name}")
        {
            Required = true, CutAt = CutAt.Middle, ShownFor = _ => true,
        },
        new("Owner", Rank: 8, MinWidth: 8, PreferredWidth: 16, f => f.Owner ?? "")
        {
            CutAt = CutAt.Middle,
        },
        new("Version", Rank: 7, MinWidth: 7, PreferredWidth: 16, f => f.Version ?? ""),
        new("Vulnerability", Rank: 3, MinWidth: 19, PreferredWidth: 24, f => f.Vulnerability.Id)
        {
            Required = true, CutAt = CutAt.Middle, ShownFor = _ => true,
        },
        new("Also known as", Rank: 14, MinWidth: 13, PreferredWidth: 36, f => Aliases(f.Vulnerability.Aliases)),
        new("Severity", Rank: 10, MinWidth: 8, PreferredWidth: 12, f => SeverityOf(f) ?? ""),
        new("KEV", Rank: 11, MinWidth: 10, PreferredWidth: 10, f => f.Exploitation?.Kev?.DateAdded.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
        new("EPSS", Rank: 12, MinWidth: 7, PreferredWidth: 7, f => f.Exploitation?.Epss is { } epss ? epss.Score.ToString("P1", CultureInfo.InvariantCulture) : "")
        {
            Alignment = Justify.Right,
        },
        new("Fixed in", Rank: 5, MinWidth: 10, PreferredWidth: 20, f => f.FixedVersions.Count == 0 ? "no fix" : string.Join(", ", f.FixedVersions))
        {
            Required = true, ShownFor = _ => true,
        },
        new("Summary", Rank: 13, MinWidth: 20, PreferredWidth: 60, f => f.Vulnerability.Summary ?? ""),
    ];

    private static string StateOf(FindingView finding) =>
        finding.Vex is { State: not Core.Model.VexState.Affected and not Core.Model.VexState.UnderInvestigation } vex ? Core.Model.VexNames.Name(vex.State) ?? ""
        : finding.Acceptance is not null ? "accepted"
        : finding.Status == "resolved" ? "resolved"
        : "";

    private static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    // The advisory database's own label where it gives one, else what its CVSS vector says.
    private static string? SeverityOf(FindingView finding) =>
        finding.Vulnerability.Severity
        ?? (finding.Vulnerability.Cvss is { } vector && Cvss.Parse(vector) is { Success: true, Value: var score }
            ? $"{Severities.Name(score.Severity)} {Score(score.Score)}"
            : null);

    private static string Aliases(IReadOnlyList<string> aliases) =>
        aliases.Count <= 2 ? string.Join(", ", aliases) : $"{aliases[0]}, {aliases[1]} +{aliases.Count - 2}";
}
