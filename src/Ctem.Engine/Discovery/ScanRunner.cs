using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Core.Versioning;
using Ctem.Engine.Discovery.Matching;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Validation;

namespace Ctem.Engine.Discovery;

/// <summary>
/// Discovery for one product: reads its inventory inputs, matches every component against the knowledge base,
/// and stores the run with its findings in one transaction.
/// </summary>
public sealed class ScanRunner(
    ICtemStore store,
    IReadOnlyList<IInventoryParser> parsers,
    VersionSchemeRegistry schemes,
    InputReader reader,
    TimeProvider time)
{
    /// <summary>The tool name scan findings carry, next to those of imported scanner reports.</summary>
    public const string SourceName = "ctem-scan";

    public async Task<ScanReport> ScanAsync(ScanRequest request, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var collected = await new InventoryCollector(parsers, reader, request.Names).CollectAsync(request.Paths, request.FormatIn, progress, cancellationToken);
        var diagnostics = collected.Diagnostics.ToList();
        var components = collected.Components;
        var inputs = collected.Inputs;
        var declared = collected.Product;
        if (components.Count == 0 && collected.Services.Count == 0)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, string.Join(", ", request.Paths), "no components found: the inputs list none, or no file here is an SBOM Ctem reads"));
            }

            return Failed(startedAt, diagnostics);
        }

        var product = ResolveProduct(request, declared);
        progress?.Report($"matching {components.Count} components");
        var keys = components.Select(c => c.PackageKey).OfType<PackageKey>().Distinct().ToList();
        var candidates = await store.FindAdvisoriesAsync(keys, cancellationToken);
        var match = AdvisoryMatcher.Match(components, candidates, schemes);
        var coverage = await MatchCoverage.CheckAsync(store, components, candidates, cancellationToken);
        diagnostics.AddRange(coverage.Diagnostics);
        var settings = await FindingAssessor.SettingsForAsync(store, request.Scope, product, diagnostics, cancellationToken);
        var exploitation = await ExploitationLookup.ForAsync(store, match.Findings.Select(f => f.Vulnerability), cancellationToken);
        var cveRecords = await CveRecordLookup.ForAsync(store, match.Findings.Select(f => f.Vulnerability), cancellationToken);
        var findings = await FindingAssessor.AssessAsync(store, InputRoot.Place(ObservedFindingMerger.Merge(match.Findings, schemes), request.Paths), settings, exploitation, cveRecords, time.GetUtcNow(), cancellationToken);

        var finishedAt = time.GetUtcNow();
        var status = diagnostics.Any(d => d.IsError) ? OperationStatus.Partial : OperationStatus.Succeeded;
        var source = request.Source ?? SourceNames.ForScan(request.Paths);
        var record = new ScanRecord(product, source, startedAt, finishedAt, inputs, components, findings)
        {
            Tool = SourceName,
            Complete = status == OperationStatus.Succeeded,
            RiskSettings = settings,
            Services = collected.Services,
        };
        var run = await store.RecordScanAsync(record, cancellationToken);
        var vex = await VexStage.AfterRecordAsync(store, schemes, time, product.Name, request.Scope.Vex, cancellationToken);
        var graph = await Graph.GraphStage.AfterRecordAsync(store, time, request.Scope, product.Name, run.RunId, cancellationToken);
        findings = await Graph.GraphStage.WithFinalRisksAsync(store, graph, run, findings, cancellationToken);
        var closed = await VexStage.ClosedAsync(store, vex, run.Findings.Values.Select(f => f.Id), cancellationToken);
        await Mobilization.Tickets.FixClaimVerifier.AfterRecordAsync(store, product.Name, [record.Tool], finishedAt, cancellationToken);
        var accepted = (await store.GetAcceptancesInForceAsync(cancellationToken)).Select(a => a.FindingId).ToHashSet();
        bool IsClosed(ObservedFinding finding) => run.Findings.TryGetValue(finding.Key, out var stored) && closed.Contains(stored.Id);
        bool IsAccepted(ObservedFinding finding) => !IsClosed(finding) && run.Findings.TryGetValue(finding.Key, out var stored) && accepted.Contains(stored.Id);
        return new ScanReport(status, product, run, startedAt, finishedAt, inputs, components.Count, [.. findings.Where(f => !IsClosed(f) && !IsAccepted(f))], match.Undetermined, diagnostics)
        {
            ClosedByVex = [.. findings.Where(IsClosed)],
            AcceptedRisks = [.. findings.Where(IsAccepted)],
            Inventory = components,
            Exploitation = exploitation,
            CveRecords = cveRecords,
            Source = source,
            Coverage = coverage,
        };
    }

    private static ProductRef ResolveProduct(ScanRequest request, ProductRef? declared)
    {
        if (request.Product is { Length: > 0 } name)
        {
            return new ProductRef(name, declared?.Name == name ? declared.Version : null);
        }

        return declared ?? new ProductRef(Path.GetFileNameWithoutExtension(request.Paths[0].TrimEnd('/', '\\')), null);
    }

    private ScanReport Failed(DateTimeOffset startedAt, IReadOnlyList<Diagnostic> diagnostics) =>
        new(OperationStatus.Failed, null, null, startedAt, time.GetUtcNow(), [], 0, [], new Dictionary<string, int>(), diagnostics);
}
