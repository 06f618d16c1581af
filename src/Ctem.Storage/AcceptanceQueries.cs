using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Assignments and risk acceptances: each change is one transaction with its history event.</summary>
internal static class AcceptanceQueries
{
    private const string AcceptanceColumns = """
        a.id AS Id, a.finding_id AS FindingId, a.reason AS Reason, a.until AS Until, a.accepted_by AS AcceptedBy,
        a.accepted_at AS AcceptedAt, p.name AS Product
        """;

    public static async Task<Assignment?> AssignAsync(DbConnection connection, DbTransaction transaction, long findingId, string team, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var finding = await connection.QuerySingleOrDefaultAsync<(string Product, string? Owner)?>(new CommandDefinition(
            "SELECT p.name AS Product, COALESCE(f.assigned_owner, f.owner) AS Owner FROM findings f JOIN products p ON p.id = f.product_id WHERE f.id = @Id",
            new { Id = findingId }, transaction, cancellationToken: cancellationToken));
        if (finding is not { } known)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE findings SET assigned_owner = @Team, assigned_by = @By WHERE id = @Id",
            new { Id = findingId, Team = team, By = by }, transaction, cancellationToken: cancellationToken));
        await EventAsync(connection, transaction, findingId, at, FindingStates.Assigned, by, known.Owner, team, null, cancellationToken);
        return new Assignment(findingId, known.Product, known.Owner, team, by, at);
    }

    /// <summary>Accepts the risk of a finding, replacing an acceptance in force; null when there is no such finding.</summary>
    public static async Task<RiskAcceptance?> AcceptAsync(
        DbConnection connection, DbTransaction transaction, long findingId, string reason, DateTimeOffset until, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var product = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT p.name FROM findings f JOIN products p ON p.id = f.product_id WHERE f.id = @Id",
            new { Id = findingId }, transaction, cancellationToken: cancellationToken));
        if (product is null)
        {
            return null;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE finding_acceptances SET ended_at = @At, ended_why = 'replaced' WHERE finding_id = @Id AND ended_at IS NULL",
            new { Id = findingId, At = at }, transaction, cancellationToken: cancellationToken));
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO finding_acceptances (finding_id, reason, until, accepted_by, accepted_at)
            VALUES (@Id, @Reason, @Until, @By, @At)
            RETURNING id
            """,
            new { Id = findingId, Reason = reason, Until = until, By = by, At = at }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE findings SET acceptance_id = @AcceptanceId WHERE id = @Id",
            new { Id = findingId, AcceptanceId = id }, transaction, cancellationToken: cancellationToken));
        await EventAsync(connection, transaction, findingId, at, FindingStates.Accepted, by, null, Timestamps.ToText(until), reason, cancellationToken);
        return new RiskAcceptance(id, findingId, reason, until, by, at) { Product = product };
    }

    /// <summary>Ends every acceptance in force whose end date has come, puts its finding back, and records the event.</summary>
    public static async Task<IReadOnlyList<RiskAcceptance>> ExpireAsync(DbConnection connection, DbTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Compared here rather than in SQL: SQLite keeps times as text.
        var due = (await InForceAsync(connection, transaction, null, cancellationToken)).Where(a => a.Until <= now).ToList();
        foreach (var acceptance in due)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE finding_acceptances SET ended_at = @At, ended_why = 'expired' WHERE id = @Id",
                new { acceptance.Id, At = now }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE findings SET acceptance_id = NULL WHERE id = @FindingId AND acceptance_id = @Id",
                new { acceptance.FindingId, acceptance.Id }, transaction, cancellationToken: cancellationToken));
            await EventAsync(connection, transaction, acceptance.FindingId, now, FindingStates.AcceptanceExpired, null, Timestamps.ToText(acceptance.Until), null, acceptance.Reason, cancellationToken);
        }

        return due;
    }

    /// <summary>
    /// The acceptances in force, of the given findings or of all. Every scan and ingest asks, so the query starts from
    /// the acceptances, which are few, and reaches each finding by its key: starting from the findings read all of a
    /// portfolio's findings whenever the planner's statistics lagged behind a growing table.
    /// </summary>
    public static async Task<IReadOnlyList<RiskAcceptance>> InForceAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<long>? findingIds, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AcceptanceRow>(new CommandDefinition(
            $"""
            SELECT {AcceptanceColumns}
            FROM finding_acceptances a
            JOIN findings f ON f.id = a.finding_id AND f.acceptance_id = a.id
            JOIN products p ON p.id = f.product_id
            ORDER BY a.id
            """,
            transaction: transaction, cancellationToken: cancellationToken));
        var wanted = findingIds?.ToHashSet();
        return [.. rows.Where(r => wanted is null || wanted.Contains(r.FindingId)).Select(r => r.ToAcceptance())];
    }

    private static Task EventAsync(
        DbConnection connection, DbTransaction transaction, long findingId, DateTimeOffset at, string kind, string? actor, string? from, string? to, string? reason, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO finding_events (finding_id, run_id, at, kind, actor, from_value, to_value, reason) VALUES (@FindingId, NULL, @At, @Kind, @Actor, @From, @To, @Reason)",
            new { FindingId = findingId, At = at, Kind = kind, Actor = actor, From = from, To = to, Reason = reason },
            transaction,
            cancellationToken: cancellationToken));

    private sealed class AcceptanceRow
    {
        public long Id { get; set; }

        public long FindingId { get; set; }

        public string Reason { get; set; } = "";

        public DateTimeOffset Until { get; set; }

        public string AcceptedBy { get; set; } = "";

        public DateTimeOffset AcceptedAt { get; set; }

        public string Product { get; set; } = "";

        public RiskAcceptance ToAcceptance() => new(Id, FindingId, Reason, Until, AcceptedBy, AcceptedAt) { Product = Product };
    }
}
