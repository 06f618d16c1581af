using System.Globalization;
using System.Text;
using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// Two-way sync of the desired tickets with each tracker: upstream closes become fix claims, the verification results
/// of the last scans are posted (a comment; a reopen when a finding is still present), tickets are created or updated
/// only when their content changed, and tickets with nothing left open are closed with a comment. The stored external
/// key is the source of truth: a re-run never creates a duplicate.
/// </summary>
public sealed class TicketSync(ICtemStore store, TimeProvider time, IRiskAcceptances? acceptances = null)
{
    public async Task<TicketSyncReport> SyncAsync(
        IReadOnlyList<DesiredTicket> desired, IReadOnlyDictionary<TicketTarget, ITicketTracker> trackers, bool dryRun, CancellationToken cancellationToken,
        IReadOnlySet<long>? within = null)
    {
        // With --product, a ticket that also holds other products' findings is not closed for lacking this one's.
        bool InScope(StoredTicket ticket) => within is null || ticket.Findings.All(l => within.Contains(l.FindingId));
        var stored = await store.GetTicketsAsync(cancellationToken);
        var outcomes = new List<TicketOutcome>();
        var errors = new List<string>();
        var targets = desired.Select(d => d.Target).Concat(trackers.Keys).Distinct().OrderBy(t => t.TrackerName, StringComparer.Ordinal).ThenBy(t => t.Project, StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var here = desired.Where(d => d.Target == target).ToList();
            var held = stored.Where(s => s.Tracker == target.TrackerName && s.Project == target.Project && InScope(s)).ToList();
            if (dryRun)
            {
                outcomes.AddRange(Dry(target, here, held));
                continue;
            }

            if (!trackers.TryGetValue(target, out var tracker))
            {
                errors.Add($"{target.TrackerName} {target.Project}: no tracker is configured for it");
                continue;
            }

            try
            {
                outcomes.AddRange(await SyncTargetAsync(tracker, target, here, held, InScope, cancellationToken));
            }
            catch (TrackerException e)
            {
                errors.Add(e.Message);
            }
        }

        return new TicketSyncReport(outcomes, errors, dryRun);
    }

    private static IEnumerable<TicketOutcome> Dry(TicketTarget target, List<DesiredTicket> here, List<StoredTicket> held)
    {
        var byKey = held.ToDictionary(t => t.GroupingKey, StringComparer.Ordinal);
        foreach (var ticket in here)
        {
            var action = byKey.GetValueOrDefault(ticket.GroupingKey) is not { } s ? "would-create" : s.ContentSha256 == ticket.Content.Sha256 ? "unchanged" : "would-update";
            var existing = byKey.GetValueOrDefault(ticket.GroupingKey);
            yield return new TicketOutcome(target.TrackerName, target.Project, ticket.GroupingKey, existing?.ExternalKey, existing?.Url, existing?.State ?? "open",
                [action], [.. ticket.Findings.Select(f => f.Id)], Claimed(existing));
        }

        var wanted = here.Select(d => d.GroupingKey).ToHashSet(StringComparer.Ordinal);
        foreach (var s in held.Where(s => s.State == "open" && !wanted.Contains(s.GroupingKey)))
        {
            yield return Outcome(s, s.State, ["would-close"]);
        }
    }

    private async Task<List<TicketOutcome>> SyncTargetAsync(
        ITicketTracker tracker, TicketTarget target, List<DesiredTicket> here, List<StoredTicket> held, Func<StoredTicket, bool> inScope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var actions = held.ToDictionary(t => t.GroupingKey, _ => new List<string>(), StringComparer.Ordinal);
        var upstream = await tracker.GetOpenStatesAsync([.. held.Select(t => t.ExternalKey)], cancellationToken);
        var states = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var ticket in held)
        {
            if (!upstream.TryGetValue(ticket.ExternalKey, out var open))
            {
                actions[ticket.GroupingKey].Add("gone-upstream");
                states[ticket.GroupingKey] = ticket.State;
                continue;
            }

            if (ticket.State == "open" && !open)
            {
                await store.ClaimFixAsync(ticket.Id, now, cancellationToken);
                actions[ticket.GroupingKey].Add("fix-claimed");
            }

            states[ticket.GroupingKey] = open ? "open" : "closed";
        }

