using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>A <c>run_components</c> row with the product and source whose inventory it belongs to.</summary>
internal sealed class StoredComponentRow
{
    public string Product { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public long RunId { get; set; }

    public int Ordinal { get; set; }

    public string? Purl { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Version { get; set; }

    public string? BomRef { get; set; }

    public string LocationPath { get; set; } = string.Empty;

    public string? LocationPointer { get; set; }

    public string? Scope { get; set; }

    public string? Relation { get; set; }

    public string? VersionInferredFrom { get; set; }

    // The purl was written from a parsed one, so it parses again.
    public Component ToComponent() =>
        new(Name, Version, Purl is null ? null : PackageUrl.Parse(Purl).Value, BomRef, new SourceLocation(LocationPath, LocationPointer))
        {
            Scope = ComponentFacts.ScopeOf(Scope),
            Relation = ComponentFacts.RelationOf(Relation),
            VersionInferredFrom = VersionInferredFrom,
        };
}
