using System.Text;
using System.Text.Json;
using Ctem.Core.Graph;

namespace Ctem.Reporting;

/// <summary><c>ctem graph</c>: a product's exposure graph as JSON, Graphviz DOT or a Mermaid flowchart.</summary>
public static class GraphOutput
{
    public const string Dot = "dot";
    public const string Mermaid = "mermaid";

    public static void WriteJson(TextWriter output, StoredGraph stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("product", stored.Graph.Product);
            writer.WriteNumber("runId", stored.RunId);
            writer.WriteString("builtAt", stored.BuiltAt);
            writer.WriteStartArray("nodes");
            foreach (var node in stored.Graph.Nodes)
            {
                writer.WriteStartObject();
                writer.WriteString("key", node.Key);
                writer.WriteString("kind", node.Kind);
                writer.WriteString("name", node.Name);
                writer.WriteString("foundIn", node.FoundIn);
                writer.WriteBoolean("crownJewel", node.CrownJewel);
                WriteStep(writer, node);
                writer.WriteStartObject("facts");
                foreach (var (name, value) in node.Facts.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("edges");
            foreach (var edge in stored.Graph.Edges)
            {
                writer.WriteStartObject();
                writer.WriteString("from", edge.From);
                writer.WriteString("to", edge.To);
                writer.WriteString("kind", edge.Kind);
                writer.WriteString("why", edge.Why);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>The finding, likelihood and reasons of a step node; nothing for other nodes.</summary>
    internal static void WriteStep(Utf8JsonWriter writer, GraphNode node)
    {
        if (node.FindingId is { } id)
        {
            writer.WriteNumber("finding", id);
        }

        if (node.Likelihood is { } likelihood)
        {
            writer.WriteNumber("likelihood", Math.Round(likelihood, 4));
            JsonOutput.WriteStrings(writer, "why", node.Why);
        }
    }

    /// <summary>Graphviz DOT: crown jewels doubled, attack steps solid, descriptive edges dashed; <paramref name="highlight"/> nodes red.</summary>
    public static void WriteDot(TextWriter output, ExposureGraph graph, IReadOnlySet<string>? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(graph);
        output.WriteLine($"digraph {DotId("ctem " + graph.Product)} {{");
        output.WriteLine("  rankdir=LR;");
        output.WriteLine("  node [fontname=\"Helvetica\"];");
        foreach (var node in graph.Nodes)
        {
            var attributes = new List<string> { $"label={DotId($"{node.Kind}: {node.Name}")}", $"shape={Shape(node.Kind)}" };
            if (node.CrownJewel)
            {
                attributes.Add("peripheries=2");
            }

            if (highlight?.Contains(node.Key) == true)
            {
                attributes.Add("color=red");
            }

            output.WriteLine($"  {DotId(node.Key)} [{string.Join(", ", attributes)}];");
        }

        foreach (var edge in graph.Edges)
        {
            var style = EdgeKinds.Steps.Contains(edge.Kind) ? "solid" : "dashed";
            output.WriteLine($"  {DotId(edge.From)} -> {DotId(edge.To)} [label={DotId(edge.Kind)}, style={style}];");
        }

        output.WriteLine("}");
    }

    /// <summary>A Mermaid flowchart: nodes numbered in graph order, labelled kind and name; crown jewels styled.</summary>
    public static void WriteMermaid(TextWriter output, ExposureGraph graph, IReadOnlySet<string>? highlight = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(graph);
        var ids = graph.Nodes.Select((n, i) => (n.Key, Id: $"n{i}")).ToDictionary(p => p.Key, p => p.Id, StringComparer.Ordinal);
        output.WriteLine("flowchart LR");
        foreach (var node in graph.Nodes)
        {
            output.WriteLine($"  {ids[node.Key]}{Open(node.Kind)}\"{MermaidText($"{node.Kind}: {node.Name}")}\"{Close(node.Kind)}");
        }

        foreach (var edge in graph.Edges)
        {
            var arrow = EdgeKinds.Steps.Contains(edge.Kind) ? "-->" : "-.->";
            output.WriteLine($"  {ids[edge.From]} {arrow}|{edge.Kind}| {ids[edge.To]}");
        }

        output.WriteLine("  classDef crownJewel stroke-width:4px;");
        output.WriteLine("  classDef onPath stroke:#d00;");
        foreach (var node in graph.Nodes.Where(n => n.CrownJewel))
        {
            output.WriteLine($"  class {ids[node.Key]} crownJewel;");
        }

        foreach (var node in graph.Nodes.Where(n => highlight?.Contains(n.Key) == true && !n.CrownJewel))
        {
            output.WriteLine($"  class {ids[node.Key]} onPath;");
        }
    }

    private static string Shape(string kind) => kind switch
    {
        NodeKinds.Entry => "invhouse",
        NodeKinds.Data => "cylinder",
        NodeKinds.Finding => "octagon",
        NodeKinds.Secret => "note",
        NodeKinds.Integration => "component",
        NodeKinds.Endpoint => "hexagon",
        _ => "box",
    };

    private static string Open(string kind) => kind switch
    {
        NodeKinds.Data => "[(",
        NodeKinds.Finding => "{{",
        NodeKinds.Entry => "((",
        NodeKinds.Endpoint => "[/",
        _ => "[",
    };

    private static string Close(string kind) => kind switch
    {
        NodeKinds.Data => ")]",
        NodeKinds.Finding => "}}",
        NodeKinds.Entry => "))",
        NodeKinds.Endpoint => "/]",
        _ => "]",
    };

    private static string DotId(string text)
    {
        var escaped = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            escaped.Append(c switch { '"' => "\\\"", '\\' => "\\\\", < ' ' => " ", _ => c.ToString() });
        }

        return escaped.Append('"').ToString();
    }

    // Mermaid has no escape for a quote inside a quoted label; its HTML entity shows the same character.
    private static string MermaidText(string text) => text.Replace("\"", "#quot;", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
