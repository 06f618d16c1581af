using System.Globalization;
using Ctem.Core.Graph;
using QuikGraph;
using QuikGraph.Algorithms.MaximumFlow;

namespace Ctem.Engine.Graph;

/// <summary>
/// A smallest set of findings whose fix cuts every path to the crown jewels: a minimum vertex cut, found as a maximum
/// flow (Edmonds–Karp) where each finding (and leaked secret) is one node of capacity 1 and nothing else can be cut.
/// Paths keep a finding's step per deployment; the flow merges them into one node per finding. That adds walks that
/// switch deployments at a finding. When each step of such a finding is reachable from an entry point without another
/// finding, every such walk ends in a real path with no more findings, so a set cuts the merged network exactly when
/// it cuts the real paths and the flow's cut is <see cref="Optimal"/>. Otherwise (a deployment reached only through
/// another's findings) the merged network may ask for more: <see cref="SmallestHittingSet"/> then searches the paths for
/// a smaller set, and the cut is optimal when that search is complete. Paths that no finding guards cannot be cut by a
/// fix: <see cref="Uncuttable"/> counts them, and the set is then not a full cut.
/// </summary>
public sealed record FindingCut(IReadOnlyList<long> Findings, bool Optimal, int PathsCut, int Uncuttable)
{
    private const double Infinite = 1e9;

    internal static FindingCut Of(
        ExposureGraph graph, BidirectionalGraph<string, Edge<string>> steps, IReadOnlyList<string> entries, HashSet<string> targets, HashSet<string> useful, IReadOnlyList<AttackPath> paths, bool truncated)
    {
        if (paths.Count == 0)
        {
            return new FindingCut([], true, 0, 0);
        }

        var nodes = graph.Nodes.Where(n => useful.Contains(n.Key)).ToDictionary(n => n.Key, StringComparer.Ordinal);
        var network = new BidirectionalGraph<string, Edge<string>>(allowParallelEdges: true);
        var capacity = new Dictionary<Edge<string>, double>();
        void Arc(string from, string to, double value)
        {
            var edge = new Edge<string>(from, to);
            network.AddVerticesAndEdge(edge);
            capacity[edge] = value;
        }

        const string source = "⊤";
        const string sink = "⊥";
        string Vertex(string key) => nodes[key].FindingId is { } id ? "finding#" + id.ToString(CultureInfo.InvariantCulture) : key;
        foreach (var vertex in nodes.Values.GroupBy(n => Vertex(n.Key)))
        {
            Arc("in:" + vertex.Key, "out:" + vertex.Key, vertex.First().FindingId is null ? Infinite : 1);
        }

        foreach (var edge in steps.Edges.Where(e => nodes.ContainsKey(e.Source) && nodes.ContainsKey(e.Target) && Vertex(e.Source) != Vertex(e.Target)))
        {
            Arc("out:" + Vertex(edge.Source), "in:" + Vertex(edge.Target), Infinite);
        }

        foreach (var entry in entries.Where(nodes.ContainsKey))
        {
            Arc(source, "in:" + Vertex(entry), Infinite);
        }

        foreach (var target in targets.Where(nodes.ContainsKey))
        {
            Arc("out:" + Vertex(target), sink, Infinite);
        }

        var reversed = new ReversedEdgeAugmentorAlgorithm<string, Edge<string>>(network, (s, t) => new Edge<string>(s, t));
        reversed.AddReversedEdges();
        var flow = new EdmondsKarpMaximumFlowAlgorithm<string, Edge<string>>(network, e => capacity.GetValueOrDefault(e), (s, t) => new Edge<string>(s, t), reversed);
        flow.Compute(source, sink);

        // The source side of the cut: what the residual network still reaches.
        var reached = new HashSet<string>(StringComparer.Ordinal) { source };
        var queue = new Queue<string>([source]);
        while (queue.Count > 0)
        {
            foreach (var edge in network.OutEdges(queue.Dequeue()))
            {
                if (flow.ResidualCapacities[edge] > 1e-9 && reached.Add(edge.Target))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        reversed.RemoveReversedEdges();
        var cut = nodes.Values
            .Where(n => n.FindingId is not null && reached.Contains("in:" + Vertex(n.Key)) && !reached.Contains("out:" + Vertex(n.Key)))
            .Select(n => n.FindingId!.Value)
            .Distinct()
            .Order()
            .ToList();
        var cutSet = cut.ToHashSet();
        var uncuttable = paths.Count(p => !p.Findings.Any(cutSet.Contains));
        if (uncuttable > 0)
        {
            return new FindingCut(cut, false, paths.Count - uncuttable, uncuttable);
        }

        if (MergeIsExact(nodes, steps, entries))
        {
            return new FindingCut(cut, true, paths.Count, 0);
        }

        // Only the paths listed can be searched: with some left out, a smaller set might miss one of those.
        return (truncated ? null : SmallestHittingSet.Below([.. paths.Select(p => p.Findings)], cut.Count)) switch
        {
            null => new FindingCut(cut, false, paths.Count, 0),
            [] => new FindingCut(cut, true, paths.Count, 0),
            var smaller => new FindingCut(smaller, true, paths.Count, 0),
        };
    }

    // Whether every step of a finding on several deployments is reachable from an entry point without another finding.
    private static bool MergeIsExact(Dictionary<string, GraphNode> nodes, BidirectionalGraph<string, Edge<string>> steps, IReadOnlyList<string> entries)
    {
        var merged = nodes.Values.Where(n => n.FindingId is not null).GroupBy(n => n.FindingId).Where(g => g.Count() > 1).SelectMany(g => g).ToList();
        if (merged.Count == 0)
        {
            return true;
        }

        var free = new HashSet<string>(entries.Where(nodes.ContainsKey), StringComparer.Ordinal);
        var queue = new Queue<string>(free);
        while (queue.Count > 0)
        {
            var here = queue.Dequeue();
            if (nodes[here].FindingId is not null)
            {
                continue;
            }

            foreach (var edge in steps.OutEdges(here).Where(e => nodes.ContainsKey(e.Target)))
            {
                if (free.Add(edge.Target))
                {
                    queue.Enqueue(edge.Target);
                }
            }
        }

        return merged.All(n => free.Contains(n.Key));
    }
}
