using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Prioritization;

namespace Ctem.Engine.Graph;

/// <summary>
/// Builds and stores a product's exposure graph after each scan and ingest, versioned with the run: the scope file of
/// that run, the product's current services and models, and its open findings then.
/// </summary>
public static class GraphStage
{
    public static async Task<ExposureGraph> AfterRecordAsync(
        ICtemStore store, TimeProvider time, ScopeDocument scope, string product, long runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var graph = await BuildAsync(store, scope, product, cancellationToken);
        await store.SaveGraphAsync(runId, graph, time.GetUtcNow(), cancellationToken);

        // Being on a path to a crown jewel is a factor of the risk score, and so is validation evidence, which the run's
        // own assessment does not see: the product's findings are re-assessed after the new graph.
        if (await RescoresAsync(store, graph, cancellationToken))
        {
            await Reprioritizer.RunAsync(store, time, cancellationToken, product);
        }

        return graph;
    }

    /// <summary>
    /// The findings a run recorded with the risk they have after <see cref="AfterRecordAsync"/>: being on an attack path
    /// (or off every one) and validation evidence re-score them there, so what a scan or ingest reports is what is
    /// stored. Unchanged when the product has neither a crown jewel nor validated findings, since nothing was re-scored.
    /// </summary>
    public static async Task<IReadOnlyList<ObservedFinding>> WithFinalRisksAsync(
        ICtemStore store, ExposureGraph graph, RunOutcome run, IReadOnlyList<ObservedFinding> findings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(findings);
        if (!await RescoresAsync(store, graph, cancellationToken))
        {
            return findings;
        }

        var risks = (await store.GetCurrentFindingsAsync(graph.Product, cancellationToken)).Where(f => f.Risk is not null).ToDictionary(f => f.Id, f => f.Risk!);
        return [.. findings.Select(f => run.Findings.TryGetValue(f.Key, out var stored) && risks.TryGetValue(stored.Id, out var risk) ? f with { Risk = risk } : f)];
    }

    // Both the attack-path factor and validation evidence are applied by re-assessment after the graph step, so a run's
    // report must re-read the scores whenever either is present.
    private static async Task<bool> RescoresAsync(ICtemStore store, ExposureGraph graph, CancellationToken cancellationToken) =>
        graph.CrownJewels.Any() || (await Validation.ValidationEvidenceLookup.ValidatedAsync(store, graph.Product, cancellationToken)).Count > 0;

    public static async Task<ExposureGraph> BuildAsync(ICtemStore store, ScopeDocument scope, string product, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        // The graph reads no risk assessment, and reading them is most of the cost of loading a product's findings.
        var findings = await store.GetCurrentFindingFactsAsync(product, cancellationToken);
        var exploitation = await ExploitationLookup.ForAsync(store, findings.Select(f => f.Vulnerability), cancellationToken);
        var assets = await store.GetCurrentAssetsAsync(product, cancellationToken);
        return ExposureGraphBuilder.Build(new GraphInputs(product, scope, assets, findings, exploitation));
    }
}
