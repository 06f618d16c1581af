using System.Globalization;
using System.Text.Json;
using Ctem.Core.Stores;
using Ctem.Engine.Validation;
using Ctem.Engine.Validation.Checks;
using Ctem.Reporting;
using Spectre.Console;

namespace Ctem.Cli.Rendering;

/// <summary><c>ctem validate</c>: the plan (<c>--dry-run</c>) or every check's outcome per target and the evidence stored, as a table or JSON.</summary>
public static class ValidateOutput
{
    private static readonly IReadOnlyList<LineTableColumn<PlannedCheck>> PlanColumns =
    [
        new("Product", Rank: 3, MinWidth: 8, PreferredWidth: 14, p => p.Product),
        new("Check", Rank: 1, MinWidth: 10, PreferredWidth: 22, p => p.Check.Id) { Required = true },
        new("Findings", Rank: 4, MinWidth: 8, PreferredWidth: 16, p => p.Findings.Count == 0 ? "(forced)" : string.Join(",", p.Findings.Select(f => f.Id.ToString(CultureInfo.InvariantCulture)))),
        new("Targets", Rank: 2, MinWidth: 14, PreferredWidth: 40, p => string.Join(" ", p.Targets.Select(t => t.Text))) { Required = true, CutAt = CutAt.Middle },
    ];

    private static readonly IReadOnlyList<LineTableColumn<CheckResult>> ResultColumns =
    [
        new("Check", Rank: 1, MinWidth: 10, PreferredWidth: 22, r => r.Check.Id) { Required = true },
        new("Target", Rank: 2, MinWidth: 14, PreferredWidth: 28, r => r.Target.Text) { Required = true, CutAt = CutAt.Middle },
        new("Outcome", Rank: 1, MinWidth: 9, PreferredWidth: 14, r => ValidationOutcomes.Name(r.Outcome)) { Required = true },
        new("Detail", Rank: 3, MinWidth: 10, PreferredWidth: 60, r => r.Detail),
    ];

    public static void WriteTable(TextWriter output, IAnsiConsole console, ValidationReport report, ValidationRequest request)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var targets = report.Plan.SelectMany(p => p.Targets.Select(t => (p.Check.Id, t.Text))).Distinct().Count();
        if (report.DryRun && report.Plan.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dry run: would run {report.Plan.Count} check(s) against {targets} target(s), at most {request.Rate} new connection(s)/s, {request.Timeout.TotalSeconds:0.###}s a connection, {request.Budget.TotalSeconds:0.###}s in all; nothing contacted, nothing stored."));
            LineTable.Write(console, report.Plan, PlanColumns);
        }
        else if (report.Plan.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Results.Count} check run(s) of {report.Plan.Count} check(s) on {targets} target(s): {Count(report, ValidationOutcome.Validated)} validated, {Count(report, ValidationOutcome.NotReproduced)} not reproduced, {Count(report, ValidationOutcome.Error)} error(s); {report.Connections} connection(s){(report.BudgetExhausted ? "; the time budget ran out before every check ran" : "")}."));
            if (report.Results.Count > 0)
            {
                LineTable.Write(console, report.Results, ResultColumns);
            }

            foreach (var evidence in report.Evidence)
            {
                output.WriteLine($"Finding {evidence.FindingId} ({evidence.Product}): {ValidationOutcomes.Name(evidence.Outcome)} by {evidence.CheckId} on {evidence.Target}{(evidence.Retest ? " (retest)" : "")}.");
            }

            if (report.Evidence.Any(e => e.Retest && e.Outcome == ValidationOutcome.NotReproduced))
            {
                output.WriteLine("A retest that does not reproduce the exposure leaves the finding open: its sources still report it. 'ctem vex suggest' proposes not_affected with this evidence.");
            }
        }

        foreach (var refused in report.Refused)
        {
            output.WriteLine("Not contacted: " + refused);
        }
    }

    public static void WriteJson(TextWriter output, ValidationReport report) =>
        JsonOutput.Write(output, writer =>
        {
            ArgumentNullException.ThrowIfNull(report);
            writer.WriteStartObject();
            writer.WriteString("status", report.Status.ToString().ToLowerInvariant());
            writer.WriteBoolean("dryRun", report.DryRun);
            writer.WriteNumber("checksLoaded", report.ChecksLoaded);
            writer.WriteStartArray("plan");
            foreach (var planned in report.Plan)
            {
                writer.WriteStartObject();
                writer.WriteString("product", planned.Product);
                writer.WriteString("check", planned.Check.Id);
                writer.WriteString("name", planned.Check.Name);
                writer.WriteString("protocol", planned.Check.Protocol.ToString().ToLowerInvariant());
                writer.WriteString("file", planned.Check.File);
                Strings(writer, "validates", planned.Check.Validates);
                writer.WriteStartArray("findings");
                planned.Findings.Select(f => f.Id).ToList().ForEach(writer.WriteNumberValue);
                writer.WriteEndArray();
                Strings(writer, "targets", planned.Targets.Select(t => t.Text));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("results");
            foreach (var result in report.Results)
            {
                writer.WriteStartObject();
                writer.WriteString("check", result.Check.Id);
                writer.WriteString("target", result.Target.Text);
                writer.WriteString("outcome", ValidationOutcomes.Name(result.Outcome));
                writer.WriteString("detail", result.Detail);
                writer.WriteString("excerpt", result.Excerpt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("evidence");
            foreach (var evidence in report.Evidence)
            {
                WriteEvidence(writer, evidence);
            }

            writer.WriteEndArray();
            Strings(writer, "refused", report.Refused);
            writer.WriteNumber("connections", report.Connections);
            writer.WriteBoolean("budgetExhausted", report.BudgetExhausted);
            writer.WriteEndObject();
        });

    /// <summary>One piece of evidence as JSON: <c>{"id", "finding", "product", "check", "outcome", "at", "target", "detail", "excerpt", "retest"}</c>.</summary>
    public static void WriteEvidence(Utf8JsonWriter writer, ValidationEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evidence);
        writer.WriteStartObject();
        writer.WriteNumber("id", evidence.Id);
        writer.WriteNumber("finding", evidence.FindingId);
        writer.WriteString("product", evidence.Product);
        writer.WriteString("check", evidence.CheckId);
        writer.WriteString("outcome", ValidationOutcomes.Name(evidence.Outcome));
        writer.WriteString("at", evidence.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        writer.WriteString("target", evidence.Target);
        writer.WriteString("detail", evidence.Detail);
        writer.WriteString("excerpt", evidence.Excerpt);
        writer.WriteBoolean("retest", evidence.Retest);
        writer.WriteEndObject();
    }

    private static int Count(ValidationReport report, ValidationOutcome outcome) => report.Results.Count(r => r.Outcome == outcome);

    private static void Strings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
