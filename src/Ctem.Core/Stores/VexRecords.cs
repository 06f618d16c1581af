using Ctem.Core.Model;

namespace Ctem.Core.Stores;

/// <summary>
/// A statement to store, with where it came from: a document (<paramref name="Source"/> its path, <paramref name="Format"/>
/// its reader), a triage (<c>triage</c>) or an applied suggestion (<c>ctem</c>). <paramref name="ContentSha256"/> and
/// <paramref name="Ordinal"/> identify it: the same statement of the same content is stored once.
/// </summary>
/// <param name="At">When it was made: the statement's or document's timestamp, else when it was imported.</param>
public sealed record NewVexStatement(VexStatement Statement, string Source, string Format, string ContentSha256, int Ordinal, DateTimeOffset At)
{
    public string? DocumentId { get; init; }

    /// <summary>The product it is bound to: a Ctem product name or a product purl; null when it is about its components wherever they occur.</summary>
    public string? Product { get; init; }

    /// <summary>The finding a triage was recorded on; null for documents and suggestions.</summary>
    public long? FindingId { get; init; }
}

/// <summary>A stored statement: history, never changed after it is written.</summary>
public sealed record StoredVexStatement(long Id, VexStatement Statement, string Source, string Format, DateTimeOffset At, DateTimeOffset ImportedAt)
{
    public string? DocumentId { get; init; }

    public string? Product { get; init; }

    public long? FindingId { get; init; }
}

/// <summary>What storing statements did: for each statement given, in order, its new id, or null when it was already held.</summary>
public sealed record VexAddOutcome(IReadOnlyList<long?> Ids)
{
    public IReadOnlyList<long> Added => [.. Ids.OfType<long>()];

    public int Unchanged => Ids.Count(id => id is null);
}

/// <summary>A statement that applies to a finding.</summary>
public readonly record struct VexLink(long FindingId, long StatementId);

/// <summary>What replacing a product's links did: how many findings have a statement, and how many have a new winning statement (or lost theirs).</summary>
public sealed record VexLinkOutcome(int Findings, int Changed);

/// <summary>
/// The VEX analysis in force for a finding: its winning statement (the latest timestamp among those that apply; on a
/// tie, the one stored last).
/// </summary>
public sealed record FindingVex(long StatementId, VexState State, VexJustification Justification, string? Detail, string Source, string? Author, DateTimeOffset At)
{
    /// <summary>What to do, for <c>affected</c>: shown as the remediation note.</summary>
    public string? ActionStatement { get; init; }

    public bool Closes => VexNames.Closes(State);
}
