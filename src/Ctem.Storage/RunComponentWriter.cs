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

    public static Task WriteAsync(
        ISqlDialect dialect, DbConnection connection, DbTransaction transaction, long runId, IReadOnlyList<Component> components, CancellationToken cancellationToken) =>
        dialect.BulkInsertAsync(connection, transaction, "run_components", Columns, components.Select((c, i) => new object?[]
        {
            runId, i, c.Purl?.ToString(), c.Ecosystem, c.Name, c.Version, c.BomRef, c.Location.Path, c.Location.Pointer,
            ComponentFacts.Scope(c.Scope), ComponentFacts.Relation(c.Relation), c.VersionInferredFrom,
        }), cancellationToken);
}