        held = [.. (await store.GetTicketsAsync(cancellationToken)).Where(s => s.Tracker == target.TrackerName && s.Project == target.Project && inScope(s))];
        foreach (var ticket in held.Where(t => t.Findings.Any(l => l.VerificationPending) && upstream.ContainsKey(t.ExternalKey)))
        {
            var reopened = await PostVerificationsAsync(tracker, ticket, states[ticket.GroupingKey] == "open", cancellationToken);
            actions[ticket.GroupingKey].Add("verified");
            if (reopened)
            {
                states[ticket.GroupingKey] = "open";
                actions[ticket.GroupingKey].Add("reopened");
            }
        }

        held = [.. (await store.GetTicketsAsync(cancellationToken)).Where(s => s.Tracker == target.TrackerName && s.Project == target.Project && inScope(s))];
        var byKey = held.ToDictionary(t => t.GroupingKey, StringComparer.Ordinal);
        var outcomes = new List<TicketOutcome>();
        foreach (var ticket in here)
        {
            outcomes.Add(await WriteAsync(tracker, ticket, byKey.GetValueOrDefault(ticket.GroupingKey), states, actions, now, cancellationToken));
        }

        var wanted = here.Select(d => d.GroupingKey).ToHashSet(StringComparer.Ordinal);
        foreach (var ticket in held.Where(t => !wanted.Contains(t.GroupingKey)))
        {
            var state = states.GetValueOrDefault(ticket.GroupingKey, ticket.State);
            if (state == "open" && upstream.ContainsKey(ticket.ExternalKey))
            {
                await tracker.CommentAsync(ticket.ExternalKey, "Ctem: no finding of this ticket is open any more (resolved, or closed by VEX or another upgrade). Closing.", cancellationToken);
                await tracker.SetOpenAsync(ticket.ExternalKey, false, cancellationToken);
                await Save(ticket, "closed", ticket.ContentSha256, [.. ticket.Findings.Select(l => l.FindingId)], now, cancellationToken);
                actions[ticket.GroupingKey].Add("closed");
                state = "closed";
            }

            if (actions[ticket.GroupingKey].Count > 0)
            {
                outcomes.Add(Outcome(ticket, state, actions[ticket.GroupingKey]));
            }
        }

