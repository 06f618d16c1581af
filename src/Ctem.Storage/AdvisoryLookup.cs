using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// Finds the advisories that name given packages. Keys are looked up in batches per ecosystem, each batch one
/// query on the (ecosystem, name) index of <c>advisory_packages</c>.
/// </summary>
internal sealed class AdvisoryLookup
{
    // Well under SQLite's and PostgreSQL's limits on parameters per statement.
    private const int BatchSize = 500;

    private readonly DbConnection _connection;
    private readonly ISqlDialect _dialect;

    public AdvisoryLookup(DbConnection connection, ISqlDialect dialect)
    {
        _connection = connection;
        _dialect = dialect;
    }

    internal string Sql => $"""
        SELECT p.name AS Name, p.ordinal AS Ordinal, p.affected_json AS AffectedJson, a.id AS AdvisoryId, a.aliases_json AS AliasesJson,
            a.summary AS Summary, a.severity AS Severity, a.severity_json AS SeverityJson,
            a.exploit_refs_json AS ExploitReferencesJson, a.cwes_json AS CwesJson
        FROM advisory_packages p
        JOIN advisories a ON a.id = p.advisory_id
        WHERE p.ecosystem = @Ecosystem AND {_dialect.InValues("p.name", "Names")} AND a.withdrawn IS NULL
        """;

    public async Task<IReadOnlyDictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>>> FindAsync(
        IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var found = packages.Distinct().ToDictionary(k => k, _ => new List<(string AdvisoryId, int Ordinal, AdvisoryCandidate Candidate)>());
        foreach (var ecosystem in found.Keys.GroupBy(k => k.Ecosystem, StringComparer.Ordinal))
        {
            foreach (var batch in ecosystem.Select(k => k.Name).Chunk(BatchSize))
            {
                var rows = await _connection.QueryAsync<CandidateRow>(new CommandDefinition(
                    Sql, new { Ecosystem = ecosystem.Key, Names = _dialect.ListValue(batch) }, cancellationToken: cancellationToken));
                foreach (var row in rows)
                {
                    if (found.TryGetValue(new PackageKey(ecosystem.Key, row.Name), out var list))
                    {
                        list.Add((row.AdvisoryId, row.Ordinal, ToCandidate(row)));
                    }
                }
            }
        }

        // Sorted here rather than in SQL so both databases give the same, ordinal, order.
        return found.ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<AdvisoryCandidate>)pair.Value
                .OrderBy(c => c.AdvisoryId, StringComparer.Ordinal)
                .ThenBy(c => c.Ordinal)
                .Select(c => c.Candidate)
                .ToList());
    }

    private static AdvisoryCandidate ToCandidate(CandidateRow row) => new(
        row.AdvisoryId,
        StorageJson.Strings(row.AliasesJson),
        row.Summary,
        row.Severity,
        AffectedJson.Read(row.AffectedJson))
    {
        Scores = StorageJson.Scores(row.SeverityJson),
        ExploitReferences = row.ExploitReferencesJson is null ? [] : StorageJson.Strings(row.ExploitReferencesJson),
        Cwes = row.CwesJson is null ? [] : StorageJson.Strings(row.CwesJson),
    };

    private sealed class CandidateRow
    {
        public string Name { get; set; } = string.Empty;

        public int Ordinal { get; set; }

        public string AffectedJson { get; set; } = string.Empty;

        public string AdvisoryId { get; set; } = string.Empty;

        public string AliasesJson { get; set; } = string.Empty;

        public string? Summary { get; set; }

        public string? Severity { get; set; }

        public string SeverityJson { get; set; } = "[]";

        public string? ExploitReferencesJson { get; set; }

        public string? CwesJson { get; set; }
    }
}
