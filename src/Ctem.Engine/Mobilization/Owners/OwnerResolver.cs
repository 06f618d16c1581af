using Ctem.Core.Model;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Mobilization.Owners;

/// <summary>
/// Names the team that owns a finding, from its product's rules: the first component pattern (<c>owners:</c>) its purl
/// matches, else the last CODEOWNERS rule covering the file it was found in (the lockfile, manifest or source file,
/// relative to the scanned directory, which is taken to be the repository root), else the product's team. A manual
/// assignment (<c>ctem assign</c>) overrides all of them in the store.
/// </summary>
public sealed class OwnerResolver
{
    private readonly ProductOwnership _ownership;
    private readonly List<(PurlGlob Glob, string Team)> _components;
    private readonly List<(CodeOwnersPattern Pattern, CodeOwnerRule Rule)> _codeOwners;

    public OwnerResolver(ProductOwnership ownership)
    {
        ArgumentNullException.ThrowIfNull(ownership);
        _ownership = ownership;
        _components = [.. ownership.Components.Select(r => (new PurlGlob(r.Match), r.Team))];
        _codeOwners = [.. ownership.CodeOwners.Select(r => (CodeOwnersPattern.Parse(r.Pattern).Pattern, r)).Where(p => p.Pattern is not null).Select(p => (p.Pattern!, p.r))];
    }

    /// <summary>Every finding with <see cref="ObservedFinding.Owner"/> and its source set (both null when nothing names one).</summary>
    public static IReadOnlyList<ObservedFinding> Assign(IReadOnlyList<ObservedFinding> findings, ProductOwnership? ownership)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (ownership is null || ownership.IsEmpty)
        {
            return findings;
        }

        var resolver = new OwnerResolver(ownership);
        return [.. findings.Select(f => resolver.Resolve(f) is var (team, source) ? f with { Owner = team, OwnerSource = source } : f)];
    }

    public (string Team, string Source)? Resolve(ObservedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Component.Purl is { } purl && _components.FirstOrDefault(c => c.Glob.Matches(purl)) is { Team: not null } component)
        {
            return (component.Team, $"owners: {component.Glob.Pattern}");
        }

        if (finding.Place?.Path is { } path && _codeOwners.LastOrDefault(c => c.Pattern.Matches(path)) is { Rule: not null } rule && rule.Rule.Owners.Count > 0)
        {
            return (rule.Rule.Owners[0], $"{_ownership.CodeOwnersFile ?? "CODEOWNERS"}:{rule.Rule.Line} {rule.Rule.Pattern}");
        }

        return _ownership.ProductTeam is { } team ? (team, "product owner") : null;
    }
}
