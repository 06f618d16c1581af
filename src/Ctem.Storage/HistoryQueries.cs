using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads of a product's history: its runs and its findings' events.</summary>
internal static class HistoryQueries
{
    private const string RunsSql = """
        SELECT r.id AS Id, p.name AS Product, r.source AS Source, COALESCE(r.tool, r.source) AS Tool, r.kind AS Kind,
            r.started_at AS StartedAt, r.finished_at AS FinishedAt, r.inputs_json AS InputsJson,
            r.component_count AS Components, r.finding_count AS Findings, r.new_count AS New, r.reopened_count AS Reopened,
            r.resolved_count AS Resolved, COALESCE(r.last_event_id, 0) AS LastEventId
        FROM runs r
        JOIN products p ON p.id = r.product_id
        WHERE p.name = @Product
        ORDER BY r.id
        """;

    // Every event up to the later point of the findings that changed between the two points: their state at both
    // points follows from them.
    private const string EventsSql = """
        SELECT e.id AS Id, e.finding_id AS FindingId, e.run_id AS RunId, e.at AS At, e.kind AS Kind,
            e.priority AS Priority, e.previous_priority AS PreviousPriority, e.vex_state AS VexState, e.vex_statement_id AS VexStatementId,
            e.actor AS Actor, e.from_value AS FromValue, e.to_value AS ToValue, e.reason AS Reason
        FROM finding_events e
        WHERE e.id <= @Upto AND e.finding_id IN (
            SELECT c.finding_id
            FROM finding_events c
            JOIN findings f ON f.id = c.finding_id
            JOIN products p ON p.id = f.product_id
            WHERE p.name = @Product AND c.id > @After AND c.id <= @Upto)
        ORDER BY e.id
        """;

    public static async Task<IReadOnlyList<RunSummary>> RunsAsync(DbConnection connection, string product, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<RunRow>(new CommandDefinition(RunsSql, new { Product = product }, cancellationToken: cancellationToken));
        return rows.Select(r => new RunSummary(
                r.Id, r.Product, r.Source, r.Tool, RunKinds.Of(r.Kind), r.StartedAt, r.FinishedAt,
                StorageJson.Deserialize<List<ScanInput>>(r.InputsJson), (int)r.Components, (int)r.Findings, (int)r.New, (int)r.Reopened, (int)r.Resolved)
            {
                LastEventId = r.LastEventId,
            })
            .ToList();
    }

    public static async Task<IReadOnlyList<FindingEvent>> EventsAsync(
        DbConnection connection, string product, long afterEventId, long uptoEventId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            EventsSql, new { Product = product, After = afterEventId, Upto = uptoEventId }, cancellationToken: cancellationToken));
        return rows.Select(r => new FindingEvent(r.Id, r.FindingId, r.RunId, r.At, FindingStates.KindOf(r.Kind), r.Priority, r.PreviousPriority)
        {
            VexState = r.VexState,
            VexStatementId = r.VexStatementId,
            Actor = r.Actor,
            From = r.FromValue,
            To = r.ToValue,
            Reason = r.Reason,
        }).ToList();
    }

    private sealed class RunRow
    {
        public long Id { get; set; }

        public string Product { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;

        public string Tool { get; set; } = string.Empty;

        public string Kind { get; set; } = "scan";

        public DateTimeOffset StartedAt { get; set; }

        public DateTimeOffset FinishedAt { get; set; }

        public string InputsJson { get; set; } = "[]";

        public long Components { get; set; }

        public long Findings { get; set; }

        public long New { get; set; }

        public long Reopened { get; set; }

        public long Resolved { get; set; }

        public long LastEventId { get; set; }
    }

    private sealed class EventRow
    {
        public long Id { get; set; }

        public long FindingId { get; set; }

        public long? RunId { get; set; }

        public DateTimeOffset At { get; set; }

        public string Kind { get; set; } = string.Empty;

        public string? Priority { get; set; }

        public string? PreviousPriority { get; set; }

        public string? VexState { get; set; }

        public long? VexStatementId { get; set; }

        public string? Actor { get; set; }

        public string? FromValue { get; set; }

        public string? ToValue { get; set; }

        public string? Reason { get; set; }
    }
}
