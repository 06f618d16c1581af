using Ctem.Core.Graph;
using Ctem.Core.Model;
using Ctem.Core.Scoping;

namespace Ctem.Engine.Graph;

/// <summary>
/// What a product's graph is built from: the scope file (deployments, connections, integrations, data stores), the
/// services and models its current inventories declare, and its open findings with their KEV and EPSS facts.
/// </summary>
public sealed record GraphInputs(
    string Product,
    ScopeDocument Scope,
    IReadOnlyList<InventoryAsset> Assets,
    IReadOnlyList<StoredFinding> Findings,
    IReadOnlyDictionary<string, Exploitation> Exploitation);
