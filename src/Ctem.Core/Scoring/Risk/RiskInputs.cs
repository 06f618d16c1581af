using Ctem.Core.Model;
using Ctem.Core.Scoping;

namespace Ctem.Core.Scoring.Risk;

/// <summary>The facts one finding is assessed on: the vulnerability, its exploitation, the dependency and the product.</summary>
public sealed record RiskInputs(
    VulnerabilityRef Vulnerability,
    Exploitation? Exploitation,
    DependencyRelation Relation,
    DependencyScope Scope,
    ProductRiskContext Product)
{
    /// <summary>Why the finding is probably not about its component (<see cref="ObservedFinding.Suspect"/>); null when nothing speaks against it.</summary>
    public string? Suspect { get; init; }

    /// <summary>Where the affected version was inferred from (<see cref="Component.VersionInferredFrom"/>); null when the inventory states it.</summary>
    public string? VersionInferredFrom { get; init; }

    /// <summary>
    /// Where the finding stands in its product's exposure graph; null when the product has no graph with a crown jewel,
    /// and then the score has no attack-path factor.
    /// </summary>
    public AttackPathExposure? AttackPaths { get; init; }

    /// <summary>
    /// Why the exposure counts as reproduced on the product's deployment (the latest <c>ctem validate</c> evidence was
    /// <c>validated</c>); null when it was not. SSVC Exploitation is then public PoC at least.
    /// </summary>
    public string? Validated { get; init; }
}

/// <summary>How many attack paths to crown jewels go through a finding, and to which crown jewels (none: off every path).</summary>
public sealed record AttackPathExposure(int Paths, IReadOnlyList<string> CrownJewels);
