using System.Data.Common;
using Ctem.Core.Model;
using Ctem.Core.Stores;
using Dapper;

namespace Ctem.Storage;

/// <summary>Reads the current inventories (each source's latest scan) whole, with their dependency graphs.</summary>
internal static class CurrentInventoryQueries
{
    private const string Sources = """
        FROM sources s
        JOIN products p ON p.id = s.product_id
        """;

    private const string ComponentsSql = $"""
        SELECT p.name AS Product, s.name AS Source, c.run_id AS RunId, c.ordinal AS Ordinal, c.purl AS Purl, c.name AS Name, c.version AS Version,
            c.bom_ref AS BomRef, c.location_path AS LocationPath, c.location_pointer AS LocationPointer, c.scope AS Scope, c.relation AS Relation,
            c.version_inferred_from AS VersionInferredFrom
        {Sources}
        JOIN run_components c ON c.run_id = s.inventory_run_id
        """;

    private const string EdgesSql = $"""
        SELECT e.run_id AS RunId, e.ordinal AS Ordinal, e.depends_on AS DependsOn
        {Sources}
        JOIN dependency_edges e ON e.run_id = s.inventory_run_id
        """;

    public static async Task<IReadOnlyList<SourceInventory>> ReadAsync(DbConnection connection, string? product, CancellationToken cancellationToken)
    {
        var where = product is null ? "" : "\nWHERE p.name = @Product";
        var rows = (await connection.QueryAsync<StoredComponentRow>(new CommandDefinition(
            ComponentsSql + where, new { Product = product }, cancellationToken: cancellationToken))).ToList();
        var edges = (await connection.QueryAsync<EdgeRow>(new CommandDefinition(
                EdgesSql + where, new { Product = product }, cancellationToken: cancellationToken)))
            .ToLookup(e => (e.RunId, e.Ordinal), e => e.DependsOn);
        return rows
            .GroupBy(r => (r.Product, r.Source, r.RunId))
            .OrderBy(g => g.Key.Product, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Source, StringComparer.Ordinal)
            .Select(g =>
            {
                var byOrdinal = g.ToDictionary(r => r.Ordinal);
                var components = g.OrderBy(r => r.Ordinal).Select(r => r.ToComponent() with
                {
                    // Edges were written between components with bom-refs of one document, so the refs name them again.
                    DependsOn = edges[(r.RunId, r.Ordinal)].Select(o => byOrdinal.GetValueOrDefault(o)?.BomRef).OfType<string>().ToList(),
                }).ToList();
                return new SourceInventory(g.Key.Product, g.Key.Source, g.Key.RunId, components);
            })
            .ToList();
    }

    private sealed class EdgeRow
    {
        public long RunId { get; set; }

        public int Ordinal { get; set; }

        public int DependsOn { get; set; }
    }
}
