using Ctem.Engine.Inputs;
using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Matching;
using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Discovery;

/// <param name="FormatIn">A parser name that reads the named files instead of format detection (<c>--format-in</c>).</param>
public sealed record ScanRequest(IReadOnlyList<string> Paths, string? Product, string? FormatIn = null)
{
    /// <summary>The scope file's content: the product's business context and the risk policy come from it.</summary>
    public ScopeDocument Scope { get; init; } = ScopeDocument.Empty;

    /// <summary>The source the run belongs to (<c>--source</c>); null for the default, the inputs' identity (<see cref="SourceNames.ForScan"/>).</summary>
    public string? Source { get; init; }

    /// <summary>How the run names its inputs (an API upload: the name it was sent under); default: their paths.</summary>
    public InputNames Names { get; init; } = InputNames.AsGiven;
}

/// <summary>
/// What one scan found and stored. <see cref="Run"/> is null when nothing was stored. <see cref="Findings"/> leaves out
/// what a VEX statement closed (<see cref="ClosedByVex"/>).
/// </summary>
public sealed record ScanReport(
    OperationStatus Status,
    ProductRef? Product,
    RunOutcome? Run,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ScanInput> Inputs,
    int Components,
    IReadOnlyList<ObservedFinding> Findings,
    IReadOnlyDictionary<string, int> Undetermined,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Every component read, in input order, with where it was found.</summary>
    public IReadOnlyList<Component> Inventory { get; init; } = [];

    /// <summary>KEV and EPSS facts of the findings' vulnerabilities, by vulnerability id, as the assessment used them.</summary>
    public IReadOnlyDictionary<string, Exploitation> Exploitation { get; init; } = new Dictionary<string, Exploitation>();

    /// <summary>CVE records of the findings' vulnerabilities, by vulnerability id, as the assessment used them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CveRecord>> CveRecords { get; init; } = new Dictionary<string, IReadOnlyList<CveRecord>>();

    /// <summary>The source the run was stored under.</summary>
    public string? Source { get; init; }

    /// <summary>Findings the scan saw that a VEX statement answers (not_affected, false_positive, fixed): stored, but not counted or gated on.</summary>
    public IReadOnlyList<ObservedFinding> ClosedByVex { get; init; } = [];

    /// <summary>What the scan saw whose risk is accepted (<c>ctem accept</c>) until a date: stored, not listed, not gated.</summary>
    public IReadOnlyList<ObservedFinding> AcceptedRisks { get; init; } = [];

    /// <summary>What matching could not look at (also among <see cref="Diagnostics"/>); null when the scan failed before matching.</summary>
    public MatchCoverage? Coverage { get; init; }
}
