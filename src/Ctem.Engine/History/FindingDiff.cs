using Ctem.Core.Stores;

namespace Ctem.Engine.History;

/// <summary>
/// <c>ctem diff</c>: the findings that are new, resolved, reopened, or changed priority between two points of a
/// product's history. By default each source's last run is compared with the run before it, so a pull request's
/// CI job sees what its own change did.
/// </summary>
public sealed class FindingDiff(ICtemStore store)
{
    /// <summary>The diff, or an error message when a run is not one of the product's (or the product has none).</summary>
    public async Task<(FindingDiffReport? Report, string? Error)> ComputeAsync(string product, long? fromRun, long? toRun, CancellationToken cancellationToken)
    {
        var runs = await store.GetRunsAsync(product, cancellationToken);
        if (runs.Count == 0)
        {
            return (null, $"product '{product}' has no runs");
        }

        var spans = new List<DiffSpan>();
        if (fromRun is null && toRun is null)
        {
            foreach (var source in runs.GroupBy(r => (r.Source, r.Tool)))
            {
                var ordered = source.OrderBy(r => r.Id).ToList();
                spans.Add(new DiffSpan(ordered.Count > 1 ? ordered[^2] : null, ordered[^1]));
            }
        }
        else
        {
            var to = toRun is { } t ? runs.FirstOrDefault(r => r.Id == t) : runs[^1];
            var from = fromRun is { } f ? runs.FirstOrDefault(r => r.Id == f) : to is null ? null : runs.LastOrDefault(r => r.Source == to.Source && r.Tool == to.Tool && r.Id < to.Id);
            if (to is null || (fromRun is not null && from is null))
            {
                return (null, $"run {(to is null ? toRun : fromRun)} is not a run of product '{product}' (see 'ctem history --product {product}')");
            }

            if (from is not null && from.Id >= to.Id)
            {
                return (null, $"--from run {from.Id} must be earlier than --to run {to.Id}");
            }

            spans.Add(new DiffSpan(from, to));
        }

        var changes = new Dictionary<long, (FindingChangeKind Kind, string? Priority, string? Previous)>();
        foreach (var span in spans)
        {
            var after = span.From?.LastEventId ?? 0;
            var events = await store.GetFindingEventsAsync(product, after, span.To.LastEventId, cancellationToken);
            // Each source's own span counts only its own run's changes; an explicit span counts everything in it.
            var perSource = fromRun is null && toRun is null;
            foreach (var finding in events.GroupBy(e => e.FindingId))
            {
                var history = finding.ToList();
                if (perSource && !history.Any(e => e.Id > after && e.RunId == span.To.Id))
                {
                    continue;
                }

                var relevant = perSource ? history.Where(e => e.Id <= after || e.RunId == span.To.Id).ToList() : history;
                var priorityBefore = FindingStates.PriorityAt(relevant, after);
                var priorityAfter = FindingStates.PriorityAt(relevant, span.To.LastEventId);
                if (FindingStates.Change(FindingStates.StatusAt(relevant, after), FindingStates.StatusAt(relevant, span.To.LastEventId), priorityBefore, priorityAfter) is { } kind)
                {
                    changes[finding.Key] = (kind, priorityAfter, priorityBefore);
                }
            }
        }

        var findings = changes.Count == 0
            ? []
            : await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.All) { Ids = changes.Keys.ToList() }, cancellationToken);
        var listed = findings
            .Select(f => new FindingChange(changes[f.Id].Kind, f, changes[f.Id].Priority ?? f.Risk?.Priority.ToString().ToLowerInvariant(), changes[f.Id].Previous))
            .OrderBy(c => c.Kind)
            .ThenByDescending(c => c.Finding.Risk?.Score ?? -1)
            .ThenBy(c => c.Finding.Id)
            .ToList();
        return (new FindingDiffReport(product, spans, listed), null);
    }
}
