namespace Ctem.Core.Scoping;

/// <summary>A team that owns the components whose purl matches <see cref="Match"/>, a glob (<c>pkg:npm/@acme/*</c>).</summary>
public sealed record ComponentOwnerRule(string Match, string Team);

/// <summary>One line of a CODEOWNERS file: a path pattern (gitignore syntax) and its owners, as written.</summary>
public sealed record CodeOwnerRule(string Pattern, IReadOnlyList<string> Owners, int Line);

/// <summary>
/// Who owns what in one product, from the scope file: the product's team, teams per component pattern (first match in
/// file order wins) and the rules of the CODEOWNERS file the product points at (last match wins, as on GitHub).
/// Stored with the product, so re-analysis after an advisory import assigns owners without the file.
/// </summary>
public sealed record ProductOwnership(string? ProductTeam, IReadOnlyList<ComponentOwnerRule> Components, IReadOnlyList<CodeOwnerRule> CodeOwners)
{
    /// <summary>Where the CODEOWNERS rules were read from, as the scope file names it; null without one.</summary>
    public string? CodeOwnersFile { get; init; }

    public static ProductOwnership None { get; } = new(null, [], []);

    public bool IsEmpty => ProductTeam is null && Components.Count == 0 && CodeOwners.Count == 0;

    public static ProductOwnership From(ScopeProduct product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return new ProductOwnership(product.Owner?.Team, product.ComponentOwners, product.CodeOwners) { CodeOwnersFile = product.CodeOwnersFile };
    }
}
