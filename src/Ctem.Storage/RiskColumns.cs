using System.Data.Common;
using Ctem.Core.Scoring.Risk;
using Dapper;

namespace Ctem.Storage;

/// <summary>The risk columns of <c>findings</c>: the score and priority to sort and filter on, the whole assessment as JSON.</summary>
internal static class RiskColumns
{
    // A changed priority is history: the event is written from the row before it is updated.
    private const string UpdateSql = """
        INSERT INTO finding_events (finding_id, run_id, at, kind, priority, previous_priority)
        SELECT id, NULL, @At, 'priority', @Priority, priority FROM findings
        WHERE id = @Id AND priority IS NOT NULL AND @Priority IS NOT NULL AND priority <> @Priority;
        UPDATE findings SET risk_score = @RiskScore, priority = @Priority, risk_json = @RiskJson WHERE id = @Id
        """;

    public static string? Priority(RiskAssessment? risk) =>
        risk is null || risk.Priority == Core.Scoring.Risk.Priority.Unspecified ? null : risk.Priority.ToString().ToLowerInvariant();

    public static Task<int> UpdateAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<(long FindingId, RiskAssessment Risk)> assessments, DateTimeOffset at, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            UpdateSql,
            assessments.Select(a => new { Id = a.FindingId, RiskScore = a.Risk.Score, Priority = Priority(a.Risk), RiskJson = StorageJson.Serialize(a.Risk), At = at }),
            transaction,
            cancellationToken: cancellationToken));
}
