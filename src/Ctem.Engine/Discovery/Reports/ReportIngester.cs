using System.Security.Cryptography;
using Ctem.Core.Diagnostics;
using Ctem.Core.Extensibility;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Reports.Suspicion;
using Ctem.Core.Versioning;
using Ctem.Engine.Inputs;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Prioritization;
using Ctem.Engine.Validation;

namespace Ctem.Engine.Discovery.Reports;

/// <param name="Format">A report parser name that reads every file instead of detection (<c>--format</c>).</param>
public sealed record IngestRequest(IReadOnlyList<string> Paths, string? Product, string? Format)
{
    public ScopeDocument Scope { get; init; } = ScopeDocument.Empty;

    /// <summary>The source every report's run belongs to (<c>--source</c>); null for the default, the tool plus the report's target (<see cref="SourceNames.ForReport"/>).</summary>
    public string? Source { get; init; }

    /// <summary>How runs, sources and the report name the files read (an API upload: the name it was sent under); default: their paths.</summary>
    public InputNames Names { get; init; } = InputNames.AsGiven;
}

/// <summary>One report read: its file, the parser that read it, the tool, and how many findings it holds.</summary>
public sealed record IngestedFile(string Path, string Format, string Tool, string? Target, int Findings);

/// <summary>One tool's findings of one source stored as a run of the product, with the run's outcome.</summary>
public sealed record IngestedRun(string Source, string Tool, RunOutcome Outcome, IReadOnlyList<ObservedFinding> Findings);

public sealed record IngestReport(
    OperationStatus Status, ProductRef? Product, IReadOnlyList<IngestedFile> Files, IReadOnlyList<IngestedRun> Runs, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyDictionary<string, Exploitation> Exploitation { get; init; } = new Dictionary<string, Exploitation>();

    /// <summary>CVE records of the findings' vulnerabilities, by vulnerability id, as the assessment used them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CveRecord>> CveRecords { get; init; } = new Dictionary<string, IReadOnlyList<CveRecord>>();

    /// <summary>The stored findings of these runs that a VEX statement closed (not_affected, false_positive, fixed): not counted or gated on.</summary>
    public IReadOnlySet<long> ClosedByVex { get; init; } = new HashSet<long>();

    /// <summary>The stored ids of findings whose risk is accepted (<c>ctem accept</c>) until a date: stored, not listed, not gated.</summary>
    public IReadOnlySet<long> AcceptedRisks { get; init; } = new HashSet<long>();
}

/// <summary>
/// <c>ctem ingest</c>: reads third-party scanner reports and stores their findings in the product's findings, one run
/// per tool. Every report is read before anything is written: one malformed report and nothing is stored. Each tool is
/// a finding source: a finding a tool stops reporting is resolved by that tool, and stays open while another source
/// still reports it. A package a report could not fully name is completed from the product's inventory
/// (<see cref="InventoryIdentity"/>) before findings are merged, so every format of one scan lands on the same findings.
/// </summary>
public sealed class ReportIngester(ICtemStore store, IReadOnlyList<IReportParser> parsers, VersionSchemeRegistry schemes, InputReader reader, TimeProvider time)
{
    /// <summary>The store it records into, for callers that look up knowledge before recording (discover's fingerprints).</summary>
    public ICtemStore Store => store;

