using Ctem.Core.Model;
using Ctem.Core.Stores;
using Ctem.Engine.Prioritization;

namespace Ctem.Engine.Mobilization.Sla;

/// <summary>Reads what <c>ctem sla</c> needs from the store — every finding of the products asked for, their KEV entries and history — and computes the report.</summary>
public static class SlaReporter
{
    public static Task<SlaReport> ReportAsync(ICtemStore store, string? product, string? owner, DateTimeOffset now, CancellationToken cancellationToken) =>
        ReportAsync(store, product, owner, among: null, now, cancellationToken);

    /// <param name="among">Only these products (those an API token's team may see); null for every product.</param>
    public static async Task<SlaReport> ReportAsync(
        ICtemStore store, string? product, string? owner, IReadOnlySet<string>? among, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inputs = await LoadAsync(store, product, owner, among, cancellationToken);
        return SlaCalculator.Compute(inputs.Findings, inputs.Kev, inputs.Events, now);
    }

    /// <summary>What the report is computed from (and the dashboard's weekly compliance too).</summary>
    /// <param name="among">Only these products (those an API token's team may see); null for every product.</param>
    public static async Task<SlaInputs> LoadAsync(ICtemStore store, string? product, string? owner, IReadOnlySet<string>? among, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var findings = (await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.All) { Owner = owner }, cancellationToken))
            .Where(f => among is null || among.Contains(f.Product))
            .ToList();
        var exploitation = await ExploitationLookup.ForAsync(store, findings.Select(f => f.Vulnerability), cancellationToken);
        var kev = exploitation.Where(e => e.Value.Kev is not null).ToDictionary(e => e.Key, e => e.Value.Kev!, StringComparer.Ordinal);
        var events = new List<FindingEvent>();
        foreach (var name in findings.Select(f => f.Product).Distinct(StringComparer.Ordinal))
        {
            events.AddRange(await store.GetFindingEventsAsync(name, 0, long.MaxValue, cancellationToken));
        }

        return new SlaInputs(findings, kev, events);
    }
}

/// <summary>The findings (open and resolved), their KEV entries by vulnerability id, and their products' history.</summary>
public sealed record SlaInputs(IReadOnlyList<StoredFinding> Findings, IReadOnlyDictionary<string, KevEntry> Kev, IReadOnlyList<FindingEvent> Events);
