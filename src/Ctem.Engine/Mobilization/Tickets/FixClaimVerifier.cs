using Ctem.Core.Model;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Tickets;

/// <summary>
/// "The next scan verifies the claim": after a scan or ingest of a product, each finding a closed ticket claims fixed is
/// verified when the run could have seen it: resolved (or closed by VEX) holds the claim; still reported by a tool that
/// just ran reopens the ticket. Only stores the results: the network stays out of scans, and the next
/// <c>ctem tickets sync</c> posts them.
/// </summary>
public static class FixClaimVerifier
{
    public static async Task<int> AfterRecordAsync(ICtemStore store, string product, IReadOnlyCollection<string> tools, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var claims = await store.GetUnverifiedFixClaimsAsync(product, cancellationToken);
        if (claims.Count == 0)
        {
            return 0;
        }

        var findings = (await store.GetFindingsAsync(new FindingFilter(product, FindingStatusFilter.All) { Ids = claims.Select(c => c.FindingId).Distinct().ToList() }, cancellationToken))
            .ToDictionary(f => f.Id);
        var results = new List<FixVerificationResult>();
        foreach (var claim in claims)
        {
            if (findings.GetValueOrDefault(claim.FindingId) is not { } finding)
            {
                continue;
            }

            if (finding.Status == FindingStatus.Resolved || finding.Vex?.Closes == true)
            {
                results.Add(new FixVerificationResult(claim.TicketId, claim.FindingId, FixVerification.Resolved));
            }
            else if (finding.Sources.Any(tools.Contains))
            {
                results.Add(new FixVerificationResult(claim.TicketId, claim.FindingId, FixVerification.StillPresent));
            }
        }

        if (results.Count > 0)
        {
            await store.RecordFixVerificationsAsync(results, at, cancellationToken);
        }

        return results.Count;
    }
}
