using Ctem.Core.Diagnostics;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;
using Ctem.Engine.Discovery.Active;
using Ctem.Engine.Knowledge;
using Ctem.Engine.Validation.Checks;

namespace Ctem.Engine.Validation;

/// <param name="Product">Only this product's findings and deployments; null for every product's.</param>
public sealed record ValidationRequest(string? Product)
{
    public ScopeDocument Scope { get; init; } = ScopeDocument.Empty;

    /// <summary>Where the scope file is: <c>validation.checks</c> is relative to its directory.</summary>
    public string? ScopeDirectory { get; init; }

    /// <summary>Only this check; it runs against the product's targets even when no open finding asks for it.</summary>
    public string? CheckId { get; init; }

    /// <summary>Run this finding's checks again (after a fix) and record the outcome.</summary>
    public long? Retest { get; init; }

    public int Rate { get; init; } = DiscoveryRequest.DefaultRate;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Checks running at once, at most.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Plan only: say which checks would run where, contact nothing, store nothing.</summary>
    public bool DryRun { get; init; }
}

/// <summary>One check the run makes, for one product: the open findings it validates (none when forced) and where it runs.</summary>
public sealed record PlannedCheck(ValidationCheck Check, string Product, IReadOnlyList<StoredFinding> Findings, IReadOnlyList<CheckTarget> Targets);

/// <summary>What <c>ctem validate</c> did: the plan, every outcome per target, the evidence stored, and what the scope refused.</summary>
public sealed record ValidationReport(
    OperationStatus Status, IReadOnlyList<PlannedCheck> Plan, IReadOnlyList<CheckResult> Results, IReadOnlyList<ValidationEvidence> Evidence, IReadOnlyList<Diagnostic> Diagnostics)
{
    public IReadOnlyList<string> Refused { get; init; } = [];

    public int Connections { get; init; }

    public bool BudgetExhausted { get; init; }

    public bool DryRun { get; init; }

    /// <summary>How many checks were loaded (built-in and from <c>validation.checks</c>).</summary>
    public int ChecksLoaded { get; init; }

    /// <summary>True when the failure is the user's (bad checks, nothing in scope, an unknown check or finding), not the run's.</summary>
    public bool UsageError { get; init; }
}
