using System.Globalization;
using Ctem.Core.Model;
using Ctem.Core.Scoping;
using Ctem.Core.Stores;

namespace Ctem.Engine.Mobilization.Acceptance;

/// <summary>What <c>ctem accept</c> asks: a finding, why, until when, and who decides.</summary>
public sealed record AcceptRequest(long FindingId, string? Reason, DateTimeOffset? Until, string By);

/// <summary>The acceptance recorded, or why it was refused.</summary>
public sealed record AcceptResult(RiskAcceptance? Accepted, string? Refusal);

/// <summary>
/// Accepts a finding's risk for a time. A reason and an end date are required, and the end date must lie in the future
/// and within the scope file's <c>acceptance.maxDays</c>; only a finding a source still reports can be accepted.
/// </summary>
public sealed class RiskAcceptor(ICtemStore store, TimeProvider time)
{
    public async Task<AcceptResult> AcceptAsync(AcceptRequest request, AcceptancePolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var now = time.GetUtcNow();
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Refused("an acceptance needs --reason: why the risk is accepted");
        }

        if (request.Until is not { } until)
        {
            return Refused("an acceptance needs --until DATE: when the finding comes back");
        }

        if (until <= now)
        {
            return Refused($"--until {Day(until)} is not in the future");
        }

        var latest = now.AddDays(policy.MaxDays);
        if (until > latest)
        {
            return Refused($"--until {Day(until)} is past the policy's maximum of {policy.MaxDays} days (acceptance.maxDays in the scope file): at most {Day(latest)}");
        }

        var found = await store.GetFindingsAsync(new FindingFilter(null, FindingStatusFilter.All) { Ids = [request.FindingId] }, cancellationToken);
        if (found.Count == 0)
        {
            return Refused($"no finding has the ID {request.FindingId} (see 'ctem findings')");
        }

        if (found[0].Status == FindingStatus.Resolved)
        {
            return Refused($"finding {request.FindingId} is resolved: no source reports it any more, so there is no risk to accept");
        }

        var accepted = await store.AcceptRiskAsync(request.FindingId, request.Reason.Trim(), until, request.By, now, cancellationToken);
        return accepted is null ? Refused($"no finding has the ID {request.FindingId} (see 'ctem findings')") : new AcceptResult(accepted, null);
    }

    /// <summary>An acceptance's end as people write it: a date (YYYY-MM-DD, 00:00 UTC) or a time (ISO 8601, UTC unless it says).</summary>
    public static bool TryParseUntil(string text, out DateTimeOffset until)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            until = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out until);
    }

    private static AcceptResult Refused(string why) => new(null, why);

    private static string Day(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