    public async Task<IngestReport> IngestAsync(IngestRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var startedAt = time.GetUtcNow();
        var diagnostics = new List<Diagnostic>(InputReader.CheckExist(request.Paths));
        var forced = request.Format is null ? null : parsers.FirstOrDefault(p => p.Name == request.Format);
        if (request.Format is not null && forced is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, request.Format, $"unknown report format; known: {string.Join(", ", parsers.Select(p => p.Name))}"));
        }

        if (diagnostics.Count > 0)
        {
            return Failed(diagnostics);
        }

        var read = new List<(IngestedFile File, ScannerReport Report, ScanInput Input, bool Complete)>();
        foreach (var path in request.Paths)
        {
            foreach (var item in reader.Read(path, IsLikelyReport, openArchivesInWalk: false))
            {
                var (report, found, format) = await ParseAsync(item, forced, cancellationToken);
                diagnostics.AddRange(found.Select(d => d with { Path = request.Names.Of(d.Path) }));
                if (report is not null)
                {
                    // A record the parser had to skip may be a finding still there: its absence must not resolve anything.
                    var complete = !found.Any(d => d.Code == DiagnosticCodes.RecordSkipped);
                    read.Add((new IngestedFile(item.Path, format!, report.Tool, report.Target, report.Findings.Count), report,
                        new ScanInput(request.Names.Of(item.Path), Convert.ToHexStringLower(SHA256.HashData(item.Content!)), format!), complete));
                }
            }
        }

        if (diagnostics.Any(d => d.IsError) || read.Count == 0)
        {
            if (!diagnostics.Any(d => d.IsError))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NoComponents, string.Join(", ", request.Paths), "no scanner report found"));
            }

            return Failed(diagnostics) with { Files = [.. read.Select(r => r.File with { Path = request.Names.Of(r.File.Path) })] };
        }

        return await RecordAsync(read, request, diagnostics, startedAt, cancellationToken);
    }

    /// <summary>
    /// Stores a report Ctem produced itself (<c>ctem discover</c>) exactly as an ingested one: the same mapping,
    /// merging with other tools' findings, assessment and lifecycle. <paramref name="complete"/> is false when the run
    /// did not cover everything it meant to (a budget ran out): then nothing it did not see is resolved.
    /// </summary>
    public Task<IngestReport> RecordAsync(ScannerReport report, string input, bool complete, IngestRequest request, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(request);
        var digest = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', report.Findings.Select(f => f.Asset.Key + " " + (f.RuleId ?? f.Title))))));
        var file = new IngestedFile(input, report.Format, report.Tool, report.Target, report.Findings.Count);
        return RecordAsync([(file, report, new ScanInput(input, digest, report.Format), complete)], request, [], startedAt, cancellationToken);
    }

    private async Task<IngestReport> RecordAsync(
        List<(IngestedFile File, ScannerReport Report, ScanInput Input, bool Complete)> read, IngestRequest request, List<Diagnostic> diagnostics, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        var product = new ProductRef(
            request.Product is { Length: > 0 } named ? named
            : read.Select(r => r.Report.Target).FirstOrDefault(IsName) ?? Path.GetFileNameWithoutExtension(read[0].File.Path),
            null);
        var settings = await FindingAssessor.SettingsForAsync(store, request.Scope, product, diagnostics, cancellationToken);
        var ids = read.SelectMany(r => r.Report.Findings).SelectMany(f => f.VulnerabilityIds).Distinct(StringComparer.Ordinal).ToList();
        var aliasGroups = await store.GetAliasGroupsAsync(ids, cancellationToken);

        var current = await store.GetCurrentFindingFactsAsync(product.Name, cancellationToken);
        var storedFacts = new StoredFacts(current, schemes);
        var records = new List<ScanRecord>();
        // A report Ctem made itself has no file for its findings to be placed in.
        var root = request.Paths.Count > 0 ? InputRoot.Of(request.Paths) : null;
        var exploitation = new Dictionary<string, Exploitation>(StringComparer.Ordinal);
        var cveRecords = new Dictionary<string, IReadOnlyList<CveRecord>>(StringComparer.Ordinal);
        // One run per (source, tool): a tool's report of one target is one source's view, resolved only by that source.
        var mapped = read.Select(r => r.Report.Findings.Select(f => ReportFindingMapper.ToObserved(r.Report, f, r.File.Path, aliasGroups, root)).Select(o => root is null ? o with { Place = null } : o).ToList()).ToList();
        var inventory = await InventoryIdentity.LoadAsync(store, product.Name, current, [.. mapped.SelectMany(m => m)], cancellationToken);
        var runsOf = read.Select((r, i) => (Read: r, Observed: mapped[i]))
            .GroupBy(r => (Tool: ReportFindingMapper.SourceOf(r.Read.Report), Source: request.Source ?? SourceNames.ForReport(ReportFindingMapper.SourceOf(r.Read.Report), r.Read.Report.Target, [request.Names.Of(r.Read.File.Path)])));
        foreach (var tool in runsOf)
        {
            var reported = ObservedFindingMerger.Merge(tool.SelectMany(r => r.Observed).SelectMany(inventory.Resolve), schemes)
                .Select(f => storedFacts.Enrich(f, tool.Key.Tool))
                .ToList();
            // Judged before the assessment, which ranks a suspect finding down; it is stored and listed all the same.
            var observed = await FindingSuspicion.MarkAsync(store, reported, cancellationToken);
            var facts = await ExploitationLookup.ForAsync(store, observed.Select(f => f.Vulnerability), cancellationToken);
            foreach (var (id, fact) in facts)
            {
                exploitation[id] = fact;
            }

            var known = await CveRecordLookup.ForAsync(store, observed.Select(f => f.Vulnerability), cancellationToken);
            foreach (var (id, cve) in known)
            {
                cveRecords[id] = cve;
            }

            var assessed = await FindingAssessor.AssessAsync(store, observed, settings, facts, known, time.GetUtcNow(), cancellationToken);
            storedFacts.Remember(product.Name, tool.Key.Tool, assessed);
            var packages = assessed.Select(f => f.Component).Where(c => c.Purl is not null).DistinctBy(c => c.Coordinates).ToList();
            records.Add(new ScanRecord(product, tool.Key.Source, startedAt, time.GetUtcNow(), [.. tool.Select(r => r.Read.Input)], packages, assessed)
            {
                Tool = tool.Key.Tool,
                Kind = RunKind.Ingest,
                RiskSettings = settings,
                Complete = tool.All(r => r.Read.Complete),
            });
        }

        // All tools' runs in one transaction: an error or a Ctrl-C leaves none of them stored.
        var outcomes = await store.RecordScansAsync(records, cancellationToken);
        var runs = records.Zip(outcomes, (record, outcome) => new IngestedRun(record.Source, record.Tool, outcome, record.Findings)).ToList();
        var vex = await VexStage.AfterRecordAsync(store, schemes, time, product.Name, request.Scope.Vex, cancellationToken);
        if (outcomes.Count > 0)
        {
            var graph = await Graph.GraphStage.AfterRecordAsync(store, time, request.Scope, product.Name, outcomes[^1].RunId, cancellationToken);
            for (var i = 0; i < runs.Count; i++)
            {
                runs[i] = runs[i] with { Findings = await Graph.GraphStage.WithFinalRisksAsync(store, graph, runs[i].Outcome, runs[i].Findings, cancellationToken) };
            }
        }
        var closed = await VexStage.ClosedAsync(store, vex, outcomes.SelectMany(o => o.Findings.Values.Select(f => f.Id)), cancellationToken);
        await Mobilization.Tickets.FixClaimVerifier.AfterRecordAsync(store, product.Name, [.. records.Select(r => r.Tool)], time.GetUtcNow(), cancellationToken);
        var status = read.All(r => r.Complete) ? OperationStatus.Succeeded : OperationStatus.Partial;
        var accepted = (await store.GetAcceptancesInForceAsync(cancellationToken)).Select(a => a.FindingId).ToHashSet();
        return new IngestReport(status, product, [.. read.Select(r => Named(r.File))], runs, diagnostics) { Exploitation = exploitation, CveRecords = cveRecords, ClosedByVex = closed, AcceptedRisks = accepted };

        IngestedFile Named(IngestedFile file) => file with { Path = request.Names.Of(file.Path) };
    }

    private async Task<(ScannerReport? Report, IReadOnlyList<Diagnostic> Diagnostics, string? Format)> ParseAsync(
        InputItem item, IReportParser? forced, CancellationToken cancellationToken)
    {
        if (item.Error is not null)
        {
            return (null, [item.Error], null);
        }

        var parser = forced ?? Detect(item.Path, item.Content!);
        if (parser is null)
        {
            return (null, [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"not a scanner report Ctem reads (supported: {string.Join(", ", parsers.Select(p => p.Name))}); SBOMs and lockfiles go to 'ctem scan'")], null);
        }

        using var stream = new MemoryStream(item.Content!, writable: false);
        try
        {
            var result = await parser.ParseAsync(new InputSource(item.Path, stream), cancellationToken);
            return (result.Report, result.Diagnostics, parser.Name);
        }
#pragma warning disable CA1031 // Isolation of plugins: a failing parser is reported as bad input for its file, not a crash.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return (null, [Diagnostic.Error(DiagnosticCodes.UnsupportedFormat, item.Path, $"{parser.Name} failed on this file ({ex.GetType().Name}: {ex.Message}); please report it")], parser.Name);
        }
    }

    private IReportParser? Detect(string path, byte[] content)
    {
        var head = content.AsSpan(0, Math.Min(content.Length, 4096));
        foreach (var parser in parsers)
        {
            if (parser.CanParse(path, head))
            {
                return parser;
            }
        }

        return null;
    }

    // An image, directory or artifact name can name the product; a command line (Nmap's target) cannot.
    private static bool IsName(string? target) => target is { Length: > 0 } && !target.Any(char.IsWhiteSpace);

    private static bool IsLikelyReport(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".sarif", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nessus", StringComparison.OrdinalIgnoreCase);

    private IngestReport Failed(IReadOnlyList<Diagnostic> diagnostics) =>
        new(OperationStatus.Failed, null, [], [], diagnostics);
}
