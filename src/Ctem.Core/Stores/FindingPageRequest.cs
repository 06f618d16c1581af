using Ctem.Core.Scoring.Ssvc;

namespace Ctem.Core.Stores;

/// <summary>The orders a page of findings can be read in, each total (ties broken by id) so a cursor can resume it.</summary>
public enum FindingOrder
{
    /// <summary>Most urgent first: score descending (none last), then product, component, vulnerability and id, ordinal.</summary>
    Priority,

    /// <summary>Oldest first.</summary>
    Id,

    /// <summary>
    /// Soonest due first (<see cref="Scoring.Risk.DueDate"/>: the SLA from first seen, or KEV's due day when earlier),
    /// findings without a due date last; then product, component, vulnerability and id, ordinal. Read by
    /// <see cref="FindingPageRequest.Offset"/>, not by a cursor: no index holds it, since KEV's day joins at read time.
    /// </summary>
    Due,
}

/// <summary>Where the previous page ended: the sort key of its last finding (<see cref="Score"/> is -1 for a finding without an assessment).</summary>
public sealed record FindingPosition(double Score, string Product, string Purl, string Vulnerability, long Id);

/// <summary>
/// One page of findings filtered, ordered and cut in the database, so a listing never reads more than it shows. The
/// filters narrow <see cref="Filter"/>; a null one does not filter.
/// </summary>
public sealed record FindingPageRequest(FindingFilter Filter, FindingOrder Order, int Limit)
{
    /// <summary>Only these products (what an API token's team sees); null for every product.</summary>
    public IReadOnlyCollection<string>? Products { get; init; }

    /// <summary>Only these priorities (critical, high, medium, low); null or empty for any.</summary>
    public IReadOnlyCollection<string>? Priorities { get; init; }

    /// <summary>True: only findings whose vulnerability (by id or any alias) is in CISA's KEV catalogue; false: only those not in it.</summary>
    public bool? Kev { get; init; }

    /// <summary>
    /// Text a finding's vulnerability id, alias, summary, purl, package name or product contains, ignoring case. The
    /// store may return a few findings that do not contain it (it compares ASCII case only); callers check again.
    /// </summary>
    public string? Text { get; init; }

    /// <summary>Only findings whose assessment has this SSVC decision; null for any.</summary>
    public SsvcOutcome? Ssvc { get; init; }

    /// <summary>Start after this position; null for the first page. Not for <see cref="FindingOrder.Due"/>.</summary>
    public FindingPosition? After { get; init; }

    /// <summary>Skip this many findings (after <see cref="After"/>, if any) before the page: numbered pages.</summary>
    public int Offset { get; init; }
}

/// <summary>
/// A product's open findings at a glance, counted in the database: by priority (open as the findings list means it:
/// no accepted risk, not closed by VEX), those of them in CISA's KEV, and the SLA breaches as <c>ctem sla</c> counts
/// them (findings a source still reports, past their due date).
/// </summary>
public sealed record ProductFindingCounts(string Product, IReadOnlyDictionary<string, int> OpenByPriority, int Kev, int Breached);
