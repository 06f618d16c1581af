using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.History;

public enum FindingChangeKind
{
    New,
    Reopened,
    PriorityChanged,
    Resolved,
}

/// <summary>One finding that changed between two points of a product's history, with its priority before and after.</summary>
public sealed record FindingChange(FindingChangeKind Kind, StoredFinding Finding, string? Priority, string? PreviousPriority);

/// <summary>The two points one diff compares: the later run of a source and the one before it (null: the start).</summary>
public sealed record DiffSpan(RunSummary? From, RunSummary To);

public sealed record FindingDiffReport(string Product, IReadOnlyList<DiffSpan> Spans, IReadOnlyList<FindingChange> Changes)
{
    public int Count(FindingChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
