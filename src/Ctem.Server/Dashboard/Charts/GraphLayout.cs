using Ctem.Core.Graph;
using Ctem.Engine.Graph;

namespace Ctem.Server.Dashboard.Charts;

/// <summary>Where a node is drawn: its column (how many steps from an entry point) and its row in that column.</summary>
public sealed record PlacedNode(GraphNode Node, int Column, int Row, bool OnPath, bool InCut);

/// <summary>
/// A product's exposure graph as the dashboard draws it, from the Engine's graph and path analysis: the assets an
/// attacker moves between (components and findings on no path are left to the tables and <c>ctem graph</c>), in
/// columns by their distance from an entry point, with the paths to crown jewels and the cut's findings marked.
/// </summary>
public sealed record GraphLayout(IReadOnlyList<PlacedNode> Nodes, IReadOnlyList<(PlacedNode From, PlacedNode To, bool OnPath)> Edges, int Columns, int Rows)
{
    /// <summary>Beyond this many nodes only those on a path, the entry points and the crown jewels are drawn.</summary>
    public const int MaxNodes = 60;

    public static GraphLayout Of(ExposureGraph graph, PathAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(analysis);
        var onPath = analysis.Paths.SelectMany(p => p.Nodes).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var pathEdges = analysis.Paths.SelectMany(p => p.Nodes.Zip(p.Nodes.Skip(1), (a, b) => (a.Key, b.Key))).ToHashSet();
        var cut = analysis.Cut.Findings.ToHashSet();
        var shown = graph.Nodes.Where(n => onPath.Contains(n.Key) || n.Kind is not (NodeKinds.Component or NodeKinds.Finding)).ToList();
        if (shown.Count > MaxNodes)
        {
            shown = [.. shown.Where(n => onPath.Contains(n.Key) || n.Kind == NodeKinds.Entry || n.CrownJewel)];
        }

        var keys = shown.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var edges = graph.Edges.Where(e => e.Kind != EdgeKinds.Affects && keys.Contains(e.From) && keys.Contains(e.To) && e.From != e.To).ToList();
        var depth = Depths(shown, edges);
        var placed = shown
            .GroupBy(n => depth[n.Key])
            .SelectMany(column => column
                .OrderBy(n => !onPath.Contains(n.Key))
                .ThenBy(n => n.Kind, StringComparer.Ordinal)
                .ThenBy(n => n.Name, StringComparer.Ordinal)
                .Select((n, row) => new PlacedNode(n, column.Key, row, onPath.Contains(n.Key), n.FindingId is { } id && cut.Contains(id))))
            .ToDictionary(p => p.Node.Key, StringComparer.Ordinal);
        return new GraphLayout(
            [.. placed.Values.OrderBy(p => p.Column).ThenBy(p => p.Row)],
            [.. edges.Select(e => (placed[e.From], placed[e.To], pathEdges.Contains((e.From, e.To)))).Distinct()],
            placed.Count == 0 ? 0 : placed.Values.Max(p => p.Column) + 1,
            placed.Count == 0 ? 0 : placed.Values.Max(p => p.Row) + 1);
    }

    // Breadth first from the entry points along the attack steps (so a finding stands between the entry point and the
    // deployment it gives), then along the descriptive edges; what neither reaches goes in a last column.
    private static Dictionary<string, int> Depths(IReadOnlyList<GraphNode> nodes, IReadOnlyList<GraphEdge> edges)
    {
        var depth = nodes.Where(n => n.Kind == NodeKinds.Entry).ToDictionary(n => n.Key, _ => 0, StringComparer.Ordinal);
        Spread(depth, edges.Where(e => EdgeKinds.Steps.Contains(e.Kind)));
        Spread(depth, edges);
        var last = depth.Count == 0 ? 0 : depth.Values.Max() + 1;
        foreach (var node in nodes.Where(n => !depth.ContainsKey(n.Key)))
        {
            depth[node.Key] = last;
        }

        return depth;
    }

    private static void Spread(Dictionary<string, int> depth, IEnumerable<GraphEdge> edges)
    {
        var next = edges.ToLookup(e => e.From, e => e.To, StringComparer.Ordinal);
        var queue = new Queue<string>(depth.OrderBy(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key));
        while (queue.Count > 0)
        {
            var here = queue.Dequeue();
            foreach (var target in next[here].Where(t => !depth.ContainsKey(t)).Order(StringComparer.Ordinal))
            {
                depth[target] = depth[here] + 1;
                queue.Enqueue(target);
            }
        }
    }
}
