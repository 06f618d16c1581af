using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoring.Risk;
using Ctem.Core.Scoring.Ssvc;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem findings --explain</c>: why a finding has its priority, factor by factor, with where each fact comes from.</summary>
public static class RiskExplanation
{
    /// <param name="runs">The product's runs: the report formats each source's runs read are named with it.</param>
    public static void Write(IAnsiConsole console, FindingView finding, IReadOnlyList<Core.Model.FindingSource> sources, IReadOnlyList<Core.Stores.RunSummary>? runs = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(finding);
        var names = finding.Vulnerability.Aliases.Count == 0 ? "" : $" ({string.Join(", ", finding.Vulnerability.Aliases)})";
        console.WriteLine($"Finding {finding.Id}: {finding.Vulnerability.Id}{names} in {finding.Name} {finding.Version} ({finding.Purl})");
        console.WriteLine($"Product {finding.Product}; {finding.Status} since {Day(finding.FirstSeenAt)}, last seen {Day(finding.LastSeenAt)}; sources: {string.Join(", ", finding.Sources)}");
        WriteSources(console, finding, sources, runs ?? []);
        if (finding.Identity is { } identity)
        {
            console.WriteLine($"Package identity {IdentityDerivation.Word(identity.Confidence)}: read from {identity.DerivedFrom}; no source gave a purl or package fields.");
        }

        console.WriteLine(finding.Owner is { } owner ? $"Owner: {owner} ({finding.OwnerSource})" : "Owner: none (no owner rule in the scope file names one)");
        if (finding.Acceptance is { } accepted)
        {
            console.WriteLine($"Risk accepted by {accepted.By} on {Day(accepted.At)} until {Day(accepted.Until)}: {accepted.Reason}. Out of the open list and --fail-on until then.");
        }

        if (finding.Suspect is { } suspect)
        {
            console.WriteLine($"Suspect: {suspect}. Kept and listed, ranked down (the suspect factor below).");
        }

        if (finding.Risk is not { } risk)
        {
            console.WriteLine("Not assessed yet: it was stored before risk scoring; the next scan of its product assesses it.");
            return;
        }

        console.WriteLine($"Priority {JsonOutput.Name(risk.Priority)}: risk score {Number(risk.Score, "0.0")} of 100; SLA {risk.SlaDays} days, due {Day(finding.DueAt)}{(finding.Due?.Basis == DueDateBasis.Kev ? " (CISA KEV due date, earlier than the SLA's)" : "")}");
        console.WriteLine($"SSVC decision: {CisaSsvc.NameOf(risk.Ssvc)}; assessed {risk.AssessedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Factor")
            .AddColumn("Value")
            .AddColumn(new TableColumn("Level").RightAligned())
            .AddColumn(new TableColumn("Weight").RightAligned())
            .AddColumn(new TableColumn("Points").RightAligned())
            .AddColumn("Source");
        foreach (var factor in risk.Factors)
        {
            // The scope, confidence and suspect factors multiply the sum instead of adding to it.
            var multiplier = RiskModel.Multipliers.Contains(factor.Name);
            var weight = multiplier ? "×" + Number(factor.Level, "0.00") : Number(factor.Weight, "0.00");
            table.AddRow(
                Markup.Escape(factor.Name),
                Markup.Escape(factor.Value),
                multiplier ? "" : Number(factor.Level, "0.00"),
                weight,
                Number(factor.Contribution, "+0.00;-0.00;0.00"),
                Markup.Escape(factor.Source));
        }

        var formula = "score = 100 × Σ(weight × level) / Σ weight, × scope × confidence" + (risk.Factors.Any(f => f.Name == "suspect") ? " × suspect" : "");
        table.AddRow("total", "", "", "", Number(risk.Score, "0.0"), formula);
        console.Write(table);
    }

    /// <summary>Who reports the finding and under which names: why several tools' results are this one finding.</summary>
    private static void WriteSources(IAnsiConsole console, FindingView finding, IReadOnlyList<Core.Model.FindingSource> sources, IReadOnlyList<Core.Stores.RunSummary> runs)
    {
        foreach (var source in sources)
        {
            var names = source.ReportedAs.Count == 0 ? "" : $" as {string.Join(", ", source.ReportedAs)}";
            var state = source.Active ? $"reporting it since run {source.FirstRunId}" : $"stopped reporting it after run {source.LastRunId}";
            var who = source.Source == source.Tool ? source.Tool : $"'{source.Source}' ({source.Tool})";
            console.WriteLine($"  source {who}{names}{Formats(source, runs)}: {state}");
        }

        if (sources.Count(s => s.Active) > 1)
        {
            var names = finding.Vulnerability.Aliases.Prepend(finding.Vulnerability.Id);
            console.WriteLine($"  Merged: the sources name the same vulnerability (one alias group: {string.Join(", ", names)}) on the same {AssetWord(finding.Purl)} {finding.Purl}.");
        }
    }

    // Several formats of one tool's scan (Trivy's JSON and SARIF) are one source: the formats say which reports it read.
    private static string Formats(Core.Model.FindingSource source, IReadOnlyList<Core.Stores.RunSummary> runs)
    {
        var formats = runs
            .Where(r => r.Source == source.Source && r.Tool == source.Tool && r.Id >= source.FirstRunId && r.Id <= source.LastRunId && r.Kind == Core.Stores.RunKind.Ingest)
            .SelectMany(r => r.Inputs.Select(i => i.Format))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return formats.Count == 0 ? "" : $" in {string.Join(", ", formats)}";
    }

    private static string AssetWord(string coordinates) =>
        coordinates.StartsWith("pkg:", StringComparison.Ordinal) ? "package"
        : coordinates.StartsWith("file:", StringComparison.Ordinal) ? "file location"
        : coordinates.StartsWith("http", StringComparison.Ordinal) ? "URL"
        : coordinates.Contains("://", StringComparison.Ordinal) ? "endpoint"
        : "asset";

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
