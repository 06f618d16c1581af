using Ctem.Core.Model;

namespace Ctem.Engine.Mobilization.Plan;

/// <summary>What to change, in what order: upgrade actions ranked by the risk they remove, and the findings no upgrade fixes.</summary>
public sealed record RemediationPlan(IReadOnlyList<RemediationAction> Actions, IReadOnlyList<UnplannedFinding> Unplanned);

/// <summary>
/// Upgrade one package from the versions the products hold to one version, across every product that holds those versions.
/// </summary>
/// <param name="Ecosystem">The OSV ecosystem, as findings name it.</param>
/// <param name="From">The versions held now, lowest first.</param>
/// <param name="To">The version to upgrade to, as the advisories spell it.</param>
/// <param name="Breaking">The upgrade leaves the major version of some version held.</param>
/// <param name="Fixes">The open findings the upgrade fixes, most risk first.</param>
/// <param name="Remaining">The open findings of the same components that the version still has.</param>
/// <param name="RiskRemoved">The sum of the fixed findings' risk scores.</param>
/// <param name="Via">
/// For a transitive component, the direct dependencies that pull it in (their coordinates), as the stored dependency
/// graphs of the products' current inventories say; empty when no graph says.
/// </param>
public sealed record RemediationAction(
    string Ecosystem,
    string Name,
    IReadOnlyList<string> From,
    string To,
    bool Breaking,
    IReadOnlyList<StoredFinding> Fixes,
    IReadOnlyList<StoredFinding> Remaining,
    IReadOnlyList<string> Products,
    double RiskRemoved,
    IReadOnlyList<string> Via);

/// <summary>An open finding of a package that no upgrade in the plan fixes, and why.</summary>
public sealed record UnplannedFinding(StoredFinding Finding, string Reason);
