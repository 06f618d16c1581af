using Ctem.Core.Model;

namespace Ctem.Storage;

/// <summary>How scope and relation are spelled in the database: lower-case names, NULL when the input did not say.</summary>
internal static class ComponentFacts
{
    public static string? Scope(DependencyScope scope) => scope == DependencyScope.Unspecified ? null : scope.ToString().ToLowerInvariant();

    public static string? Relation(DependencyRelation relation) => relation == DependencyRelation.Unspecified ? null : relation.ToString().ToLowerInvariant();

    public static DependencyScope ScopeOf(string? text) => Enum.TryParse<DependencyScope>(text, ignoreCase: true, out var scope) ? scope : DependencyScope.Unspecified;

    public static DependencyRelation RelationOf(string? text) => Enum.TryParse<DependencyRelation>(text, ignoreCase: true, out var relation) ? relation : DependencyRelation.Unspecified;
}
