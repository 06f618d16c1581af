using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Knowledge;

namespace Ctem.Engine.Discovery;

public sealed record ScanRequest(IReadOnlyList<string> Paths, string? Product);

/// <summary>What one scan found and stored. <see cref="Run"/> is null when nothing was stored.</summary>
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
    IReadOnlyList<Diagnostic> Diagnostics);
