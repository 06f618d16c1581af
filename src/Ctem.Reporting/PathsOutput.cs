using System.Globalization;
using System.Text.Json;
using Ctem.Core.Graph;
using Ctem.Engine.Graph;

namespace Ctem.Reporting;

/// <summary>
/// <c>ctem paths</c>: attack paths, choke points and the minimum cut. The JSON's <c>paths[]</c> (<c>from</c>, <c>to</c>,
/// <c>nodes</c>, <c>findings</c>, <c>likelihood</c>) and <c>cut</c> (<c>findings</c>, <c>optimal</c>) are the contract
/// of docs/cli.md; the other fields explain them.
/// </summary>
public static class PathsOutput
{
    /// <summary>How many choke points the outputs list.</summary>
    public const int ChokePointsShown = 10;

    public static void WriteJson(TextWriter output, string product, PathAnalysis analysis, int? top)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("product", product);
            writer.WriteNumber("totalPaths", analysis.Paths.Count);
            writer.WriteBoolean("truncated", analysis.Truncated);
            writer.WriteStartArray("paths");
            foreach (var path in Shown(analysis, top))
            {
                writer.WriteStartObject();
                writer.WriteString("from", path.From);
                writer.WriteString("to", path.To);
                writer.WriteStartArray("nodes");
                foreach (var node in path.Nodes)
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", node.Kind);
                    writer.WriteString("name", node.Name);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                Ids(writer, "findings", path.Findings);
                writer.WriteNumber("likelihood", Math.Round(path.Likelihood, 4));
                writer.WriteStartArray("steps");
                foreach (var step in path.Nodes.Where(n => n.Likelihood is not null))
                {
                    writer.WriteStartObject();
                    writer.WriteString("kind", step.Kind);
                    writer.WriteString("name", step.Name);
                    GraphOutput.WriteStep(writer, step);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("cut");
            Ids(writer, "findings", analysis.Cut.Findings);
            writer.WriteBoolean("optimal", analysis.Cut.Optimal);
            writer.WriteNumber("pathsCut", analysis.Cut.PathsCut);
            writer.WriteNumber("uncuttable", analysis.Cut.Uncuttable);
            writer.WriteString("summary", CutSummary(analysis));
            writer.WriteEndObject();
            writer.WriteStartArray("chokePoints");
            foreach (var choke in analysis.ChokePoints.Take(ChokePointsShown))
            {
                writer.WriteStartObject();
                writer.WriteString("kind", choke.Node.Kind);
                writer.WriteString("name", choke.Node.Name);
                if (choke.Node.FindingId is { } id)
                {
                    writer.WriteNumber("finding", id);
                }

                writer.WriteNumber("paths", choke.Paths);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static void WriteMarkdown(TextWriter output, string product, PathAnalysis analysis, int? top)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(analysis);
        output.WriteLine($"### Ctem paths: {MarkdownText.Escape(product)}: {CutSummary(analysis)}");
        if (analysis.Paths.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("| # | From | To | Likelihood | Path | Findings |");
        output.WriteLine("|---:|---|---|---:|---|---|");
        foreach (var (path, rank) in Shown(analysis, top).Select((p, i) => (p, i + 1)))
        {
            output.WriteLine(
                $"| {rank} | {MarkdownText.Escape(path.From)} | {MarkdownText.Escape(path.To)} | {Likelihood(path.Likelihood)} | "
                + $"{MarkdownText.Escape(Trail(path))} | {string.Join(", ", path.Findings.Select(Id))} |");
        }

        output.WriteLine();
        output.WriteLine("#### Choke points");
        output.WriteLine();
        output.WriteLine("| Node | Kind | Paths |");
        output.WriteLine("|---|---|---:|");
        foreach (var choke in analysis.ChokePoints.Take(ChokePointsShown))
        {
            output.WriteLine($"| {MarkdownText.Escape(Label(choke.Node))} | {choke.Node.Kind} | {choke.Paths} |");
        }
    }

    /// <summary>"fix these 3 findings to cut all 41 paths to customer-db (optimal)", or why there is nothing to cut.</summary>
    public static string CutSummary(PathAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Paths.Count == 0)
        {
            return "no attack path reaches a crown jewel";
        }

        var targets = analysis.Paths.Select(p => p.To).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cut = analysis.Cut;
        var fix = cut.Findings.Count == 1 ? "this finding" : $"these {cut.Findings.Count} findings";
        var all = cut.Uncuttable == 0 ? $"all {Count(analysis.Paths.Count)}" : $"{Count(cut.PathsCut)} of the {Count(analysis.Paths.Count)}";
        var optimal = cut.Optimal
            ? "a minimum cut: no smaller set does"
            : $"{cut.Uncuttable} path(s) go through no finding and cannot be cut by a fix";
        return $"fix {fix} ({string.Join(", ", cut.Findings.Select(Id))}) to cut {all} path(s) to {string.Join(", ", targets)}{(analysis.Truncated ? " (paths counted up to the limit)" : "")}; {optimal}";
    }

    public static IEnumerable<AttackPath> Shown(PathAnalysis analysis, int? top)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return top is { } k ? analysis.Paths.Take(k) : analysis.Paths;
    }

    /// <summary>The path as one line: <c>internet → CVE-… → shop/web → orders-db</c>.</summary>
    public static string Trail(AttackPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return string.Join(" → ", path.Nodes.Select(Label));
    }

    public static string Label(GraphNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.FindingId is { } id ? $"{node.Name} (#{id})" : node.Name;
    }

    public static string Likelihood(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Id(long id) => "#" + id.ToString(CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static void Ids(Utf8JsonWriter writer, string name, IEnumerable<long> ids)
    {
        writer.WriteStartArray(name);
        foreach (var id in ids)
        {
            writer.WriteNumberValue(id);
        }

        writer.WriteEndArray();
    }
}
