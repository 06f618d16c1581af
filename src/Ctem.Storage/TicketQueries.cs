using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads and writes of tickets, their findings and the fix claims on them.</summary>
internal static class TicketQueries
{
    private const string Resolved = "resolved";
    private const string StillPresent = "still_present";

    public static async Task<IReadOnlyList<StoredTicket>> AllAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var tickets = await connection.QueryAsync<TicketRow>(new CommandDefinition(
            """
            SELECT id AS Id, tracker AS Tracker, project AS Project, grouping_key AS GroupingKey, external_key AS ExternalKey, url AS Url,
                state AS State, content_sha256 AS ContentSha256, created_at AS CreatedAt, synced_at AS SyncedAt
            FROM tickets ORDER BY id
            """, cancellationToken: cancellationToken));
        var links = (await connection.QueryAsync<LinkRow>(new CommandDefinition(
            """
            SELECT ticket_id AS TicketId, finding_id AS FindingId, fix_claimed_at AS FixClaimedAt, verification AS Verification,
                verified_at AS VerifiedAt, verification_posted_at AS VerificationPostedAt, acceptance_noted AS AcceptanceNoted
            FROM ticket_findings ORDER BY ticket_id, finding_id
            """, cancellationToken: cancellationToken))).ToLookup(l => l.TicketId);
        return tickets.Select(t => new StoredTicket(
                t.Id, t.Tracker, t.Project, t.GroupingKey, t.ExternalKey, t.Url, t.State, t.ContentSha256, t.CreatedAt, t.SyncedAt,
                links[t.Id].Select(l => l.ToLink()).ToList()))
            .ToList();
    }

    public static async Task<long> SaveAsync(
        DbConnection connection, DbTransaction transaction, TicketWrite ticket, IReadOnlyCollection<long> findingIds, CancellationToken cancellationToken)
    {
        var id = await connection.QuerySingleAsync<long>(new CommandDefinition(
            """
            INSERT INTO tickets (tracker, project, grouping_key, external_key, url, state, content_sha256, created_at, synced_at)
            VALUES (@Tracker, @Project, @GroupingKey, @ExternalKey, @Url, @State, @ContentSha256, @SyncedAt, @SyncedAt)
            ON CONFLICT (tracker, project, grouping_key) DO UPDATE SET external_key = excluded.external_key, url = excluded.url,
                state = excluded.state, content_sha256 = excluded.content_sha256, synced_at = excluded.synced_at
            RETURNING id
            """, ticket, transaction, cancellationToken: cancellationToken));
        var held = (await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT finding_id FROM ticket_findings WHERE ticket_id = @Id", new { Id = id }, transaction, cancellationToken: cancellationToken))).ToHashSet();
        var wanted = findingIds.ToHashSet();
        foreach (var gone in held.Where(f => !wanted.Contains(f)))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM ticket_findings WHERE ticket_id = @Id AND finding_id = @FindingId", new { Id = id, FindingId = gone }, transaction, cancellationToken: cancellationToken));
        }

        foreach (var added in wanted.Where(f => !held.Contains(f)).Order())
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ticket_findings (ticket_id, finding_id) VALUES (@Id, @FindingId)", new { Id = id, FindingId = added }, transaction, cancellationToken: cancellationToken));
        }

        return id;
    }

    public static async Task ClaimFixAsync(DbConnection connection, DbTransaction transaction, long ticketId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tickets SET state = 'closed', synced_at = @At WHERE id = @Id", new { Id = ticketId, At = at }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ticket_findings SET fix_claimed_at = @At WHERE ticket_id = @Id AND fix_claimed_at IS NULL",
            new { Id = ticketId, At = at }, transaction, cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyList<FixClaim>> UnverifiedClaimsAsync(DbConnection connection, string product, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LinkRow>(new CommandDefinition(
            """
            SELECT l.ticket_id AS TicketId, l.finding_id AS FindingId, l.fix_claimed_at AS FixClaimedAt
            FROM ticket_findings l
            JOIN findings f ON f.id = l.finding_id
            JOIN products p ON p.id = f.product_id
            WHERE p.name = @Product AND l.fix_claimed_at IS NOT NULL AND l.verification IS NULL
            ORDER BY l.ticket_id, l.finding_id
            """, new { Product = product }, cancellationToken: cancellationToken));
        return rows.Select(r => new FixClaim(r.TicketId, r.FindingId, r.FixClaimedAt!.Value)).ToList();
    }

    public static async Task RecordVerificationsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<FixVerificationResult> results, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var result in results)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE ticket_findings SET verification = @Verification, verified_at = @At, verification_posted_at = NULL
                WHERE ticket_id = @TicketId AND finding_id = @FindingId
                """,
                new { result.TicketId, result.FindingId, Verification = Name(result.Result), At = at }, transaction, cancellationToken: cancellationToken));
        }
    }

    public static async Task MarkPostedAsync(DbConnection connection, DbTransaction transaction, long ticketId, bool reopened, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var parameters = new { Id = ticketId, At = at };
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ticket_findings SET verification_posted_at = @At WHERE ticket_id = @Id AND verification IS NOT NULL AND verification_posted_at IS NULL",
            parameters, transaction, cancellationToken: cancellationToken));
        if (reopened)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE tickets SET state = 'open', synced_at = @At WHERE id = @Id", parameters, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                $"UPDATE ticket_findings SET fix_claimed_at = NULL, verification = NULL, verified_at = NULL, verification_posted_at = NULL WHERE ticket_id = @Id AND verification = '{StillPresent}'",
                parameters, transaction, cancellationToken: cancellationToken));
        }
    }

    public static async Task MarkAcceptanceNotedAsync(DbConnection connection, long ticketId, long findingId, string acceptance, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ticket_findings SET acceptance_noted = @Acceptance WHERE ticket_id = @TicketId AND finding_id = @FindingId",
            new { TicketId = ticketId, FindingId = findingId, Acceptance = acceptance }, cancellationToken: cancellationToken));

    private static string Name(FixVerification verification) => verification switch
    {
        FixVerification.Resolved => Resolved,
        FixVerification.StillPresent => StillPresent,
        _ => throw new ArgumentOutOfRangeException(nameof(verification), verification, "not a verification result"),
    };

    private sealed class TicketRow
    {
        public long Id { get; set; }

        public string Tracker { get; set; } = "";

        public string Project { get; set; } = "";

        public string GroupingKey { get; set; } = "";

        public string ExternalKey { get; set; } = "";

        public string Url { get; set; } = "";

        public string State { get; set; } = "";

        public string ContentSha256 { get; set; } = "";

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset SyncedAt { get; set; }
    }

    private sealed class LinkRow
    {
        public long TicketId { get; set; }

        public long FindingId { get; set; }

        public DateTimeOffset? FixClaimedAt { get; set; }

        public string? Verification { get; set; }

        public DateTimeOffset? VerifiedAt { get; set; }

        public DateTimeOffset? VerificationPostedAt { get; set; }

        public string? AcceptanceNoted { get; set; }

        public TicketLink ToLink() => new(
            FindingId,
            FixClaimedAt,
            Verification switch { Resolved => FixVerification.Resolved, StillPresent => FixVerification.StillPresent, _ => FixVerification.Unspecified },
            VerifiedAt,
            VerificationPostedAt,
            AcceptanceNoted);
    }
}
