using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Validation evidence: each outcome is one row and one <c>validation</c> event of its finding, in one transaction.</summary>
internal static class ValidationQueries
{
    private const string EvidenceColumns = """
        v.id AS Id, v.finding_id AS FindingId, p.name AS Product, v.check_id AS CheckId, v.outcome AS Outcome, v.checked_at AS CheckedAt,
        v.target AS Target, v.detail AS Detail, v.excerpt AS Excerpt, v.retest AS Retest
        """;

    public static async Task<IReadOnlyList<ValidationEvidence>> RecordAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, IReadOnlyList<NewValidationEvidence> evidence, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var item in evidence)
        {
            var known = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                "SELECT id FROM findings WHERE id = @Id", new { Id = item.FindingId }, transaction, cancellationToken: cancellationToken));
            if (known is null)
            {
                continue;
            }

            var outcome = ValidationOutcomes.Name(item.Outcome);
            ids.Add(await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO validation_evidence (finding_id, check_id, outcome, checked_at, target, detail, excerpt, retest)
                VALUES (@FindingId, @CheckId, @Outcome, @At, @Target, @Detail, @Excerpt, @Retest)
                RETURNING id
                """,
                new { item.FindingId, item.CheckId, Outcome = outcome, item.At, item.Target, item.Detail, item.Excerpt, item.Retest },
                transaction,
                cancellationToken: cancellationToken)));
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO finding_events (finding_id, run_id, at, kind, actor, from_value, to_value, reason) VALUES (@FindingId, NULL, @At, @Kind, @Actor, NULL, @Outcome, @Reason)",
                new { item.FindingId, item.At, Kind = FindingStates.Validation, Actor = item.Retest ? "ctem validate --retest" : "ctem validate", Outcome = outcome, Reason = $"check {item.CheckId} on {item.Target}" },
                transaction,
                cancellationToken: cancellationToken));
        }

        return ids.Count == 0 ? [] : await ReadAsync(connection, transaction, dialect.InValues("v.id", "Ids"), new { Ids = dialect.ListValue(ids) }, cancellationToken);
    }

    public static Task<IReadOnlyList<ValidationEvidence>> GetAsync(ISqlDialect dialect, DbConnection connection, string? product, IReadOnlyCollection<long>? findingIds, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (product is not null)
        {
            filters.Add("p.name = @Product");
        }

        if (findingIds is not null)
        {
            filters.Add(dialect.InValues("v.finding_id", "Ids"));
        }

        return ReadAsync(connection, null, filters.Count == 0 ? "1 = 1" : string.Join(" AND ", filters), new { Product = product, Ids = dialect.ListValue(findingIds ?? []) }, cancellationToken);
    }

    private static async Task<IReadOnlyList<ValidationEvidence>> ReadAsync(DbConnection connection, DbTransaction? transaction, string where, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<EvidenceRow>(new CommandDefinition(
            $"""
            SELECT {EvidenceColumns}
            FROM validation_evidence v
            JOIN findings f ON f.id = v.finding_id
            JOIN products p ON p.id = f.product_id
            WHERE {where}
            ORDER BY v.id
            """,
            parameters,
            transaction,
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEvidence())];
    }

    private sealed class EvidenceRow
    {
        public long Id { get; set; }

        public long FindingId { get; set; }

        public string Product { get; set; } = "";

        public string CheckId { get; set; } = "";

        public string Outcome { get; set; } = "";

        public DateTimeOffset CheckedAt { get; set; }

        public string Target { get; set; } = "";

        public string Detail { get; set; } = "";

        public string? Excerpt { get; set; }

        public bool Retest { get; set; }

        public ValidationEvidence ToEvidence() =>
            new(Id, FindingId, Product, CheckId, ValidationOutcomes.Parse(Outcome) ?? throw new InvalidOperationException($"unknown validation outcome '{Outcome}' in the database"),
                CheckedAt, Target, Detail, Excerpt, Retest);
    }
}
