using Ctem.Core.Graph;
using QuikGraph;

namespace Ctem.Engine.Graph;

/// <summary>One step of a path: a node, and for findings and secrets the finding, its likelihood and why.</summary>
public sealed record PathStep(GraphNode Node);

/// <summary>
/// An attack path from an entry point to a crown jewel. Its likelihood is the product of its steps' (findings and
/// secrets; trusted connections are certain).
/// </summary>
public sealed record AttackPath(string From, string To, IReadOnlyList<GraphNode> Nodes, double Likelihood)
{
    /// <summary>The findings (and leaked secrets) to fix along the path, in path order.</summary>
    public IReadOnlyList<long> Findings => [.. Nodes.Select(n => n.FindingId).OfType<long>().Distinct()];
}

/// <summary>A node or finding that many paths go through.</summary>
public sealed record ChokePoint(GraphNode Node, int Paths);

/// <summary>
/// The paths and choke points: every simple path over attack steps from an entry point to a crown jewel (at most
/// <see cref="MaxPaths"/>, most likely first), the nodes on the most paths, and the minimum cut.
/// </summary>
public sealed record PathAnalysis(IReadOnlyList<AttackPath> Paths, bool Truncated, IReadOnlyList<ChokePoint> ChokePoints, FindingCut Cut)
{
    public const int MaxPaths = 10_000;

    /// <summary>The paths from entry points to crown jewels (or to the crown jewel named <paramref name="to"/>) in <paramref name="graph"/>.</summary>
    public static PathAnalysis Of(ExposureGraph graph, string? to = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var steps = StepGraph(graph);
        var nodes = graph.Nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var targets = graph.CrownJewels.Where(n => to is null || n.Name == to).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var entries = graph.Nodes.Where(n => n.Kind == NodeKinds.Entry).Select(n => n.Key).ToList();
        var useful = CanReach(steps, targets);

        var paths = new List<AttackPath>();
        var truncated = false;
        foreach (var entry in entries.Where(useful.Contains))
        {
            var trail = new List<string> { entry };
            truncated |= !Walk(steps, useful, targets, trail, new HashSet<string>(StringComparer.Ordinal) { entry }, path =>
            {
                var pathNodes = path.Select(k => nodes[k]).ToList();
                paths.Add(new AttackPath(pathNodes[0].Name, pathNodes[^1].Name, pathNodes, pathNodes.Aggregate(1.0, (p, n) => p * (n.Likelihood ?? 1.0))));
                return paths.Count < MaxPaths;
            });
        }

        var ordered = paths
            .OrderByDescending(p => p.Likelihood)
            .ThenBy(p => p.Nodes.Count)
            .ThenBy(p => string.Join(' ', p.Nodes.Select(n => n.Key)), StringComparer.Ordinal)
            .ToList();
        // A finding counts once per path, whichever deployment it is exploited on: fixing it removes every step.
        static string Identity(GraphNode node) => node.FindingId is { } id ? $"finding#{id}" : node.Key;
        var choke = ordered
            .SelectMany(p => p.Nodes.Skip(1).SkipLast(1).DistinctBy(Identity))
            .GroupBy(Identity)
            .Select(g => new ChokePoint(g.First(), g.Count()))
            .OrderByDescending(c => c.Paths)
            .ThenBy(c => c.Node.FindingId is null) // on a tie, what a fix removes first
            .ThenBy(c => c.Node.Key, StringComparer.Ordinal)
            .ToList();
        return new PathAnalysis(ordered, truncated, choke, FindingCut.Of(graph, steps, entries, targets, useful, ordered, truncated));
    }

    /// <summary>The attack steps as a QuikGraph graph: the edges an attacker moves along.</summary>
    internal static BidirectionalGraph<string, Edge<string>> StepGraph(ExposureGraph graph)
    {
        var steps = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: false);
        steps.AddVertexRange(graph.Nodes.Select(n => n.Key));
        steps.AddEdgeRange(graph.Edges.Where(e => EdgeKinds.Steps.Contains(e.Kind)).Select(e => new Edge<string>(e.From, e.To)));
        return steps;
    }

    // The nodes from which a target can be reached: a walk never enters a node that leads nowhere.
    private static HashSet<string> CanReach(BidirectionalGraph<string, Edge<string>> steps, HashSet<string> targets)
    {
        var seen = new HashSet<string>(targets, StringComparer.Ordinal);
        var queue = new Queue<string>(targets);
        while (queue.Count > 0)
        {
            foreach (var edge in steps.InEdges(queue.Dequeue()))
            {
                if (seen.Add(edge.Source))
                {
                    queue.Enqueue(edge.Source);
                }
            }
        }

        return seen;
    }

    /// <returns>False when <paramref name="found"/> asked to stop.</returns>
    private static bool Walk(
        BidirectionalGraph<string, Edge<string>> steps, HashSet<string> useful, HashSet<string> targets, List<string> trail, HashSet<string> onTrail, Func<List<string>, bool> found)
    {
        var here = trail[^1];
        if (targets.Contains(here))
        {
            // A crown jewel ends the path; going through it to another is a second path of its own.
            return found(trail);
        }

        foreach (var next in steps.OutEdges(here).Select(e => e.Target).Where(useful.Contains).Order(StringComparer.Ordinal))
        {
            if (!onTrail.Add(next))
            {
                continue;
            }

            trail.Add(next);
            var go = Walk(steps, useful, targets, trail, onTrail, found);
            trail.RemoveAt(trail.Count - 1);
            onTrail.Remove(next);
            if (!go)
            {
                return false;
            }
        }

        return true;
    }
}
