using System.Data.Common;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// What a run writes for the findings it continued, set-based: their new values are bulk-loaded into a temporary
/// table (COPY on PostgreSQL) and applied with one UPDATE … FROM, their sources upserted with one INSERT … SELECT,
/// and the run's events inserted in the plan's order. A scan of thousands of known findings costs a few statements,
/// not a round trip each.
/// </summary>
internal static class FindingBatchWriter
{
    // The table lives for the transaction only (dropped before commit).
    private const string CreateSql = $"""
        CREATE TEMP TABLE continued_findings (id BIGINT NOT NULL, {FindingColumns.ObservedDdl}, reopens INTEGER NOT NULL);
        CREATE TEMP TABLE run_finding_sources (finding_id BIGINT NOT NULL, reported_as_json TEXT NOT NULL)
        """;

    private static readonly string[] ContinuedColumns = ["id", .. FindingColumns.Observed, "reopens"];

    // The observed columns an index of findings holds (with status, which a reopening changes). A rewritten indexed
    // column costs an index update even when its value is the same, and most continued findings change none of them.
    private static readonly string[] IndexedColumns = ["finding_key", "component_purl", "vulnerability_id", "risk_score"];

    // Every other observed column is taken as observed; a continued finding is open and seen now.
    private static readonly string UpdateSql =
        "UPDATE findings SET "
        + string.Join(", ", ContinuedColumns.Skip(1).SkipLast(1).Except(IndexedColumns).Select(c => $"{c} = c.{c}"))
        + ", last_seen_at = @At, resolved_at = NULL, last_run_id = @RunId, reopen_count = findings.reopen_count + c.reopens"
        + " FROM continued_findings c WHERE findings.id = c.id";

    // Only the rows whose indexed values differ; risk_score is nullable, the others are not.
    private static readonly string UpdateIndexedSql =
        "UPDATE findings SET "
        + string.Join(", ", IndexedColumns.Select(c => $"{c} = c.{c}"))
        + ", status = 'open' FROM continued_findings c WHERE findings.id = c.id AND (findings.status <> 'open'"
        + string.Concat(IndexedColumns.SkipLast(1).Select(c => $" OR findings.{c} <> c.{c}"))
        + " OR findings.risk_score <> c.risk_score OR (findings.risk_score IS NULL) <> (c.risk_score IS NULL))";

    // WHERE TRUE: SQLite would otherwise read ON CONFLICT as part of the SELECT's join.
    private const string UpsertSourcesSql = """
        INSERT INTO finding_sources (finding_id, source, tool, first_run_id, last_run_id, active, reported_as_json)
        SELECT finding_id, @Source, @Tool, @RunId, @RunId, TRUE, reported_as_json FROM run_finding_sources WHERE TRUE
        ON CONFLICT (finding_id, source, tool) DO UPDATE SET last_run_id = excluded.last_run_id, active = TRUE, reported_as_json = excluded.reported_as_json
        """;

    private static readonly string[] EventColumns = ["finding_id", "run_id", "at", "kind", "priority", "previous_priority"];

    /// <param name="continued">The continued findings' rows (with their ids) and whether each came back (1) or not (0).</param>
    /// <param name="sources">Every finding the run reported, with the names its source gave it.</param>
    /// <param name="events">The run's opened, reopened and priority events, in the order they happened.</param>
    public static async Task WriteAsync(
        ISqlDialect dialect,
        DbConnection connection,
        DbTransaction transaction,
        RunWrite run,
        IReadOnlyList<(FindingRow Row, int Reopens)> continued,
        IReadOnlyList<(long FindingId, string ReportedAsJson)> sources,
        IReadOnlyList<(long FindingId, string Kind, string? Priority, string? PreviousPriority)> events,
        CancellationToken cancellationToken)
    {
        var parameters = new { run.At, run.RunId, run.Source, run.Tool };
        await ExecuteAsync(connection, transaction, CreateSql, null, cancellationToken);
        await dialect.BulkInsertAsync(connection, transaction, "continued_findings", ContinuedColumns, continued.Select(c => Values(c.Row, c.Reopens)), cancellationToken);
        await dialect.BulkInsertAsync(connection, transaction, "run_finding_sources", ["finding_id", "reported_as_json"], sources.Select(s => new object?[] { s.FindingId, s.ReportedAsJson }), cancellationToken);
        await ExecuteAsync(connection, transaction, UpdateIndexedSql, null, cancellationToken);
        await ExecuteAsync(connection, transaction, UpdateSql, parameters, cancellationToken);
        await ExecuteAsync(connection, transaction, UpsertSourcesSql, parameters, cancellationToken);
        await dialect.BulkInsertAsync(
            connection, transaction, "finding_events", EventColumns,
            events.Select(e => new object?[] { e.FindingId, run.RunId, run.At, e.Kind, e.Priority, e.PreviousPriority }), cancellationToken);
        await ExecuteAsync(connection, transaction, "DROP TABLE continued_findings; DROP TABLE run_finding_sources", null, cancellationToken);
    }

    private static object?[] Values(FindingRow row, int reopens) => [.. FindingColumns.Values(row.Id, row), reopens];

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object? parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}

/// <summary>The run a batch of finding writes belongs to.</summary>
internal sealed record RunWrite(long RunId, string Source, string Tool, DateTimeOffset At);
