using System.Data.Common;
using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>Writes a run's inventory through the dialect's bulk path: an inventory can hold thousands of components.</summary>
internal static class RunComponentWriter
{
    private static readonly string[] Columns =
    [
        "run_id", "ordinal", "purl", "ecosystem", "name", "version", "bom_ref", "location_path", "location_pointer", "scope", "relation",
        "version_inferred_from",
    ];

    private static readonly string[] EdgeColumns = ["run_id", "ordinal", "depends_on"];

    public static async Task WriteAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<Component> components, CancellationToken cancellationToken)
    {
        await dialect.BulkInsertAsync(connection, transaction, "run_components", Columns, components.Select((c, i) => new object?[]
        {
            runId, i, c.Purl?.ToString(), c.Ecosystem, c.Name, c.Version, c.BomRef, c.Location.Path, c.Location.Pointer,
            ComponentFacts.Scope(c.Scope), ComponentFacts.Relation(c.Relation), c.VersionInferredFrom,
        }), cancellationToken);
        await dialect.BulkInsertAsync(
            connection, transaction, "dependency_edges", EdgeColumns, Edges(components).Select(e => new object?[] { runId, e.Ordinal, e.DependsOn }), cancellationToken);
    }

    /// <summary>
    /// Each <see cref="Component.DependsOn"/> bom-ref resolved to a component of the same input document: two SBOMs of one
    /// scan may use the same bom-refs for different components. Refs that name no component are dropped.
    /// </summary>
    private static IEnumerable<(int Ordinal, int DependsOn)> Edges(IReadOnlyList<Component> components)
    {
        var byRef = new Dictionary<(string Path, string BomRef), int>();
        for (var i = 0; i < components.Count; i++)
        {
            if (components[i].BomRef is { } bomRef)
            {
                byRef.TryAdd((components[i].Location.Path, bomRef), i);
            }
        }

        for (var i = 0; i < components.Count; i++)
        {
            var targets = components[i].DependsOn
                .Select(r => byRef.TryGetValue((components[i].Location.Path, r), out var target) ? target : -1)
                .Where(t => t >= 0 && t != i)
                .Distinct();
            foreach (var target in targets)
            {
                yield return (i, target);
            }
        }
    }
}
