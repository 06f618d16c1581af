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

    // Column order is what the reader below reads by position.
    internal string Sql => $"""
        SELECT p.name, p.ordinal, p.affected_json, a.id, a.aliases_json, a.summary, a.severity, a.severity_json,
            a.exploit_refs_json, a.cwes_json
        FROM advisory_packages p
        JOIN advisories a ON a.id = p.advisory_id
        WHERE p.ecosystem = @Ecosystem AND {_dialect.InValues("p.name", "Names")} AND a.withdrawn IS NULL
        """;

    public async Task<IReadOnlyDictionary<PackageKey, IReadOnlyList<AdvisoryCandidate>>> FindAsync(
        IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(packages);
        var found = packages.Distinct().ToDictionary(k => k, _ => new List<(string AdvisoryId, int Ordinal, AdvisoryCandidate Candidate)>());

        // An advisory that names several of the packages is one row per package: its own columns are decoded once.
        var advisories = new Dictionary<string, AdvisoryColumns>(StringComparer.Ordinal);
        foreach (var ecosystem in found.Keys.GroupBy(k => k.Ecosystem, StringComparer.Ordinal))
        {
            foreach (var batch in ecosystem.Select(k => k.Name).Chunk(BatchSize))
            {
                // Read by position rather than mapped: a scan reads thousands of these rows, and the mapping was most of
                // the lookup's own time.
                await using var reader = await _connection.ExecuteReaderAsync(new CommandDefinition(
                    Sql, new { Ecosystem = ecosystem.Key, Names = _dialect.ListValue(batch) }, cancellationToken: cancellationToken));
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (found.TryGetValue(new PackageKey(ecosystem.Key, reader.GetString(0)), out var list))
                    {
                        var advisoryId = reader.GetString(3);
                        if (!advisories.TryGetValue(advisoryId, out var columns))
                        {
                            advisories[advisoryId] = columns = AdvisoryColumns.Read(reader);
                        }

                        var candidate = new AdvisoryCandidate(advisoryId, columns.Aliases, columns.Summary, columns.Severity, AffectedJson.Read(reader.GetString(2)))
                        {
                            Scores = columns.Scores,
                            ExploitReferences = columns.ExploitReferences,
                            Cwes = columns.Cwes,
                        };
                        list.Add((advisoryId, reader.GetInt32(1), candidate));
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

    /// <summary>What an advisory's row says of it, whichever of its packages the row is for.</summary>
    private sealed record AdvisoryColumns(
        IReadOnlyList<string> Aliases,
        string? Summary,
        string? Severity,
        IReadOnlyList<SeverityScore> Scores,
        IReadOnlyList<string> ExploitReferences,
        IReadOnlyList<string> Cwes)
    {
        public static AdvisoryColumns Read(DbDataReader reader) => new(
            StorageJson.Strings(reader.GetString(4)),
            OptionalString(reader, 5),
            OptionalString(reader, 6),
            OptionalString(reader, 7) is { } scores ? StorageJson.Scores(scores) : [],
            OptionalString(reader, 8) is { } references ? StorageJson.Strings(references) : [],
            OptionalString(reader, 9) is { } cwes ? StorageJson.Strings(cwes) : []);

        private static string? OptionalString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }
}
