using Ctem.Core.Model;

namespace Ctem.Core.Stores;

public enum FindingStatusFilter
{
    Open,
    Resolved,
    All,
}

/// <summary>Which findings to read: by product and status, or exactly the given ids (any status).</summary>
public sealed record FindingFilter(string? Product, FindingStatusFilter Status)
{
    public IReadOnlyCollection<long>? Ids { get; init; }

    /// <summary>Only findings this team owns (assigned, else named by the product's rules); null for any.</summary>
    public string? Owner { get; init; }
}

/// <summary>A finding a run resolved, named for the run's summary line.</summary>
public sealed record ResolvedFinding(long Id, string VulnerabilityId, string Component, string? Version);

/// <summary>One stored run of a product: which source and tool, when, what it read, and what it changed.</summary>
public sealed record RunSummary(
    long Id,
    string Product,
    string Source,
    string Tool,
    RunKind Kind,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    IReadOnlyList<ScanInput> Inputs,
    int Components,
    int Findings,
    int New,
    int Reopened,
    int Resolved)
{
    /// <summary>The highest finding event id when the run committed: the run's point in the history, for diffs.</summary>
    public long LastEventId { get; init; }
}

public enum FindingEventKind
{
    Opened,
    Resolved,
    Reopened,

    /// <summary>The priority changed (at a run, or when a feed update re-assessed it).</summary>
    Priority,

    /// <summary>The VEX state in force changed (an import, a triage, an applied suggestion, or a scan a stored statement matched).</summary>
    Vex,

    /// <summary>Someone assigned the finding to a team (<c>ctem assign</c>): from and to are the owners.</summary>
    Assigned,

    /// <summary>Someone accepted the finding's risk (<c>ctem accept</c>) until a date, for a reason.</summary>
    Accepted,

    /// <summary>An accepted risk reached its end date: the finding is back in the open list.</summary>
    AcceptanceExpired,

    /// <summary>A validation check ran on the finding (<c>ctem validate</c>): the outcome in <see cref="FindingEvent.To"/>, the check and target in <see cref="FindingEvent.Reason"/>.</summary>
    Validation,
}

/// <summary>One entry of a finding's history, with the priority it had then (null where unknown: history recorded before priorities were kept).</summary>
public sealed record FindingEvent(long Id, long FindingId, long? RunId, DateTimeOffset At, FindingEventKind Kind, string? Priority, string? PreviousPriority)
{
    /// <summary>For <see cref="FindingEventKind.Vex"/>: the state then in force (null: no statement applies any more) and the statement.</summary>
    public string? VexState { get; init; }

    public long? VexStatementId { get; init; }

    /// <summary>For assignments and acceptances: who made the change.</summary>
    public string? Actor { get; init; }

    /// <summary>For assignments: the owner before and after; for acceptances: the end date (<see cref="To"/>).</summary>
    public string? From { get; init; }

    public string? To { get; init; }

    /// <summary>For acceptances: why the risk was accepted; for validations: the check and where it ran.</summary>
    public string? Reason { get; init; }
}

/// <summary>A source's current inventory: whole, or restricted to the components a lookup asked for.</summary>
public sealed record SourceInventory(string Product, string Source, long RunId, IReadOnlyList<Component> Components);
