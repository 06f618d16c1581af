namespace Ctem.Core.Stores;

/// <summary>The tickets <c>ctem tickets sync</c> filed, their findings, and the fix claims the next scan verifies.</summary>
public partial interface ICtemStore
{
    /// <summary>Every ticket filed, with its findings, oldest first.</summary>
    Task<IReadOnlyList<StoredTicket>> GetTicketsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores a ticket by (tracker, project, grouping key), creating or updating it, and makes its findings exactly
    /// <paramref name="findingIds"/>; links kept keep their fix claims. Returns the ticket's id.
    /// </summary>
    Task<long> SaveTicketAsync(TicketWrite ticket, IReadOnlyCollection<long> findingIds, CancellationToken cancellationToken);

    /// <summary>The ticket was closed upstream: stores it closed and marks its unclaimed findings fix-claimed at <paramref name="at"/>.</summary>
    Task ClaimFixAsync(long ticketId, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The fix claims on a product's findings that no scan has verified yet.</summary>
    Task<IReadOnlyList<FixClaim>> GetUnverifiedFixClaimsAsync(string product, CancellationToken cancellationToken);

    /// <summary>Stores what a scan found of claimed fixes, for the next sync to post.</summary>
    Task RecordFixVerificationsAsync(IReadOnlyCollection<FixVerificationResult> results, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// The verification results of a ticket were posted: marks them so; when the ticket was reopened, stores it open
    /// and clears the claims of the findings still present, so a later close is a new claim.
    /// </summary>
    Task MarkVerificationsPostedAsync(long ticketId, bool reopened, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A risk acceptance of the finding was noted on the ticket; <paramref name="acceptance"/> identifies it, so it is noted once.</summary>
    Task MarkAcceptanceNotedAsync(long ticketId, long findingId, string acceptance, CancellationToken cancellationToken);
}
