namespace Ctem.Core.Stores;

/// <summary>What a fix claim turned out to be at the next scan of the finding's source.</summary>
public enum FixVerification
{
    Unspecified = 0,

    /// <summary>The finding is resolved: the claim holds.</summary>
    Resolved,

    /// <summary>The finding is still reported: the ticket is to be reopened.</summary>
    StillPresent,
}

/// <summary>A ticket as stored: where it lives upstream and what Ctem last wrote to it.</summary>
/// <param name="Tracker">github or jira.</param>
/// <param name="Project">The GitHub repository (owner/name) or the Jira project key.</param>
/// <param name="GroupingKey">What the ticket is about, stable across syncs: <c>action:ECOSYSTEM/NAME@TO</c> or <c>finding:ID</c>.</param>
/// <param name="ExternalKey">The issue number (GitHub) or issue key (Jira): the source of truth for finding it again.</param>
/// <param name="State">open or closed, as last seen or set.</param>
/// <param name="ContentSha256">The digest of the title and body last written, so an unchanged ticket is not written again.</param>
public sealed record StoredTicket(
    long Id,
    string Tracker,
    string Project,
    string GroupingKey,
    string ExternalKey,
    string Url,
    string State,
    string ContentSha256,
    DateTimeOffset CreatedAt,
    DateTimeOffset SyncedAt,
    IReadOnlyList<TicketLink> Findings);

/// <summary>A finding of a ticket, with the claim that the ticket's closing fixed it and what the next scan found.</summary>
public sealed record TicketLink(
    long FindingId,
    DateTimeOffset? FixClaimedAt,
    FixVerification Verification,
    DateTimeOffset? VerifiedAt,
    DateTimeOffset? VerificationPostedAt,
    string? AcceptanceNoted)
{
    /// <summary>Claimed fixed by closing the ticket, and not yet found still present.</summary>
    public bool FixClaimed => FixClaimedAt is not null && Verification != FixVerification.StillPresent;

    /// <summary>A verification result the next sync is to post.</summary>
    public bool VerificationPending => Verification != FixVerification.Unspecified && VerificationPostedAt is null;
}

/// <summary>A ticket to store: everything but the findings, which are given beside it.</summary>
public sealed record TicketWrite(
    string Tracker,
    string Project,
    string GroupingKey,
    string ExternalKey,
    string Url,
    string State,
    string ContentSha256,
    DateTimeOffset SyncedAt);

/// <summary>A finding a closed ticket claims fixed, and since when.</summary>
public sealed record FixClaim(long TicketId, long FindingId, DateTimeOffset ClaimedAt);

public sealed record FixVerificationResult(long TicketId, long FindingId, FixVerification Result);
