using System.Data.Common;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>What the knowledge base holds, per advisory source and ecosystem, and which ecosystems an advisory is for.</summary>
internal static class KnowledgeQueries
{
    // The summary is kept by every import (RefreshSummaryAsync, in the import's transaction), so reading it is instant.
    private const string StatusSql = """
        SELECT source AS Source, ecosystem AS Ecosystem, advisories AS Advisories, withdrawn AS Withdrawn,
            latest_modified AS LatestModified, last_imported_at AS LastImportedAt
        FROM knowledge_summary
        """;

    private const string RefreshSummarySql = """
        DELETE FROM knowledge_summary;
        INSERT INTO knowledge_summary (source, ecosystem, advisories, withdrawn, latest_modified, last_imported_at)
        SELECT a.source, p.ecosystem,
            COUNT(DISTINCT a.id),
            COUNT(DISTINCT CASE WHEN a.withdrawn IS NOT NULL THEN a.id END),
            MAX(a.modified),
            MAX(a.updated_at)
        FROM advisories a
        JOIN advisory_packages p ON p.advisory_id = a.id
        GROUP BY a.source, p.ecosystem;
        """;

    /// <summary>Recounts the summary <c>ctem db status</c> reads; called by an import that wrote advisories, before it commits.</summary>
    public static Task RefreshSummaryAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(RefreshSummarySql, transaction: transaction, cancellationToken: cancellationToken));

    public static async Task<IReadOnlyList<KnowledgeStatusRow>> StatusAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StatusRow>(new CommandDefinition(StatusSql, cancellationToken: cancellationToken));
        return rows
            .Select(r => new KnowledgeStatusRow(r.Source, r.Ecosystem, (int)r.Advisories, (int)r.Withdrawn, r.LatestModified, r.LastImportedAt))
            .OrderBy(r => r.Source, StringComparer.Ordinal)
            .ThenBy(r => r.Ecosystem, StringComparer.Ordinal)
            .ToList();
    }

    // The (ecosystem, name) index finds the first row; a withdrawn advisory does not count, it never matches.
    private const string AnyAdvisorySql = """
        SELECT 1 FROM advisory_packages p
        JOIN advisories a ON a.id = p.advisory_id
        WHERE p.ecosystem = @Ecosystem AND a.withdrawn IS NULL
        LIMIT 1
        """;

    public static async Task<IReadOnlySet<string>> EcosystemsWithAdvisoriesAsync(DbConnection connection, IReadOnlyCollection<string> ecosystems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ecosystems);
        var held = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ecosystem in ecosystems.Distinct(StringComparer.Ordinal))
        {
            var any = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(AnyAdvisorySql, new { Ecosystem = ecosystem }, cancellationToken: cancellationToken));
            if (any is not null)
            {
                held.Add(ecosystem);
            }
        }

        return held;
    }

    private const int Batch = 500;

    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> AdvisoryEcosystemsAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var ecosystems = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var batch in ids.Distinct(StringComparer.Ordinal).Chunk(Batch))
        {
            var sql = "SELECT DISTINCT p.advisory_id, p.ecosystem FROM advisory_packages p JOIN advisories a ON a.id = p.advisory_id "
                + $"WHERE {dialect.InValues("p.advisory_id", "Ids")} AND a.withdrawn IS NULL";
            var rows = await connection.QueryAsync<(string AdvisoryId, string Ecosystem)>(new CommandDefinition(sql, new { Ids = dialect.ListValue(batch) }, cancellationToken: cancellationToken));
            foreach (var (advisoryId, ecosystem) in rows)
            {
                if (!ecosystems.TryGetValue(advisoryId, out var set))
                {
                    ecosystems[advisoryId] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(ecosystem);
            }
        }

        return ecosystems.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Value], StringComparer.Ordinal);
    }

    private sealed class StatusRow
    {
        public string Source { get; set; } = string.Empty;

        public string Ecosystem { get; set; } = string.Empty;

        public long Advisories { get; set; }

        public long Withdrawn { get; set; }

        public DateTimeOffset? LatestModified { get; set; }

        public DateTimeOffset? LastImportedAt { get; set; }
    }
}