        await NoteAcceptancesAsync(tracker, held, cancellationToken);
        return outcomes;
    }

    private async Task<TicketOutcome> WriteAsync(
        ITicketTracker tracker, DesiredTicket ticket, StoredTicket? held, Dictionary<string, string> states, Dictionary<string, List<string>> actions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = ticket.Findings.Select(f => f.Id).ToList();
        if (held is null || (actions.GetValueOrDefault(ticket.GroupingKey) ?? []).Contains("gone-upstream"))
        {
            // A ticket deleted upstream is not re-created silently under the same key: it is reported, and filed again
            // only by a sync after its stored record is gone.
            if (held is not null)
            {
                return Outcome(held, held.State, actions[ticket.GroupingKey]);
            }

            var created = await tracker.CreateAsync(ticket.Content, cancellationToken);
            var write = new TicketWrite(tracker.Kind, tracker.Project, ticket.GroupingKey, created.ExternalKey, created.Url, "open", ticket.Content.Sha256, now);
            await store.SaveTicketAsync(write, ids, cancellationToken);
            return new TicketOutcome(tracker.Kind, tracker.Project, ticket.GroupingKey, created.ExternalKey, created.Url, "open", ["created"], ids, []);
        }

        var done = actions[ticket.GroupingKey];
        var state = states.GetValueOrDefault(ticket.GroupingKey, held.State);
        var hash = held.ContentSha256;

        // A closed ticket whose claim awaits the next scan is left alone; one closed for another reason (by Ctem, with
        // nothing left open, or by a person without a claim) whose findings are open again is reopened.
        var awaitingVerification = held.Findings.Any(l => l.FixClaimedAt is not null && l.Verification == FixVerification.Unspecified);
        if (state == "closed" && !awaitingVerification)
        {
            await tracker.CommentAsync(held.ExternalKey, $"Ctem: finding(s) {List(ids)} of this ticket are open. Reopening.", cancellationToken);
            await tracker.SetOpenAsync(held.ExternalKey, true, cancellationToken);
            state = "open";
            done.Add("reopened");
        }

        if (state == "open" && hash != ticket.Content.Sha256)
        {
            await tracker.UpdateAsync(held.ExternalKey, ticket.Content, cancellationToken);
            hash = ticket.Content.Sha256;
            done.Add("updated");
        }

        if (done.Count == 0)
        {
            done.Add("unchanged");
        }

        await Save(held, state, hash, ids, now, cancellationToken);

        // Links kept keep their claims and new links have none: what is claimed now follows without reading it back.
        var kept = ids.ToHashSet();
        return Outcome(held with { Findings = [.. held.Findings.Where(l => kept.Contains(l.FindingId))] }, state, done) with { Findings = ids };
    }

    /// <summary>Posts a ticket's pending verification results; reopens it when a finding is still present. True when reopened.</summary>
    private async Task<bool> PostVerificationsAsync(ITicketTracker tracker, StoredTicket ticket, bool open, CancellationToken cancellationToken)
    {
        var pending = ticket.Findings.Where(l => l.VerificationPending).ToList();
        var findings = (await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = [.. pending.Select(l => l.FindingId)] }, cancellationToken)).ToDictionary(f => f.Id);
        var resolved = pending.Where(l => l.Verification == FixVerification.Resolved).ToList();
        var present = pending.Where(l => l.Verification == FixVerification.StillPresent).ToList();
        var text = new StringBuilder();
        if (resolved.Count > 0)
        {
            text.Append("Ctem verified the fix: the scan no longer finds ").Append(Describe(resolved, findings)).Append('.');
        }

        if (present.Count > 0)
        {
            text.Append(text.Length > 0 ? "\n\n" : "").Append("Ctem's scan after this ticket was closed still finds ").Append(Describe(present, findings))
                .Append(open ? "." : ". Reopening.");
        }

        await tracker.CommentAsync(ticket.ExternalKey, text.ToString(), cancellationToken);
        var reopen = present.Count > 0 && !open;
        if (reopen)
        {
            await tracker.SetOpenAsync(ticket.ExternalKey, true, cancellationToken);
        }

        await store.MarkVerificationsPostedAsync(ticket.Id, present.Count > 0, time.GetUtcNow(), cancellationToken);
        return reopen;
    }

    private async Task NoteAcceptancesAsync(ITicketTracker tracker, List<StoredTicket> held, CancellationToken cancellationToken)
    {
        if (acceptances is null)
        {
            return;
        }

        var links = held.SelectMany(t => t.Findings.Select(l => (Ticket: t, Link: l))).ToList();
        var accepted = await acceptances.GetAsync([.. links.Select(l => l.Link.FindingId).Distinct()], cancellationToken);
        foreach (var (ticket, link) in links)
        {
            if (accepted.GetValueOrDefault(link.FindingId) is { } acceptance && acceptance.Id != link.AcceptanceNoted)
            {
                var until = acceptance.ExpiresAt is { } expires ? $" until {expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "";
                await tracker.CommentAsync(ticket.ExternalKey, $"Ctem: the risk of finding {link.FindingId} was accepted by {acceptance.AcceptedBy}{until}: {acceptance.Reason}", cancellationToken);
                await store.MarkAcceptanceNotedAsync(ticket.Id, link.FindingId, acceptance.Id, cancellationToken);
            }
        }
    }

    private Task Save(StoredTicket ticket, string state, string hash, IReadOnlyCollection<long> findings, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.SaveTicketAsync(new TicketWrite(ticket.Tracker, ticket.Project, ticket.GroupingKey, ticket.ExternalKey, ticket.Url, state, hash, now), findings, cancellationToken);

    private static TicketOutcome Outcome(StoredTicket ticket, string state, IReadOnlyList<string> actions) =>
        new(ticket.Tracker, ticket.Project, ticket.GroupingKey, ticket.ExternalKey, ticket.Url, state, actions, [.. ticket.Findings.Select(l => l.FindingId)], Claimed(ticket));

    private static List<long> Claimed(StoredTicket? ticket) => ticket is null ? [] : [.. ticket.Findings.Where(l => l.FixClaimed && l.Verification == FixVerification.Unspecified).Select(l => l.FindingId)];

    private static string List(IEnumerable<long> ids) => string.Join(", ", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

    private static string Describe(IEnumerable<TicketLink> links, IReadOnlyDictionary<long, StoredFinding> findings) =>
        string.Join(", ", links.Select(l => findings.GetValueOrDefault(l.FindingId) is { } f
            ? $"finding {f.Id} ({f.Vulnerability.Id} in {f.PackageName}{(f.Version is null ? "" : " " + f.Version)})"
            : $"finding {l.FindingId}"));
}
