using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>
/// Finds the current inventories that hold given packages through the <c>current_packages</c> index, in batches
/// per ecosystem like <see cref="AdvisoryLookup"/>: the cost follows the number of hits, not of stored inventories.
/// </summary>
internal static class InventoryLookup
{
    private const int BatchSize = 500;

    private static string Sql(ISqlDialect dialect) => $"""
        SELECT p.name AS Product, s.name AS Source, c.run_id AS RunId, c.purl AS Purl, c.name AS Name, c.version AS Version,
            c.bom_ref AS BomRef, c.location_path AS LocationPath, c.location_pointer AS LocationPointer, c.scope AS Scope, c.relation AS Relation,
            c.version_inferred_from AS VersionInferredFrom
        FROM current_packages i
        JOIN sources s ON s.id = i.source_id
        JOIN products p ON p.id = s.product_id
        JOIN run_components c ON c.run_id = i.run_id AND c.ordinal = i.ordinal
        WHERE i.ecosystem = @Ecosystem AND {dialect.InValues("i.name", "Names")}
        """;

    public static async Task<IReadOnlyList<SourceInventory>> FindAsync(
        DbConnection connection, ISqlDialect dialect, IReadOnlyCollection<PackageKey> packages, CancellationToken cancellationToken)
    {
        var sql = Sql(dialect);
        var found = new Dictionary<(string Product, string Source, long RunId), List<Component>>();
        foreach (var ecosystem in packages.Distinct().GroupBy(k => k.Ecosystem, StringComparer.Ordinal))
        {
            foreach (var batch in ecosystem.Select(k => k.Name).Chunk(BatchSize))
            {
                var rows = await connection.QueryAsync<StoredComponentRow>(new CommandDefinition(
                    sql, new { Ecosystem = ecosystem.Key, Names = dialect.ListValue(batch) }, cancellationToken: cancellationToken));
                foreach (var row in rows)
                {
                    var key = (row.Product, row.Source, row.RunId);
                    if (!found.TryGetValue(key, out var components))
                    {
                        found[key] = components = [];
                    }

                    components.Add(row.ToComponent());
                }
            }
        }

        return found
            .OrderBy(f => f.Key.Product, StringComparer.Ordinal)
            .ThenBy(f => f.Key.Source, StringComparer.Ordinal)
            .Select(f => new SourceInventory(f.Key.Product, f.Key.Source, f.Key.RunId, f.Value))
            .ToList();
    }
}
