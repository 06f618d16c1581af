using Ctem.Core.Graph;
using Ctem.Engine.Graph;
using Ctem.Reporting;
using Ctem.Server.Dashboard.Charts;

namespace Ctem.Server.Dashboard;

/// <summary>What the product page shows of its exposure graph: what <c>ctem paths</c> computes, and the drawing.</summary>
public sealed record ExposureView(StoredGraph Stored, PathAnalysis Analysis, GraphLayout Layout)
{
    /// <summary>The paths listed (the drawing shows them all); <c>ctem paths</c> and the API list every one.</summary>
    public const int PathsShown = 20;

    public static ExposureView Of(StoredGraph stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var analysis = PathAnalysis.Of(stored.Graph);
        return new ExposureView(stored, analysis, GraphLayout.Of(stored.Graph, analysis));
    }

    public string Summary => PathsOutput.CutSummary(Analysis);

    /// <summary>The cut's findings, each with the node that names it and how many paths go through it.</summary>
    public IReadOnlyList<(long Finding, GraphNode Node, int Paths)> Cut =>
        [.. Analysis.Cut.Findings.Select(id => (id, Stored.Graph.Nodes.First(n => n.FindingId == id), Analysis.Paths.Count(p => p.Findings.Contains(id))))];
}
